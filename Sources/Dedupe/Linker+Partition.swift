import Cleanse

/// The identity keys and block entries of one contiguous range of observations, in the caller's
/// order, digests included: building the strings and hashing them is most of a link's work
/// per observation, and ranges need nothing from each other. A class, so the shard that built
/// a range can also free it (`release`).
final class ObservationKeys {
    private(set) var keyDigests: [KeyDigest] = []
    private(set) var keyTexts: [String] = []
    private(set) var keyNodes: [Int] = []
    private(set) var blockDigests: [KeyDigest] = []
    private(set) var blockTexts: [String] = []
    private(set) var blockEntries: [(pinyin: String?, node: Int, isMobile: Bool)] = []

    func release() {
        keyDigests = []; keyTexts = []; keyNodes = []
        blockDigests = []; blockTexts = []; blockEntries = []
    }

    /// The observations `indices` of `observations` that stand for their node (`node[i]`; a
    /// repeated person key is another index with the same node), walked in array order: the
    /// persons are read where they lie, not hopping through a million of them in key order.
    init(_ observations: UnsafeBufferPointer<PersonObservation>, indices: Range<Int>, node: [Int], distinct: [Int],
         rules: LinkRules) {
        keyDigests.reserveCapacity(indices.count * 3 / 2)
        keyTexts.reserveCapacity(indices.count * 3 / 2)
        keyNodes.reserveCapacity(indices.count * 3 / 2)
        blockDigests.reserveCapacity(indices.count * 2)
        blockTexts.reserveCapacity(indices.count * 2)
        blockEntries.reserveCapacity(indices.count * 2)
        for i in indices where distinct[node[i]] == i {
            let identity = IdentityKeys(of: observations[i].person, personKey: observations[i].key, rules: rules)
            for key in identity.keys {
                keyDigests.append(KeyDigest(key))
                keyTexts.append(key)
                keyNodes.append(node[i])
            }
            for entry in identity.blocks {
                blockDigests.append(KeyDigest(entry.block))
                blockTexts.append(entry.block)
                blockEntries.append((entry.pinyin, node[i], entry.block.utf8.first == UInt8(ascii: "m")))
            }
        }
    }
}

/// The keys and blocks whose digests fall in one of `count` equal parts of the digest space,
/// with the unions they call for. Each key and block lives in exactly one partition, so
/// partitions are filled and linked concurrently and their unions applied afterwards in partition
/// order; union-find's partition does not depend on the order of unions, so the clusters are the
/// same for any number of partitions. A class: each shard fills its own partition in place.
final class Partition {
    let index: Int
    let count: Int
    var keys: KeyTable
    var blocks: Blocks
    /// Pairs of nodes found to be one person.
    private(set) var unions: [(Int, Int)] = []
    /// This partition's keys that no block covers, for the history request.
    private(set) var unblockedKeys: [String] = []

    static func owner(of digest: KeyDigest, among count: Int) -> Int {
        // `DigestIndex` buckets by the low word; the high word picks the partition independently.
        Int(truncatingIfNeeded: digest.high.multipliedFullWidth(by: UInt64(count)).high)
    }

    /// Partition `index` of `count`, sized for `observations`.
    init(_ index: Int, of count: Int, observations: Int) {
        self.index = index
        self.count = count
        // About 1.4 keys and up to 1.6 blocks per observation in generated data; the tables grow
        // if a run has more.
        keys = KeyTable(capacity: (observations + observations / 2) / count)
        blocks = Blocks(capacity: observations * 2 / count)
    }

    /// Takes this partition's keys and blocks from `ranges`, in range order. Callers pass the
    /// observations' ranges in one order whatever the number of shards, so a key's first
    /// observation is the same (and any observation of a key would do: all of them end up in one
    /// cluster).
    func absorb(_ ranges: [ObservationKeys]) {
        for r in ranges {
            for j in r.keyDigests.indices where Self.owner(of: r.keyDigests[j], among: count) == index {
                let node = r.keyNodes[j]
                let first = keys.record(r.keyDigests[j], r.keyTexts[j], observation: node)
                if first != node {
                    unions.append((node, first))
                } else if IdentityKeys.split(r.keyTexts[j]) == nil {
                    // First seen here (one observation never carries a key twice).
                    unblockedKeys.append(r.keyTexts[j])
                }
            }
            for j in r.blockDigests.indices where Self.owner(of: r.blockDigests[j], among: count) == index {
                let e = r.blockEntries[j]
                blocks.add(r.blockDigests[j], text: r.blockTexts[j], isMobile: e.isMobile, pinyin: e.pinyin, node: e.node)
            }
        }
    }
}
