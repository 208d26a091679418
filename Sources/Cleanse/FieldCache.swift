/// A memo of normalised values by the raw field text, the hot-path cache of `Cleanser`.
///
/// Most cached values (names, cities, provinces, categories, channels) are at most 15 UTF-8
/// bytes. Those are keyed by their bytes packed into two integers and kept in an open-addressing
/// table with a multiplicative hash: a hit costs no string retain, no Unicode normalisation and no
/// SipHash, which together were most of a `Dictionary<String, _>` lookup. Longer values fall back
/// to a dictionary by `RawKey`. The memo empties itself at `limit` entries so memory stays bounded
/// on files with millions of distinct values; a value dropped is only recomputed.
struct FieldCache<Value> {
    /// Up to 15 bytes of UTF-8, zero-padded, with the length in the top byte of `high`; an empty
    /// slot has `high == 0`, which no stored key has because stored keys are never empty.
    struct SmallKey: Hashable {
        var low: UInt64
        var high: UInt64
    }

    /// Key and value side by side: the name memo outgrows the CPU caches, and a lookup that
    /// finds both in one place waits for memory once instead of twice.
    private struct Entry {
        var key: SmallKey
        var value: Value?
    }

    private var entries: [Entry]
    private var used = 0
    private var large: [RawKey: Value] = [:]
    let limit: Int
    private static var initialCapacity: Int { 256 }

    init(limit: Int) {
        self.limit = limit
        entries = Self.emptyEntries(Self.initialCapacity)
    }

    private static func emptyEntries(_ count: Int) -> [Entry] {
        Array(repeating: Entry(key: SmallKey(low: 0, high: 0), value: nil), count: count)
    }

    var count: Int { used + large.count }

    /// The memoised value for `text`, computing and storing it with `make` on a miss.
    @inline(__always)
    mutating func value(_ text: String, _ make: () -> Value) -> Value {
        Text.withBytes(text) { value(bytes: $0, make) }
    }

    /// The memoised value for the text whose UTF-8 is `bytes`.
    @inline(__always)
    mutating func value(bytes: UnsafeBufferPointer<UInt8>, _ make: () -> Value) -> Value {
        guard let key = Self.smallKey(bytes) else { return largeValue(String(decoding: bytes, as: UTF8.self), make) }
        var i = slot(of: key)
        while entries[i].key.high != 0 {
            if entries[i].key == key { return entries[i].value! }
            i = (i + 1) & (entries.count - 1)
        }
        let v = make()
        if count >= limit { removeAll() }
        if (used + 1) * 2 > entries.count { grow() }
        insert(key, v)
        return v
    }

    /// The slot where a lookup of `bytes` starts, for `touch`; nil for a value not kept here.
    @inline(__always)
    func firstSlot(bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        Self.smallKey(bytes).map(slot(of:))
    }

    /// Reads the entries at `slots` and returns what it read, so that the reads are kept. With
    /// no other work between them, many of these reads wait for memory at once. Both ends of
    /// an entry are read: the array's header puts most entries across two cache lines.
    func touch(_ slots: [Int]) -> UInt64 {
        entries.withUnsafeBytes { table in
            let stride = MemoryLayout<Entry>.stride
            var sum: UInt64 = 0
            for slot in slots where slot < entries.count {
                sum &+= UInt64(table.load(fromByteOffset: slot * stride, as: UInt8.self))
                    &+ UInt64(table.load(fromByteOffset: slot * stride + stride - 1, as: UInt8.self))
            }
            return sum
        }
    }

    private mutating func largeValue(_ text: String, _ make: () -> Value) -> Value {
        let key = RawKey(text)
        if let hit = large[key] { return hit }
        if count >= limit { removeAll() }
        let v = make()
        large[key] = v
        return v
    }

    @inline(__always)
    private func slot(of key: SmallKey) -> Int {
        var h = key.low &* 0x9E37_79B9_7F4A_7C15 ^ key.high &* 0xC2B2_AE3D_27D4_EB4F
        h = (h ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        return Int(truncatingIfNeeded: h) & (entries.count - 1)
    }

    private mutating func insert(_ key: SmallKey, _ value: Value) {
        var i = slot(of: key)
        while entries[i].key.high != 0 { i = (i + 1) & (entries.count - 1) }
        entries[i] = Entry(key: key, value: value)
        used += 1
    }

    private mutating func grow() {
        let old = entries
        entries = Self.emptyEntries(old.count * 2)
        used = 0
        for entry in old where entry.key.high != 0 { insert(entry.key, entry.value!) }
    }

    private mutating func removeAll() {
        entries = Self.emptyEntries(Self.initialCapacity)
        used = 0
        large.removeAll()
    }

    @inline(__always)
    static func smallKey(_ text: String) -> SmallKey? {
        Text.withBytes(text) { smallKey($0) }
    }

    @inline(__always)
    static func smallKey(_ b: UnsafeBufferPointer<UInt8>) -> SmallKey? {
        let n = b.count
        guard n <= 15, n > 0, let base = b.baseAddress else { return nil }
        // Byte i of the text is byte i % 8 of its word (read little-endian on any machine), the
        // rest zero. Two loads that overlap in the middle instead of a copy of variable length,
        // which compiled to a loop or a call on every one of a row's nine memo lookups.
        let p = UnsafeRawPointer(base)
        func word(_ at: Int) -> UInt64 { UInt64(littleEndian: p.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        func half(_ at: Int) -> UInt64 { UInt64(UInt32(littleEndian: p.loadUnaligned(fromByteOffset: at, as: UInt32.self))) }
        var low: UInt64, high: UInt64 = 0
        if n >= 8 {
            low = word(0)
            // Bytes 8..<n are the top n - 8 of the last eight; at n == 8 the shift leaves zero.
            high = word(n - 8) >> (8 * (16 - n))
        } else if n >= 4 {
            low = half(0) | half(n - 4) << (8 * (n - 4))
        } else {
            low = UInt64(b[0]) | UInt64(b[n / 2]) << (8 * (n / 2)) | UInt64(b[n - 1]) << (8 * (n - 1))
        }
        return SmallKey(low: low, high: high | UInt64(n) << 56)
    }
}
