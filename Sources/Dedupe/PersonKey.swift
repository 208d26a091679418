import Cleanse

/// The stable identity of one normalised person tuple.
public enum PersonKey {
    /// A 128-bit hex digest (32 lowercase hex digits) of every field of `p`, identical in every
    /// process and on every machine, so it can be stored and joined on.
    ///
    /// Fields are written in declaration order, each preceded by a presence byte, so a nil field
    /// and an empty string, or text moving between adjacent fields, never give the same bytes.
    /// The leading version tag changes if the encoding ever has to.
    public static func of(_ p: Person) -> String {
        var hasher = PersonKeyHasher()
        return hasher.digest(p).hex
    }
}

/// The 128-bit digest behind a person key: cheap to hash and compare, so the pipeline can count
/// millions of rows per person without building a hex string for each.
public struct PersonDigest: Hashable, Sendable {
    public let high: UInt64
    public let low: UInt64
    /// The 32-hex-digit person key stored in the warehouse.
    public var hex: String { StableHash128.hex64(high) + StableHash128.hex64(low) }

    public init(high: UInt64, low: UInt64) { self.high = high; self.low = low }

    /// The digest `hex` was made from; nil unless it is exactly 32 hex digits (either case).
    public init?(hex: String) {
        var hex = hex
        let halves: (UInt64, UInt64)? = hex.withUTF8 { utf8 in
            guard utf8.count == 32 else { return nil }
            var words: (UInt64, UInt64) = (0, 0)
            for (i, byte) in utf8.enumerated() {
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                if i < 16 { words.0 = words.0 << 4 | UInt64(digit) } else { words.1 = words.1 << 4 | UInt64(digit) }
            }
            return words
        }
        guard let halves else { return nil }
        self.init(high: halves.0, low: halves.1)
    }
}

/// Computes person digests into one reused buffer: no allocation per row once it has grown.
public struct PersonKeyHasher {
    private var bytes: [UInt8] = []

    public init() { bytes.reserveCapacity(256) }

    /// The digest of every field of `p` (the encoding `PersonKey.of` documents).
    public mutating func digest(_ p: Person) -> PersonDigest {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: "person.v1".utf8)
        put(p.name); put(p.namePinyin); put(p.gender); put(p.birthYear.map(String.init))
        put(p.mobile); put(p.landline); put(p.memberCard)
        put(p.province); put(p.city); put(p.address)
        let (h1, h2) = bytes.withUnsafeBytes { StableHash128.hash($0) }
        return PersonDigest(high: h1, low: h2)
    }

    private mutating func put(_ s: String?) {
        guard let s else { bytes.append(0); return }
        bytes.append(1)
        withUnsafeBytes(of: UInt32(s.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: s.utf8)
    }
}
