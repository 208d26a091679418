import Cleanse
@testable import Dedupe

/// A normalised person as Cleanse would hand it over; only what a test names is set.
func person(_ name: String? = nil, _ pinyin: String? = nil, mobile: String? = nil, landline: String? = nil,
            card: String? = nil, city: String? = nil, address: String? = nil, birthYear: Int? = nil) -> Person {
    Person(name: name, namePinyin: pinyin, birthYear: birthYear, mobile: mobile, landline: landline,
           memberCard: card, city: city, address: address)
}

/// Links `persons` as one run and returns each person's customer id in input order.
func customerIds(_ persons: [Person], known: IdentityMap = .empty, rules: LinkRules = .default) -> (ids: [Int64], result: LinkResult) {
    let result = Linker.link(persons.map { PersonObservation(person: $0) }, known: known, rules: rules)
    return (persons.map { result.assignment[PersonKey.of($0)]! }, result)
}

/// A small deterministic generator (SplitMix64) so synthetic data is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
