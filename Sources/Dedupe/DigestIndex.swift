/// A hash table from `KeyDigest` to a dense slot number, for the linker's millions of keys.
///
/// Swift's `Dictionary` keeps its occupancy bitmap, keys and values in three arrays and hashes
/// every key again with SipHash: a lookup in a table far larger than the cache costs up to three
/// misses plus the hashing. A digest is already uniformly mixed, so it picks the bucket directly,
/// and key and value share one 24-byte entry: one miss per lookup (linear probing, at most three
/// quarters full). The size is not rounded to a power of two: at millions of keys the table is
/// most of the linker's memory, and every extra page is another TLB miss.
struct DigestIndex {
    private struct Entry {
        var high: UInt64
        var low: UInt64
        var value: Int32
    }

    private static let vacant = Entry(high: 0, low: 0, value: -1)
    private var entries: [Entry]
    private(set) var count = 0

    init(capacity: Int) {
        entries = Array(repeating: Self.vacant, count: max(16, capacity + capacity / 3))
    }

    private func bucket(_ key: KeyDigest) -> Int {
        Int(truncatingIfNeeded: key.low.multipliedFullWidth(by: UInt64(entries.count)).high)
    }

    /// The slot stored for `key`; stores `next` and returns it when the key is absent.
    mutating func slot(_ key: KeyDigest, insertingIfAbsent next: Int32) -> Int32 {
        if 4 * (count + 1) > 3 * entries.count { grow() }
        let start = bucket(key)
        return entries.withUnsafeMutableBufferPointer { table in
            var i = start
            while true {
                if table[i].value < 0 {
                    table[i] = Entry(high: key.high, low: key.low, value: next)
                    count += 1
                    return next
                }
                if table[i].low == key.low, table[i].high == key.high { return table[i].value }
                i = i + 1 == table.count ? 0 : i + 1
            }
        }
    }

    /// The slot stored for `key`, nil when absent.
    func slot(_ key: KeyDigest) -> Int32? {
        let start = bucket(key)
        return entries.withUnsafeBufferPointer { table in
            var i = start
            while table[i].value >= 0 {
                if table[i].low == key.low, table[i].high == key.high { return table[i].value }
                i = i + 1 == table.count ? 0 : i + 1
            }
            return nil
        }
    }

    private mutating func grow() {
        let old = entries
        entries = Array(repeating: Self.vacant, count: old.count * 2)
        count = 0
        for e in old where e.value >= 0 {
            _ = slot(KeyDigest(high: e.high, low: e.low), insertingIfAbsent: e.value)
        }
    }
}
