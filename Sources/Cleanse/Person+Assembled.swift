/// `Person`'s public init assigns its `var` fields one by one, and the compiler then builds the
/// value in a temporary and copies it out: a retain and release of every string field, on every
/// row the cleanser reads (about 2.5% of extract+cleanse). Its fields stay `var` because dedupe
/// merges people field by field, so the cleanser builds its people here instead, initialising
/// each field in place and moving the whole out, which the compiler does without a copy.
extension Person {
    /// The same value as `Person(name:namePinyin:…)`. Every stored field must be initialised
    /// below: `PersonAssembledTests` fails when `Person` gains a field this does not set.
    @inline(__always)
    static func assembled(name: String?, namePinyin: String?, gender: String?, birthYear: Int?, mobile: String?,
                          landline: String?, memberCard: String?, province: String?, city: String?, address: String?) -> Person {
        withUnsafeTemporaryAllocation(of: Person.self, capacity: 1) { buffer in
            let p = buffer.baseAddress!
            p.pointer(to: \.name)!.initialize(to: name)
            p.pointer(to: \.namePinyin)!.initialize(to: namePinyin)
            p.pointer(to: \.gender)!.initialize(to: gender)
            p.pointer(to: \.birthYear)!.initialize(to: birthYear)
            p.pointer(to: \.mobile)!.initialize(to: mobile)
            p.pointer(to: \.landline)!.initialize(to: landline)
            p.pointer(to: \.memberCard)!.initialize(to: memberCard)
            p.pointer(to: \.province)!.initialize(to: province)
            p.pointer(to: \.city)!.initialize(to: city)
            p.pointer(to: \.address)!.initialize(to: address)
            return p.move()
        }
    }

    /// The fields `assembled` initialises, for the test that keeps it complete.
    static let assembledFieldCount = 10
}
