/// Sorting by string keys without paying for `String <` on every comparison.
///
/// Keys here are ASCII (hex person keys, identity keys) and mostly differ within their first
/// eight bytes; comparing those as one big-endian integer first, and the strings only on a tie,
/// gives the same order as `String <` for ASCII and is several times faster. For any keys the
/// order is total and independent of input order, which is all determinism needs.
enum KeyOrder {
    static func sortedIndices(_ count: Int, shards: Int = 1, key: (Int) -> String) -> [Int] {
        sortedIndices(count, shards: shards, group: { _ in 0 }, key: key)
    }

    /// Indices ordered by `group`, then by `key` as above, then by index: a total order, so
    /// cutting the sort into `shards` runs sorted concurrently and merged gives the same result.
    static func sortedIndices(_ count: Int, shards: Int = 1, group: (Int) -> Int64, key: (Int) -> String) -> [Int] {
        typealias Tagged = (group: Int64, prefix: UInt64, index: Int)
        func before(_ a: Tagged, _ b: Tagged) -> Bool {
            if a.group != b.group { return a.group < b.group }
            if a.prefix != b.prefix { return a.prefix < b.prefix }
            if a.index == b.index { return false }
            let ka = key(a.index), kb = key(b.index)
            return ka != kb ? ka < kb : a.index < b.index
        }
        let shards = max(1, min(shards, count / 4096))
        let runs = Shards.map(shards) { shard -> [Tagged] in
            var tagged: [Tagged] = []
            let range = Shards.range(shard, of: shards, count: count)
            tagged.reserveCapacity(range.count)
            for i in range { tagged.append((group(i), prefix(key(i)), i)) }
            tagged.sort(by: before)
            return tagged
        }
        return merged(runs, by: before).map(\.index)
    }

    /// Sorted runs merged pairwise into one.
    private static func merged<T>(_ runs: [[T]], by before: (T, T) -> Bool) -> [T] {
        var runs = runs
        while runs.count > 1 {
            var next: [[T]] = []
            for pair in stride(from: 0, to: runs.count, by: 2) {
                guard pair + 1 < runs.count else { next.append(runs[pair]); continue }
                let a = runs[pair], b = runs[pair + 1]
                var out: [T] = []
                out.reserveCapacity(a.count + b.count)
                var i = 0, j = 0
                while i < a.count, j < b.count {
                    if before(b[j], a[i]) { out.append(b[j]); j += 1 } else { out.append(a[i]); i += 1 }
                }
                out.append(contentsOf: a[i...])
                out.append(contentsOf: b[j...])
                next.append(out)
            }
            runs = next
        }
        return runs.first ?? []
    }

    private static func prefix(_ s: String) -> UInt64 {
        var v: UInt64 = 0
        var n = 0
        for byte in s.utf8.prefix(8) { v = v << 8 | UInt64(byte); n += 1 }
        return v << (8 * UInt64(8 - n))
    }
}
