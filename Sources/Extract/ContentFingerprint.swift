/// A 128-bit hash of a byte stream that does not depend on how the stream was chunked.
///
/// Two independent 64-bit lanes (an xxHash64-style multiply-rotate round and an FNV-style
/// xor-multiply round, each over 8-byte words) so that a collision needs both to collide. It
/// identifies files, not secrets: no cryptographic claim.
struct ContentFingerprint {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

    private var lane1: UInt64 = 0x6A09_E667_F3BC_C908
    private var lane2: UInt64 = 0xCBF2_9CE4_8422_2325
    /// Bytes of an unfinished 8-byte word, low byte first.
    private var tail: UInt64 = 0
    private var tailCount = 0
    private var length: UInt64 = 0

    mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        length &+= UInt64(bytes.count)
        var index = 0
        while tailCount != 0 && index < bytes.count {
            append(bytes[index])
            index += 1
        }
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
                index += 8
            }
        }
        while index < bytes.count {
            append(bytes[index])
            index += 1
        }
    }

    /// The hash of everything seen so far, as 32 lowercase hex digits.
    var hex: String {
        var copy = self
        // The tail is padded with its length so "a" and "a\0" differ.
        copy.mix(copy.tail ^ (UInt64(copy.tailCount) << 59))
        let high = Self.avalanche(copy.lane1 ^ copy.length ^ (copy.lane2 >> 32 | copy.lane2 << 32))
        let low = Self.avalanche(copy.lane2 &+ (copy.length &* Self.prime3) ^ copy.lane1)
        return Self.hex16(high) + Self.hex16(low)
    }

    private mutating func append(_ byte: UInt8) {
        tail |= UInt64(byte) << (8 * UInt64(tailCount))
        tailCount += 1
        if tailCount == 8 {
            mix(tail)
            tail = 0
            tailCount = 0
        }
    }

    private mutating func mix(_ word: UInt64) {
        lane1 = Self.rotate(lane1 &+ word &* Self.prime2, by: 31) &* Self.prime1
        lane2 = (lane2 ^ word) &* Self.fnvPrime
        lane2 ^= lane2 >> 29
    }

    private static func rotate(_ value: UInt64, by bits: UInt64) -> UInt64 {
        value << bits | value >> (64 - bits)
    }

    private static func avalanche(_ value: UInt64) -> UInt64 {
        var hash = value
        hash ^= hash >> 33
        hash &*= prime2
        hash ^= hash >> 29
        hash &*= prime3
        hash ^= hash >> 32
        return hash
    }

    private static func hex16(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
