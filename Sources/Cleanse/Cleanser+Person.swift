import Extract

/// The person fields every kind shares, and the rule that a row must be traceable to someone.
extension Cleanser {
    func person(_ raw: RawRecord, issues: inout [FieldIssue]) -> Person {
        let c = columns
        var p = Person()
        if let v = text(raw, c.name), let n = cached(&nameCache, v, { PersonName.normalize(v, han: han) }) {
            p.name = n.name; p.namePinyin = n.pinyin; p.gender = n.genderHint
        }
        if let v = text(raw, c.gender) {
            switch cached(&genderCache, v, { Demographics.gender(v, han: han) }) {
            case .value(let g): p.gender = g
            case .issue(let code): issues.append(issue(raw, "gender", code, v))
            case .empty: break
            }
        }
        if let v = text(raw, c.birthYear) {
            switch Demographics.birthYear(v, window: birthYears) {
            case .value(let y): p.birthYear = y
            case .issue(let code): issues.append(issue(raw, "birth_year", code, v))
            case .empty: break
            }
        }
        if c.mobile >= 0 { phone(raw, "mobile", PhoneNumber.readMobile(raw.fields[c.mobile], placeholders: placeholders), &p, &issues) }
        if c.landline >= 0 { phone(raw, "landline", PhoneNumber.readLandline(raw.fields[c.landline]), &p, &issues) }
        p.memberCard = text(raw, c.memberCard)
        if let v = text(raw, c.province) {
            p.province = cached(&provinceCache, v) { Region.province(v, index: provinceIndex, han: han) }
            if p.province == nil { issues.append(issue(raw, "province", ReasonCode.provinceUnknown, v)) }
        }
        if let v = text(raw, c.city) { p.city = cached(&cityCache, v) { Region.city(v, han: han) } }
        p.address = text(raw, c.address)
        return p
    }

    /// Puts a phone reading where it belongs: a landline in the mobile column moves to landline
    /// (and the reverse) unless that field already has its own value.
    private func phone(_ raw: RawRecord, _ field: String, _ reading: PhoneNumber.Reading, _ p: inout Person,
                       _ issues: inout [FieldIssue]) {
        switch reading {
        case .empty: break
        case .mobile(let m): if p.mobile == nil { p.mobile = m }
        case .landline(let l): if p.landline == nil { p.landline = l }
        case .issue(let code): issues.append(issue(raw, field, code, raw.fields[field == "mobile" ? columns.mobile : columns.landline]))
        }
    }

    /// Rejects a row that cannot be tied to any customer.
    func requireIdentifiable(_ p: Person, _ raw: RawRecord) throws(Rejection) {
        if p.mobile != nil || p.landline != nil || p.memberCard != nil || (p.name != nil && p.address != nil) { return }
        throw rejection(raw, field: nil, code: ReasonCode.customerUnidentifiable,
                        "no usable mobile, landline or member card, and no name with address, so the row cannot be tied to a customer; supply one of them (see this row's field issues for numbers that were unusable)")
    }
}
