/// A 128-bit digest standing in for an identity or block key inside one `Linker.link` call.
///
/// Dictionaries of long strings spend their time hashing and comparing bytes out of line; two
/// words hash and compare in place. At 128 bits a collision among even a billion keys has
/// odds below 10⁻²⁰, so a digest is as good as the key. Never persisted.
struct KeyDigest: Hashable {
    let high: UInt64
    let low: UInt64

    init(high: UInt64, low: UInt64) { self.high = high; self.low = low }

    init(_ text: String) {
        var text = text
        (high, low) = text.withUTF8 { StableHash128.hash(UnsafeRawBufferPointer($0)) }
    }

    init(_ text: Substring) {
        var text = text
        (high, low) = text.withUTF8 { StableHash128.hash(UnsafeRawBufferPointer($0)) }
    }

    /// One word is enough: it is already uniformly mixed.
    func hash(into hasher: inout Hasher) { hasher.combine(high) }
}
