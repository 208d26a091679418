import Cleanse

/// A distinct person tuple seen in this run: its key, how often, and the span of business dates
/// of the records that carried it (the dates decide which attribute values are newest).
public struct PersonSighting: Sendable {
    /// The person key (`PersonKey.of`), stored in staging.
    public var key: String
    public var person: Person
    public var count: Int
    public var firstSeen: Day
    public var lastSeen: Day

    public init(key: String, person: Person, count: Int, firstSeen: Day, lastSeen: Day) {
        self.key = key; self.person = person; self.count = count; self.firstSeen = firstSeen; self.lastSeen = lastSeen
    }

    /// Folds another sighting of the same person in: counts add, the date span widens.
    public mutating func absorb(_ other: PersonSighting) {
        count += other.count
        firstSeen = min(firstSeen, other.firstSeen)
        lastSeen = max(lastSeen, other.lastSeen)
    }
}
