import Cleanse
import Postgres

/// What this run says about one customer, ready for the SCD2 merge: each attribute takes the value
/// of the most recent record that had one (ties go to the smaller person key, so the result does
/// not depend on input order), and the span of dates the customer was seen.
struct IncomingCustomer {
    let customerId: Int64
    var person = Person()
    var firstSeen: Day
    var lastSeen: Day

    /// `customers[i]` is the customer of `persons[i]` (`LinkResult.customers`).
    ///
    /// Sorts small (customer, day, index) tuples rather than the sightings themselves: moving a
    /// sighting retains a dozen strings, and a million of them made this step cost seconds.
    static func build(_ persons: [PersonSighting], customers: [Int64]) -> [IncomingCustomer] {
        precondition(persons.count == customers.count, "one customer per person")
        // Through a buffer pointer each field is read in place; an array element passed along
        // is copied whole first, a dozen retains per sighting.
        return persons.withUnsafeBufferPointer { persons in
            var order: [(id: Int64, lastSeen: Day, index: Int)] = []
            order.reserveCapacity(persons.count)
            for i in persons.indices { order.append((customers[i], persons[i].lastSeen, i)) }
            order.sort { a, b in
                if a.id != b.id { return a.id < b.id }
                if a.lastSeen != b.lastSeen { return a.lastSeen > b.lastSeen }
                return persons[a.index].key < persons[b.index].key
            }
            var out: [IncomingCustomer] = []
            for (id, _, i) in order {
                let s = persons.baseAddress! + i
                if out.last?.customerId != id {
                    out.append(IncomingCustomer(customerId: id, firstSeen: s.pointee.firstSeen, lastSeen: s.pointee.lastSeen))
                }
                out[out.count - 1].fillGaps(from: s)
            }
            return out
        }
    }

    /// The same for persons looked up by key; persons without a customer are left out.
    static func build(_ persons: [PersonSighting], assignment: [String: Int64]) -> [IncomingCustomer] {
        let linked = persons.filter { assignment[$0.key] != nil }
        return build(linked, customers: linked.map { assignment[$0.key]! })
    }

    /// Newest first, so a field already set keeps its newer value.
    private mutating func fillGaps(from s: UnsafePointer<PersonSighting>) {
        firstSeen = min(firstSeen, s.pointee.firstSeen)
        if person.name == nil { person.name = s.pointee.person.name }
        if person.namePinyin == nil { person.namePinyin = s.pointee.person.namePinyin }
        if person.gender == nil { person.gender = s.pointee.person.gender }
        if person.birthYear == nil { person.birthYear = s.pointee.person.birthYear }
        if person.mobile == nil { person.mobile = s.pointee.person.mobile }
        if person.landline == nil { person.landline = s.pointee.person.landline }
        if person.memberCard == nil { person.memberCard = s.pointee.person.memberCard }
        if person.province == nil { person.province = s.pointee.person.province }
        if person.city == nil { person.city = s.pointee.person.city }
        if person.address == nil { person.address = s.pointee.person.address }
    }

    /// Fields of `encode(into:)`: the columns `CopyStatements.customer` lists.
    static let fieldCount = 13

    /// The row for `staging.stg_customer` as binary COPY fields.
    /// - Throws: for a birth year a smallint cannot hold, as the server would for its text.
    func encode(into row: inout CopyBinaryEncoder) throws(PostgresError) {
        row.append(int8: customerId); row.append(text: person.name); row.append(text: person.namePinyin)
        row.append(text: person.gender)
        if let year = person.birthYear { try row.append(int2: year) } else { row.appendNull() }
        row.append(text: person.mobile); row.append(text: person.landline); row.append(text: person.memberCard)
        row.append(text: person.province); row.append(text: person.city); row.append(text: person.address)
        try row.append(date: firstSeen); try row.append(date: lastSeen)
    }
}
