/// Turns a source's bytes into valid UTF-8, chunk by chunk, carrying a multi-byte character
/// split between chunks into the next call.
protocol ChunkDecoder: AnyObject {
    /// Appends the decoded UTF-8 of `chunk` to `output`. Returns nil, or the offset in the whole
    /// (decompressed) source of the first byte that does not decode; output up to that byte
    /// has been appended. `isLast` marks the end of the source, where a pending partial
    /// character is an error.
    func decode(_ chunk: UnsafeBufferPointer<UInt8>, isLast: Bool, into output: inout [UInt8]) -> Int?
}

extension TextEncoding {
    func makeDecoder() throws(ExtractError) -> any ChunkDecoder {
        switch self {
        case .utf8: UTF8ChunkDecoder()
        case .gb18030, .big5: try IconvChunkDecoder(encoding: self)
        }
    }
}

/// Bytes of a partial character kept from the previous chunk, and the source offset of the
/// next byte to decode, which both decoders need.
struct DecoderCarry {
    private(set) var bytes: [UInt8] = []
    /// Offset in the source of `bytes.first` (or of the next chunk when `bytes` is empty).
    private(set) var sourceOffset = 0

    /// Runs `body` on the carried bytes followed by `chunk`.
    func withJoined<R>(_ chunk: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if bytes.isEmpty { return body(chunk) }
        let joined = bytes + chunk
        return joined.withUnsafeBufferPointer(body)
    }

    /// Records that `consumed` bytes of the joined input were decoded and the rest carried.
    mutating func advance(joined: UnsafeBufferPointer<UInt8>, consumed: Int) {
        sourceOffset += consumed
        bytes = Array(joined[consumed...])
    }
}

/// UTF-8 needs no conversion, only validation and the BOM removed.
final class UTF8ChunkDecoder: ChunkDecoder {
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    private var carry = DecoderCarry()
    private var atStart = true

    func decode(_ chunk: UnsafeBufferPointer<UInt8>, isLast: Bool, into output: inout [UInt8]) -> Int? {
        carry.withJoined(chunk) { joined in
            var start = 0
            if atStart {
                let prefix = Array(joined.prefix(3))
                // Too few bytes yet to tell a BOM from text that starts like one.
                if !isLast && prefix.count < 3 && Self.byteOrderMark.starts(with: prefix) {
                    carry.advance(joined: joined, consumed: 0)
                    return nil
                }
                atStart = false
                if prefix == Self.byteOrderMark { start = 3 }
            }
            let rest = UnsafeBufferPointer(rebasing: joined[start...])
            switch UTF8Validation.check(rest) {
            case .valid:
                output.append(contentsOf: rest)
                carry.advance(joined: joined, consumed: joined.count)
                return nil
            case .incomplete(let validCount):
                output.append(contentsOf: rest[0..<validCount])
                carry.advance(joined: joined, consumed: start + validCount)
                return isLast ? carry.sourceOffset : nil
            case .invalid(let offset):
                output.append(contentsOf: rest[0..<offset])
                return carry.sourceOffset + start + offset
            }
        }
    }
}

/// GB18030 and Big5 through iconv.
final class IconvChunkDecoder: ChunkDecoder {
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    private let converter: IconvConverter
    private var carry = DecoderCarry()
    private var atStart = true

    init(encoding: TextEncoding) throws(ExtractError) {
        converter = try IconvConverter(from: encoding, to: .utf8)
    }

    func decode(_ chunk: UnsafeBufferPointer<UInt8>, isLast: Bool, into output: inout [UInt8]) -> Int? {
        let outputStart = output.count
        let failure: Int? = carry.withJoined(chunk) { joined in
            switch converter.convert(joined, appendingTo: &output) {
            case .complete:
                carry.advance(joined: joined, consumed: joined.count)
                return nil
            case .incomplete(let consumed):
                carry.advance(joined: joined, consumed: consumed)
                return isLast ? carry.sourceOffset : nil
            case .invalid(let offset):
                return carry.sourceOffset + offset
            }
        }
        // GB18030 has a BOM too (84 31 95 33); it arrives here as U+FEFF.
        // iconv emits whole characters, so the first output holds all of a BOM or none of it.
        if atStart, output.count > outputStart {
            atStart = false
            if output[outputStart...].starts(with: Self.byteOrderMark) {
                output.removeSubrange(outputStart..<(outputStart + 3))
            }
        }
        return failure
    }
}
