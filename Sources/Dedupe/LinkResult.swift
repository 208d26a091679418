/// What `Linker.link` decided, for the pipeline to persist.
public struct LinkResult: Sendable {
    /// Person key → durable customer id, for every observation. Built on demand: the pipeline
    /// uses `customers`, and a dictionary of a million person keys costs a noticeable part of a link.
    public var assignment: [String: Int64] {
        Dictionary(uniqueKeysWithValues: zip(personKeys, customerOfPerson))
    }
    /// The distinct person keys in key order, and each one's customer.
    let personKeys: [String]
    let customerOfPerson: [Int64]
    /// The customer id of each observation passed to `Linker.link`, in the caller's order: the
    /// pipeline's persons line up with it, so it needs no lookup by person key.
    public var customers: [Int64]
    /// Identity keys seen this run whose customer is new or changed, sorted by customer id, then key.
    public var newIdentityKeys: [(key: String, customerId: Int64)]
    /// Earlier customers found to be one person this run; `to` is the lowest id of the cluster.
    /// Sorted by `(to, from)`.
    public var merges: [(from: Int64, to: Int64)]
    /// The id counter after this run's new customers.
    public var nextCustomerId: Int64
    public var stats: LinkStats

    init(personKeys: [String], customerOfPerson: [Int64], customers: [Int64],
         newIdentityKeys: [(key: String, customerId: Int64)], merges: [(from: Int64, to: Int64)],
         nextCustomerId: Int64, stats: LinkStats) {
        self.personKeys = personKeys; self.customerOfPerson = customerOfPerson; self.customers = customers
        self.newIdentityKeys = newIdentityKeys; self.merges = merges
        self.nextCustomerId = nextCustomerId; self.stats = stats
    }
}

/// Counts for the run ledger and logs.
public struct LinkStats: Sendable, Equatable {
    /// Distinct person tuples linked.
    public var observations = 0
    /// Records behind them (sum of `PersonObservation.count`).
    public var records = 0
    /// Customers this run's observations fall into.
    public var clusters = 0
    /// Clusters that matched no earlier customer and got a fresh id.
    public var newCustomers = 0
    /// Clusters that kept an earlier customer's id.
    public var matchedExisting = 0
    /// Earlier customers folded into another (`LinkResult.merges.count`).
    public var merges = 0
    /// Name pairs compared within blocks (the cost of blocking; never n²).
    public var pairsCompared = 0
    /// Name pairs that agreed only through the fuzzy rule.
    public var fuzzyNameLinks = 0
    /// Nameless observations joined to the single person named on their mobile.
    public var namelessLinked = 0
    /// Blocks with more names than `LinkRules.maxNamesPerBlock`.
    public var oversizedBlocks = 0

    public init() {}
}
