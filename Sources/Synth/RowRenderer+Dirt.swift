/// Faults that make a row unusable; each maps to exactly one reason code.
enum RejectDirt: CaseIterable {
    case ragged, missingKey, missingDate, invalidDate, invalidAmount, invalidOutcome, unidentifiable

    var code: String {
        switch self {
        case .ragged: "csv.ragged"
        case .missingKey: "key.missing"
        case .missingDate: "date.missing"
        case .invalidDate: "date.invalid"
        case .invalidAmount: "amount.invalid"
        case .invalidOutcome: "outcome.invalid"
        case .unidentifiable: "customer.unidentifiable"
        }
    }
}

/// Faults in one field; the row loads with that field nulled.
enum IssueDirt: CaseIterable {
    case maskedMobile, placeholderMobile, spreadsheetMobile, unknownCategory, impossibleBirthYear, unknownProvince

    var code: String {
        switch self {
        case .maskedMobile: "mobile.masked"
        case .placeholderMobile: "mobile.placeholder"
        case .spreadsheetMobile: "mobile.spreadsheet_damage"
        case .unknownCategory: "category.unknown"
        case .impossibleBirthYear: "birth_year.impossible"
        case .unknownProvince: "province.unknown"
        }
    }
    var field: String {
        switch self {
        case .maskedMobile, .placeholderMobile, .spreadsheetMobile: "mobile"
        case .unknownCategory: "category"
        case .impossibleBirthYear: "birth_year"
        case .unknownProvince: "province"
        }
    }
}

extension RowRenderer {
    /// Key, date and person columns of each kind.
    private static func keyField(_ kind: RecordKind) -> String {
        switch kind { case .sales: "order_id"; case .warranty: "card_id"; case .contact: "attempt_id" }
    }
    private static func dateField(_ kind: RecordKind) -> String {
        switch kind { case .sales: "order_date"; case .warranty: "registered_on"; case .contact: "called_at" }
    }
    private static func personFields(_ kind: RecordKind) -> [String] {
        switch kind {
        case .sales: ["member_card", "customer_name", "mobile", "landline", "province", "city", "address"]
        case .warranty: ["customer_name", "gender", "birth_year", "mobile", "landline", "province", "city", "address"]
        case .contact: ["customer_name", "mobile"]
        }
    }

    func rate(_ d: RejectDirt, _ kind: RecordKind) -> Double {
        switch d {
        case .ragged: dirt.raggedRow
        case .missingKey: dirt.missingKey
        case .missingDate: dirt.missingDate
        case .invalidDate: dirt.invalidDate
        case .invalidAmount: kind == .sales ? dirt.invalidAmount : 0
        case .invalidOutcome: kind == .contact ? dirt.invalidOutcome : 0
        case .unidentifiable: dirt.unidentifiable
        }
    }

    func rate(_ d: IssueDirt, _ kind: RecordKind) -> Double {
        switch d {
        case .maskedMobile: kind == .contact ? 0 : dirt.maskedMobile
        case .placeholderMobile: kind == .contact ? 0 : dirt.placeholderMobile
        case .spreadsheetMobile: kind == .contact ? 0 : dirt.spreadsheetMobile
        case .unknownCategory: kind == .contact ? 0 : dirt.unknownCategory
        case .impossibleBirthYear: kind == .warranty ? dirt.impossibleBirthYear : 0
        case .unknownProvince: kind == .contact ? 0 : dirt.unknownProvince
        }
    }

    /// One draw against the summed rates, so each fault keeps its own rate and never stacks.
    mutating func chooseReject(_ kind: RecordKind) -> RejectDirt? {
        var u = rng.unit()
        for d in RejectDirt.allCases {
            u -= rate(d, kind)
            if u < 0 { return d }
        }
        return nil
    }

    /// Taiwan customers get no mobile or province faults: their values follow other rules.
    mutating func chooseIssue(_ kind: RecordKind, person: SimPerson) -> IssueDirt? {
        var u = rng.unit()
        for d in IssueDirt.allCases {
            u -= rate(d, kind)
            if u < 0 {
                if person.residence.taiwan && (d.field == "mobile" || d == .unknownProvince) { return nil }
                return d
            }
        }
        return nil
    }

    mutating func apply(_ d: RejectDirt, to row: inout RenderedRow, kind: RecordKind, spec: FileSpec, day: SynthDate) {
        func col(_ f: String) -> Int { FileSpec.column(f, in: kind) }
        row.reject = d.code
        switch d {
        case .ragged:
            if rng.chance(0.5) { row.fields.removeLast() } else { row.fields.append("0") }
        case .missingKey:
            row.fields[col(Self.keyField(kind))] = ""
        case .missingDate:
            row.fields[col(Self.dateField(kind))] = ""
        case .invalidDate:
            let y = day.year
            var text = spec.dialect == .taiwan ? "\(y - 1911)/02/30"
                : rng.pick(["\(y)-02-30", "\(y)-13-05", "\(y)/2/31", "\(y)0230"])
            if kind == .contact { text += " 10:15:00" }
            row.fields[col(Self.dateField(kind))] = text
        case .invalidAmount:
            row.fields[col("amount")] = "#VALUE!"
        case .invalidOutcome:
            row.fields[col("outcome")] = rng.pick(Catalogue.invalidOutcomes)
        case .unidentifiable:
            for f in Self.personFields(kind) { row.fields[col(f)] = "" }
        }
    }

    /// Mobile faults need another identifier on the row: the landline is put back when the row
    /// left it out; with neither a landline nor a member card the fault is not written.
    mutating func apply(_ d: IssueDirt, to row: inout RenderedRow, kind: RecordKind, residence: Residence) {
        func col(_ f: String) -> Int { FileSpec.column(f, in: kind) }
        switch d {
        case .maskedMobile, .placeholderMobile, .spreadsheetMobile:
            let hasCard = kind == .sales && !row.fields[col("member_card")].isEmpty
            if !hasCard {
                guard let l = residence.landline else { return }
                if row.fields[col("landline")].isEmpty {
                    row.fields[col("landline")] = Formats.landline(l, areaLength: residence.cityInfo.areaCode.count,
                                                                    variety: false, rng: &rng)
                }
            }
            row.fields[col("mobile")] = damagedMobile(d, row.fields[col("mobile")])
        case .unknownCategory:
            row.fields[col("category")] = rng.pick(Catalogue.unknownCategoryNames)
        case .impossibleBirthYear:
            row.fields[col("birth_year")] = rng.pick(["1850", "1899", "2099", "3020"])
        case .unknownProvince:
            row.fields[col("province")] = rng.pick(Catalogue.unknownProvinces)
        }
        row.issue = (d.field, d.code)
    }

    private mutating func damagedMobile(_ d: IssueDirt, _ written: String) -> String {
        let digits = String(written.unicodeScalars.compactMap { s -> Character? in
            let v = s.value
            if (48...57).contains(v) { return Character(s) }
            if (0xFF10...0xFF19).contains(v) { return Character(Unicode.Scalar(v - 0xFF10 + 48)!) }
            return nil
        }.suffix(11))
        switch d {
        case .maskedMobile:
            return String(digits.prefix(3)) + "****" + String(digits.suffix(4))
        case .placeholderMobile:
            return rng.pick(Catalogue.placeholderMobiles)
        default:
            let places = rng.chance(0.5) ? 5 : 7
            let mantissa = Array(digits.prefix(places + 1))
            return "\(mantissa[0]).\(String(mantissa.dropFirst()))E+10"
        }
    }
}
