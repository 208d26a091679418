/// Identity keys already known from earlier runs and the next free customer id.
///
/// The pipeline loads this from PostgreSQL before linking and persists `LinkResult`'s
/// `newIdentityKeys`, `merges` and `nextCustomerId` afterwards; `applying(_:)` is the same
/// bookkeeping in memory.
public struct IdentityMap: Sendable, Equatable {
    /// Identity key (see `Linker`) → durable customer id.
    public var keys: [String: Int64]
    /// The id the next new customer gets; always above every id in `keys`.
    public var nextCustomerId: Int64

    public init(keys: [String: Int64] = [:], nextCustomerId: Int64 = 1) {
        self.keys = keys
        self.nextCustomerId = nextCustomerId
    }

    /// An empty map for a first run.
    public static let empty = IdentityMap()

    /// The map after persisting `result`: new keys added, keys of merged-away customers moved to
    /// their survivor (in SQL: `UPDATE … SET customer_id = to WHERE customer_id = from`, applied in
    /// the order given), and the id counter advanced.
    public func applying(_ result: LinkResult) -> IdentityMap {
        var keys = self.keys
        if !result.merges.isEmpty {
            let survivor = Dictionary(result.merges.map { ($0.from, $0.to) }, uniquingKeysWith: min)
            for (k, id) in keys { if let to = survivor[id] { keys[k] = to } }
        }
        for entry in result.newIdentityKeys { keys[entry.key] = entry.customerId }
        return IdentityMap(keys: keys, nextCustomerId: max(nextCustomerId, result.nextCustomerId))
    }

    /// The part of this map `request` asks for: what a database answering the request returns.
    public func subset(for request: HistoryRequest) -> IdentityMap {
        let exact = Set(request.keys), blocks = Set(request.blocks)
        let wanted = keys.filter { key, _ in
            if let (block, _) = IdentityKeys.split(key) { return blocks.contains(String(block)) }
            return exact.contains(key)
        }
        return IdentityMap(keys: wanted, nextCustomerId: nextCustomerId)
    }
}
