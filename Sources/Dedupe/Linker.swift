import Cleanse

/// Decides which person tuples are the same customer, with customer ids that last across runs.
///
/// Rules (switches and thresholds in `LinkRules`):
/// - Records sharing a member card are one person: cards are personal.
/// - Families share landlines, addresses and sometimes a mobile, so a shared mobile, landline or
///   address links two records only when their names agree (`NameAgreement`: equal pinyin, or —
///   when one side was typed in Latin letters, see `NameToken` — one edit apart with the same
///   surname syllable). Names alone never link: 王伟 is legion.
/// - A record with a mobile but no name joins the person named on that mobile only when exactly
///   one name (after agreement) is known for the mobile in this run and in history; otherwise it
///   stays with the other nameless records of that mobile (`n:` key), since nothing tells them apart.
/// - A record matches an earlier customer when it shares an identity key (`IdentityKeys`) with
///   it, or its name agrees with a name history holds for the same number or address.
///
/// Blocking: observations are only compared within a block (one mobile, landline or address),
/// and exact keys are joined through a dictionary, so the work is linear in the observations
/// plus the squares of the (small, capped) name counts per block. Union-find over observations
/// and earlier customers gives the clusters; blocks and keys are split by digest into partitions
/// linked on all cores (`Partition`), their unions applied afterwards, so the cores change the
/// time, never the clusters. The partition does not depend on input order;
/// everything emitted is sorted, new ids go to clusters in order of their smallest person key,
/// and a cluster holding several earlier customers keeps the lowest id and records the merges.
public enum Linker {
    /// Links this run's distinct person tuples to each other and to the customers `known` from
    /// earlier runs. Pure: the caller loads `known` and persists the result
    /// (`IdentityMap.applying(_:)` shows the bookkeeping).
    public static func link(_ observations: [PersonObservation], known: IdentityMap,
                            rules: LinkRules = .default) -> LinkResult {
        link(observations, rules: rules) { _ in known }
    }

    /// Links like `link(_:known:rules:)`, asking `history` only for the part of the identity
    /// history this run can touch (`HistoryRequest`), once the run's own keys and blocks are known:
    /// a night then reads a few thousand keys instead of every key ever seen.
    public static func link(_ observations: [PersonObservation], rules: LinkRules = .default,
                            history: (HistoryRequest) throws -> IdentityMap) rethrows -> LinkResult {
        try link(observations, rules: rules, shards: Shards.defaultCount, history: history)
    }

