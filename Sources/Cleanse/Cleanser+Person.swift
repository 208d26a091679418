import Extract

/// The person fields every kind shares, and the rule that a row must be traceable to someone.
extension Cleanser {
    func person(_ raw: RawRecord, issues: inout [FieldIssue]) -> Person {
        let c = columns
        var name: NormalizedName?
        if let hit = cached(&nameCache, raw, c.name, { PersonName.normalize($0, han: han) }) { name = hit }
        var gender = name?.genderHint
        if let v = text(raw, c.gender) {
            switch cached(&genderCache, v, { Demographics.gender(v, han: han) }) {
            case .value(let g): gender = g
            case .issue(let code): issues.append(issue(raw, "gender", code, v))
            case .empty: break
            }
        }
        var birthYear: Int?
        if let v = text(raw, c.birthYear) {
            switch Demographics.birthYear(v, window: birthYears) {
            case .value(let y): birthYear = y
            case .issue(let code): issues.append(issue(raw, "birth_year", code, v))
            case .empty: break
            }
        }
        var phones = Phones()
        phones.take(withText(raw, c.mobile) { $0.map { PhoneNumber.readMobile($0, placeholders: placeholders) } ?? .empty }, fromMobileColumn: true)
        phones.take(withText(raw, c.landline) { $0.map(PhoneNumber.readLandline) ?? .empty }, fromMobileColumn: false)
        if let code = phones.mobileIssue { issues.append(issue(raw, "mobile", code, raw.field(c.mobile))) }
        if let code = phones.landlineIssue { issues.append(issue(raw, "landline", code, raw.field(c.landline))) }
        var province: String?
        if let hit = cached(&provinceCache, raw, c.province, { Region.province($0, index: provinceIndex, han: han) }) {
            province = hit
            if hit == nil { issues.append(issue(raw, "province", ReasonCode.provinceUnknown, text(raw, c.province)!)) }
        }
        var city: String?
        if let hit = cached(&cityCache, raw, c.city, { Region.city($0, han: han) }) { city = hit }
        return Person.assembled(name: name?.name, namePinyin: name?.pinyin, gender: gender, birthYear: birthYear,
                      mobile: phones.mobile, landline: phones.landline, memberCard: text(raw, c.memberCard),
                      province: province, city: city, address: text(raw, c.address))
    }

    /// Where the two phone columns' readings end up: a landline in the mobile column moves to
    /// landline (and the reverse) unless that field has a usable value of its own.
    private struct Phones {
        var mobile: String?, landline: String?
        var mobileIssue: String?, landlineIssue: String?

        mutating func take(_ reading: PhoneNumber.Reading, fromMobileColumn: Bool) {
            switch reading {
            case .empty: break
            case .mobile(let m): if fromMobileColumn || mobile == nil { mobile = m }
            case .landline(let l): if !fromMobileColumn || landline == nil { landline = l }
            case .issue(let code): if fromMobileColumn { mobileIssue = code } else { landlineIssue = code }
            }
        }
    }

    /// Rejects a row that cannot be tied to any customer.
    func requireIdentifiable(_ p: Person, _ raw: RawRecord) throws(Rejection) {
        if p.mobile != nil || p.landline != nil || p.memberCard != nil || (p.name != nil && p.address != nil) { return }
        throw rejection(raw, field: nil, code: ReasonCode.customerUnidentifiable,
                        "no usable mobile, landline or member card, and no name with address, so the row cannot be tied to a customer; supply one of them (see this row's field issues for numbers that were unusable)")
    }
}
