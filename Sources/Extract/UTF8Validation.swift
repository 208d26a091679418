/// How far a run of bytes is valid UTF-8.
enum UTF8Validation: Equatable {
    case valid
    /// Valid up to `validCount`, where a multi-byte sequence starts that the bytes end inside.
    case incomplete(validCount: Int)
    /// The sequence starting at `offset` is invalid.
    case invalid(offset: Int)

    /// Checks `bytes`, eight ASCII bytes at a time where it can.
    static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> UTF8Validation {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return .valid }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index < count {
            if index + 8 <= count {
                // Skip the ASCII bytes before the first high bit in one step (little-endian:
                // byte i of the text is bits 8i..<8i+8 of the word).
                let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) & 0x8080_8080_8080_8080
                if high == 0 {
                    index += 8
                    continue
                }
                index += high.trailingZeroBitCount / 8
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            // Two- and three-byte sequences without the edge cases of their leads (CJK text is
            // nearly all E4–E9) in one test; the others take the checks below.
            if index + 2 < count {
                let run = skipPlainThreeByteRun(bytes, from: index)
                if run > index {
                    index = run
                    continue
                }
                if (0xC2...0xDF).contains(lead) && bytes[index + 1] & 0xC0 == 0x80 {
                    index += 2
                    continue
                }
            }
            // The allowed range of the second byte rules out overlong forms and surrogates.
            let length: Int, secondLow: UInt8, secondHigh: UInt8
            switch lead {
            case 0xC2...0xDF: (length, secondLow, secondHigh) = (2, 0x80, 0xBF)
            case 0xE0: (length, secondLow, secondHigh) = (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, secondLow, secondHigh) = (3, 0x80, 0xBF)
            case 0xED: (length, secondLow, secondHigh) = (3, 0x80, 0x9F)
            case 0xF0: (length, secondLow, secondHigh) = (4, 0x90, 0xBF)
            case 0xF1...0xF3: (length, secondLow, secondHigh) = (4, 0x80, 0xBF)
            case 0xF4: (length, secondLow, secondHigh) = (4, 0x80, 0x8F)
            default: return .invalid(offset: index)
            }
            for position in 1..<length {
                guard index + position < count else { return .incomplete(validCount: index) }
                let byte = bytes[index + position]
                let (low, high) = position == 1 ? (secondLow, secondHigh) : (UInt8(0x80), UInt8(0xBF))
                guard byte >= low && byte <= high else { return .invalid(offset: index) }
            }
            index += length
        }
        return .valid
    }

    /// Past a run of three-byte sequences whose lead has no edge case (E1–EC, EE, EF): a CJK
    /// field is such a run, and staying in this loop spares each character the ASCII word test.
    @inline(__always)
    private static func skipPlainThreeByteRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index + 2 < bytes.count {
            let lead = bytes[index]
            guard lead &- 0xE1 < 12 || lead & 0xFE == 0xEE,
                  bytes[index + 1] & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80 else { break }
            index += 3
        }
        return index
    }
}
