import Cleanse

/// A distinct person tuple seen in this run, with how many records carried it.
public struct PersonObservation: Sendable, Hashable {
    /// `PersonKey.of(person)`.
    public var key: String
    public var person: Person
    /// Records in this run carrying exactly this tuple; used for statistics only.
    public var count: Int

    public init(key: String, person: Person, count: Int) {
        self.key = key; self.person = person; self.count = count
    }

    /// An observation keyed by `PersonKey.of(person)`.
    public init(person: Person, count: Int = 1) {
        self.init(key: PersonKey.of(person), person: person, count: count)
    }
}
