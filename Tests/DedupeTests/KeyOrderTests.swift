import XCTest
@testable import Dedupe

final class KeyOrderTests: XCTestCase {
    /// Runs sorted on separate shards and merged must give exactly the one-shard order, ties on
    /// group, on the eight-byte prefix and on the whole key included.
    func testShardedSortEqualsOneShardWithTiesOnEveryLevel() {
        var rng = SeededGenerator(state: 3)
        let keys = (0..<40_000).map { _ -> String in
            // Shared 8-byte prefixes, equal keys, and keys shorter than the prefix.
            ["abcdefgh", "abcdefgi", "ab", ""].randomElement(using: &rng)! + String(rng.next() % 300)
        }
        let groups = keys.indices.map { _ in Int64(rng.next() % 5) }
        let one = KeyOrder.sortedIndices(keys.count, shards: 1, group: { groups[$0] }, key: { keys[$0] })
        XCTAssertEqual(one, keys.indices.sorted { (groups[$0], keys[$0], $0) < (groups[$1], keys[$1], $1) })
        for shards in [2, 3, 7] {
            XCTAssertEqual(KeyOrder.sortedIndices(keys.count, shards: shards, group: { groups[$0] }, key: { keys[$0] }), one,
                           "\(shards) shards")
        }
    }
}
