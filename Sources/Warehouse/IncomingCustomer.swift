import Cleanse

/// What this run says about one customer, ready for the SCD2 merge: each attribute takes the value
/// of the most recent record that had one (ties go to the smaller person key, so the result does
/// not depend on input order), and the span of dates the customer was seen.
struct IncomingCustomer {
    let customerId: Int64
    var person = Person()
    var firstSeen: Day
    var lastSeen: Day

    static func build(_ persons: [PersonSighting], assignment: [String: Int64]) -> [IncomingCustomer] {
        let linked = persons.compactMap { s in assignment[s.key].map { (id: $0, s: s) } }
            .sorted { a, b in
                if a.id != b.id { return a.id < b.id }
                if a.s.lastSeen != b.s.lastSeen { return a.s.lastSeen > b.s.lastSeen }
                return a.s.key < b.s.key
            }
        var out: [IncomingCustomer] = []
        for (id, s) in linked {
            if out.last?.customerId != id {
                out.append(IncomingCustomer(customerId: id, firstSeen: s.firstSeen, lastSeen: s.lastSeen))
            }
            out[out.count - 1].fillGaps(from: s)
        }
        return out
    }

    /// Newest first, so a field already set keeps its newer value.
    private mutating func fillGaps(from s: PersonSighting) {
        firstSeen = min(firstSeen, s.firstSeen)
        let p = s.person
        person.name = person.name ?? p.name
        person.namePinyin = person.namePinyin ?? p.namePinyin
        person.gender = person.gender ?? p.gender
        person.birthYear = person.birthYear ?? p.birthYear
        person.mobile = person.mobile ?? p.mobile
        person.landline = person.landline ?? p.landline
        person.memberCard = person.memberCard ?? p.memberCard
        person.province = person.province ?? p.province
        person.city = person.city ?? p.city
        person.address = person.address ?? p.address
    }

    /// The row for `staging.stg_customer`.
    var copyFields: [String?] {
        [String(customerId), person.name, person.namePinyin, person.gender, person.birthYear.map(String.init),
         person.mobile, person.landline, person.memberCard, person.province, person.city, person.address,
         firstSeen.description, lastSeen.description]
    }
}