    /// The work is cut into `shards` pieces run concurrently: observation ranges build their keys,
    /// digest partitions (`Partition`) collect keys and blocks and compare names within blocks.
    /// The result does not depend on `shards`.
    static func link(_ observations: [PersonObservation], rules: LinkRules, shards: Int,
                     history: (HistoryRequest) throws -> IdentityMap) rethrows -> LinkResult {
        // Node i is observation obs[i]: distinct keys in key order.
        let shards = max(1, shards)
        let (obs, position) = canonicalOrder(observations, shards: shards)
        var stats = LinkStats()
        stats.observations = obs.count
        stats.records = observations.reduce(0) { $0 + $1.count }

        let parts = (0..<shards).map { Partition($0, of: shards, observations: obs.count) }
        // The observations' keys go to the partitions a slice at a time: all of them at once
        // would hold a few hundred MB of digests and entries at the run's memory peak.
        let slice = max(1, observations.count / 8)
        for start in stride(from: 0, to: observations.count, by: slice) {
            let slice = start..<min(start + slice, observations.count)
            let ranges = observations.withUnsafeBufferPointer { all in
                Shards.map(shards) { shard in
                    let range = Shards.range(shard, of: shards, count: slice.count)
                    return ObservationKeys(all, indices: (slice.lowerBound + range.lowerBound)..<(slice.lowerBound + range.upperBound),
                                           node: position, distinct: obs, rules: rules)
                }
            }
            _ = Shards.map(shards) { parts[$0].absorb(ranges) }
            // Their key strings live on in the partitions; the rest is freed on the shards.
            _ = Shards.map(shards) { ranges[$0].release() }
        }

        let known = try history(HistoryRequest(
            keys: parts.flatMap(\.unblockedKeys),
            blocks: parts.flatMap(\.blocks.texts)))
        // A known key ties its first observation (and so every observation carrying it) to the
        // earlier customer; the union-find partition does not depend on the order of unions.
        var graph = Graph(observations: obs.count)
        for p in parts.indices {
            parts[p].keys.known = known.keys.isEmpty ? Array(repeating: nil, count: parts[p].keys.count)
                : parts[p].keys.texts.map { known.keys[$0] }
            for (slot, id) in parts[p].keys.known.enumerated() {
                guard let id else { continue }
                graph.nodes.union(Int(parts[p].keys.firstObservation[slot]), graph.node(customer: id))
            }
        }
        // History's names on this run's numbers and addresses take part in name agreement, so a
        // typo today still finds yesterday's customer and a nameless record counts every name.
        for (key, id) in known.keys {
            guard let (block, pinyin) = IdentityKeys.split(key) else { continue }
            let digest = KeyDigest(block)
            let p = Partition.owner(of: digest, among: shards)
            guard parts[p].blocks.contains(digest) else { continue }
            parts[p].blocks.add(digest, text: nil, isMobile: block.hasPrefix("m:"), pinyin: String(pinyin),
                                node: graph.node(customer: id))
        }

        let agreement = NameAgreement(rules: rules)
        let withinBlocks = Shards.map(shards) { p in
            var found = (unions: [(Int, Int)](), stats: LinkStats())
            parts[p].blocks.forEachBlock { isMobile, entries in
                linkWithin(entries, isMobile: isMobile, agreement: agreement, rules: rules,
                           unions: &found.unions, stats: &found.stats)
            }
            return found
        }
        for (part, within) in zip(parts, withinBlocks) {
            for (a, b) in part.unions { graph.nodes.union(a, b) }
            for (a, b) in within.unions { graph.nodes.union(a, b) }
            stats.pairsCompared += within.stats.pairsCompared
            stats.fuzzyNameLinks += within.stats.fuzzyNameLinks
            stats.namelessLinked += within.stats.namelessLinked
            stats.oversizedBlocks += within.stats.oversizedBlocks
        }
        return assign(obs.map { observations[$0].key }, position: position, keys: parts.map(\.keys), graph: &graph,
                      known: known, stats: stats, shards: shards)
    }

    /// Indices of `observations` in person-key order, one per distinct key, so the result cannot
    /// depend on how the caller ordered, batched or repeated its input; and for each input, its
    /// position among them. Indices rather than copies: moving a Person retains ten strings.
    private static func canonicalOrder(_ observations: [PersonObservation], shards: Int) -> (distinct: [Int], position: [Int]) {
        let order = KeyOrder.sortedIndices(observations.count, shards: shards) { observations[$0].key }
        var distinct: [Int] = []
        distinct.reserveCapacity(order.count)
        var position = [Int](repeating: 0, count: observations.count)
        for i in order {
            if distinct.last.map({ observations[$0].key != observations[i].key }) ?? true { distinct.append(i) }
            position[i] = distinct.count - 1
        }
        return (distinct, position)
    }

