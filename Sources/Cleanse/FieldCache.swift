/// A memo of normalised values by the raw field text, the hot-path cache of `Cleanser`.
///
/// Most cached values (names, cities, provinces, categories, channels) are at most 15 UTF-8
/// bytes. Those are keyed by their bytes packed into two integers: hashing and comparing them
/// needs no string retain, no Unicode normalisation and no memcmp call. Longer values fall back to
/// `RawKey`. The memo empties itself at `limit` entries so memory stays bounded on files with
/// millions of distinct values; a value dropped is only recomputed.
struct FieldCache<Value> {
    /// Up to 15 bytes of UTF-8, zero-padded, with the length in the top byte of `high`.
    struct SmallKey: Hashable {
        var low: UInt64
        var high: UInt64
    }

    private var small: [SmallKey: Value] = [:]
    private var large: [RawKey: Value] = [:]
    let limit: Int

    init(limit: Int) { self.limit = limit }

    var count: Int { small.count + large.count }

    /// The memoised value for `text`, computing and storing it with `make` on a miss.
    @inline(__always)
    mutating func value(_ text: String, _ make: () -> Value) -> Value {
        if let key = Self.smallKey(text) {
            if let hit = small[key] { return hit }
            if count >= limit { small.removeAll(keepingCapacity: true); large.removeAll() }
            let v = make()
            small[key] = v
            return v
        }
        let key = RawKey(text)
        if let hit = large[key] { return hit }
        if count >= limit { small.removeAll(keepingCapacity: true); large.removeAll() }
        let v = make()
        large[key] = v
        return v
    }

    @inline(__always)
    static func smallKey(_ text: String) -> SmallKey? {
        Text.withBytes(text) { b in
            guard b.count <= 15 else { return nil }
            var key = SmallKey(low: 0, high: UInt64(b.count) << 56)
            for i in 0..<min(8, b.count) { key.low |= UInt64(b[i]) << (8 * UInt64(i)) }
            if b.count > 8 { for i in 8..<b.count { key.high |= UInt64(b[i]) << (8 * UInt64(i - 8)) } }
            return key
        }
    }
}
