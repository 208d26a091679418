import Cleanse

/// Builds the one "golden" person shown in the customer dimension from a cluster's records.
public enum Survivorship {
    /// Field by field, the most frequent non-nil value; ties go to the longest (most complete)
    /// text, then to the smallest in code-point order so the choice never depends on input order.
    ///
    /// Fields that only make sense together are chosen together: the pinyin is the most frequent
    /// one among records carrying the chosen name, the city among records in the chosen province,
    /// the address among records in the chosen city — so a golden record never pairs 张伟 with a
    /// typo'd `zhangwie` or 广州市 with 浙江省 when a consistent choice exists.
    public static func golden(_ persons: [Person]) -> Person {
        var g = Person()
        g.name = pick(persons, \.name)
        g.namePinyin = pick(narrowed(persons, \.name, to: g.name), \.namePinyin)
        g.gender = pick(persons, \.gender)
        g.birthYear = pick(persons.map(\.birthYear), completeness: { _ in 0 })
        g.mobile = pick(persons, \.mobile)
        g.landline = pick(persons, \.landline)
        g.memberCard = pick(persons, \.memberCard)
        g.province = pick(persons, \.province)
        let inProvince = narrowed(persons, \.province, to: g.province)
        g.city = pick(inProvince, \.city)
        g.address = pick(narrowed(inProvince, \.city, to: g.city), \.address)
        return g
    }

    /// The records agreeing with an already chosen value, or all records when none carries one
    /// (a lone pinyin without a name is still better than nil).
    private static func narrowed(_ persons: [Person], _ field: KeyPath<Person, String?>, to chosen: String?) -> [Person] {
        guard let chosen else { return persons }
        let agreeing = persons.filter { $0[keyPath: field] == chosen }
        return agreeing.contains { $0[keyPath: field] != nil } ? agreeing : persons
    }

    private static func pick(_ persons: [Person], _ field: KeyPath<Person, String?>) -> String? {
        pick(persons.map { $0[keyPath: field] }, completeness: \.count)
    }

    private static func pick<T: Hashable & Comparable>(_ values: [T?], completeness: (T) -> Int) -> T? {
        var counts: [T: Int] = [:]
        for case let v? in values { counts[v, default: 0] += 1 }
        return counts.max { a, b in
            if a.value != b.value { return a.value < b.value }
            let ca = completeness(a.key), cb = completeness(b.key)
            if ca != cb { return ca < cb }
            return a.key > b.key
        }?.key
    }
}