    private static func linkWithin(_ entries: ArraySlice<Blocks.Entry>, isMobile: Bool,
                                   agreement: NameAgreement, rules: LinkRules,
                                   unions: inout [(Int, Int)], stats: inout LinkStats) {
        guard entries.count > 1 else { return }
        var nodesByName: [String: [Int]] = [:]
        var romanised: Set<String> = []
        var nameless: [Int] = []
        for e in entries {
            guard let encoded = e.pinyin else { nameless.append(e.node); continue }
            let token = NameToken(encoded: encoded)
            nodesByName[token.pinyin, default: []].append(e.node)
            if token.romanised { romanised.insert(token.pinyin) }
        }
        // Equal pinyin agrees whatever the script (張偉, 张伟 and ZhangWei are one name).
        let names = nodesByName.keys.sorted()
        let representative = names.map { name -> Int in
            let nodes = nodesByName[name]!
            for n in nodes.dropFirst() { unions.append((nodes[0], n)) }
            return nodes[0]
        }
        guard names.count <= rules.maxNamesPerBlock else { stats.oversizedBlocks += 1; return }

        var groups = UnionFind(count: names.count)
        var groupCount = names.count
        for i in 0..<names.count {
            for j in (i + 1)..<names.count {
                stats.pairsCompared += 1
                let mayBeSlip = !rules.fuzzyOnlyForRomanisedNames || romanised.contains(names[i]) || romanised.contains(names[j])
                guard mayBeSlip, agreement.compare(names[i], names[j]) == .fuzzy else { continue }
                stats.fuzzyNameLinks += 1
                if groups.find(i) != groups.find(j) { groupCount -= 1 }
                groups.union(i, j)
                unions.append((representative[i], representative[j]))
            }
        }
        if isMobile, rules.linkNamelessMobile, groupCount == 1, !nameless.isEmpty {
            for n in nameless { unions.append((n, representative[0])) }
            stats.namelessLinked += nameless.count
        }
    }

    private static func assign(_ obs: [String], position: [Int], keys partitions: [KeyTable],
                               graph: inout Graph, known: IdentityMap, stats: LinkStats, shards: Int) -> LinkResult {
        var stats = stats
        // Observations are sorted, so clusters are numbered by their smallest person key.
        var clusterOfRoot = [Int](repeating: -1, count: graph.nodes.count)
        var clusterCount = 0
        var clusterOfObservation = [Int](repeating: 0, count: obs.count)
        for i in obs.indices {
            let root = graph.nodes.find(i)
            if clusterOfRoot[root] < 0 {
                clusterOfRoot[root] = clusterCount
                clusterCount += 1
            }
            clusterOfObservation[i] = clusterOfRoot[root]
        }
        var earlier = [[Int64]](repeating: [], count: clusterCount)
        for (id, node) in graph.customerNodes {
            let c = clusterOfRoot[graph.nodes.find(node)]
            if c >= 0 { earlier[c].append(id) }
        }

        var next = known.nextCustomerId
        var merges: [(from: Int64, to: Int64)] = []
        let customerOfCluster = earlier.map { ids -> Int64 in
            guard let survivor = ids.min() else {
                defer { next += 1 }
                stats.newCustomers += 1
                return next
            }
            stats.matchedExisting += 1
            for id in ids where id != survivor { merges.append((id, survivor)) }
            return survivor
        }
        merges.sort { ($0.to, $0.from) < ($1.to, $1.from) }

        let customerOfObservation = clusterOfObservation.map { customerOfCluster[$0] }
        let customers = position.map { customerOfObservation[$0] }

        var unsorted: [(key: String, customerId: Int64)] = []
        for keys in partitions {
            for slot in 0..<keys.count {
                let id = customerOfCluster[clusterOfObservation[Int(keys.firstObservation[slot])]]
                if keys.known[slot] != id { unsorted.append((keys.texts[slot], id)) }
            }
        }
        // By customer, then key: a customer's few keys almost always differ in their first eight
        // bytes, so `KeyOrder` settles nearly every tie without comparing strings.
        let order = KeyOrder.sortedIndices(unsorted.count, shards: shards, group: { unsorted[$0].customerId }, key: { unsorted[$0].key })
        let changed = order.map { unsorted[$0] }
        stats.clusters = clusterCount
        stats.merges = merges.count
        return LinkResult(personKeys: obs, customerOfPerson: customerOfObservation, customers: customers,
                          newIdentityKeys: changed,
                          merges: merges, nextCustomerId: next, stats: stats)
    }
}

/// Observations are nodes `0..<n`; earlier customers get nodes on first mention.
private struct Graph {
    var nodes: UnionFind
    var customerNodes: [Int64: Int] = [:]

    init(observations: Int) { nodes = UnionFind(count: observations) }

    mutating func node(customer id: Int64) -> Int {
        if let n = customerNodes[id] { return n }
        let n = nodes.add()
        customerNodes[id] = n
        return n
    }
}
