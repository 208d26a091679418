/// A rendered data row and what the pipeline must make of it.
struct RenderedRow {
    var fields: [String]
    /// Reason code the row must be rejected with.
    var reject: String?
    /// Field that must be nulled, and the issue code.
    var issue: (field: String, code: String)?
    var isClean: Bool { reject == nil && issue == nil }
}

/// Turns events into CSV fields: picks the written form of every value (truthful variety) and
/// injects at most one fault per row, recording the expected handling.
struct RowRenderer {
    var rng: Xoshiro
    let dirt: DirtRates
    let persons: [SimPerson]
    let campaigns: [Campaign]
    let agents: [(code: String, name: String)]
    /// Whether a person already has a rendered record (later ones may use traditional characters).
    private var seen: [Bool]
    /// Header fields of the order being written (order_date … address).
    private var lastOrder: (id: String, header: [String]) = ("", [])

    init(rng: Xoshiro, dirt: DirtRates, persons: [SimPerson], campaigns: [Campaign]) {
        self.rng = rng; self.dirt = dirt; self.persons = persons; self.campaigns = campaigns
        seen = Array(repeating: false, count: persons.count)
        var agentRng = rng.fork(99)
        agents = (1...24).map { n in
            let s = agentRng.pick(Catalogue.surnames).0, g = agentRng.pick(Catalogue.femaleGiven + Catalogue.maleGiven).0
            return ("A" + Formats.zeroPadded(n, width: 3), s + g)
        }
    }

    // MARK: rows

    mutating func sale(_ e: SaleEvent, orderId: String, spec: FileSpec) -> RenderedRow {
        let person = persons[Int(e.person)]
        let day = SynthDate(dayNumber: Int(e.day))
        let residence = person.residence(on: Int(e.day))
        let store = Store.all[Int(e.store)]
        let taiwan = spec.dialect == .taiwan
        let cat = Int(e.category), tier = Int(e.tier)
        let quantity = Int(e.quantity)
        let unit: String, amount: String
        if taiwan {
            // The Taiwan store prices in NT$ (about 4.5 to the yuan); the truth keeps yuan.
            let ntd = Int((Double(e.unitPrice + 1) * 4.5 / 100).rounded()) * 100
            unit = Formats.taiwanDollars(ntd); amount = Formats.taiwanDollars(ntd * quantity)
        } else {
            unit = "\(e.unitPrice).00"
            amount = Formats.yuan(Int(e.unitPrice) * quantity, variety: rng.chance(dirt.amountFormatVariety), rng: &rng)
        }
        // The order header (date, store, customer) is written once per order by the source
        // system, so every line of one order repeats it in the same form.
        if orderId != lastOrder.id {
            let card = e.channel == .store && rng.chance(0.9) ? person.memberCard ?? "" : ""
            lastOrder = (orderId, [
                taiwan ? Formats.rocDate(day) : date(day), store.code, store.name, e.channel.code,
                card, name(person, spec), mobile(person, spec), landline(residence, spec),
                province(residence), city(residence), address(residence),
            ])
        }
        let fields = [orderId, String(e.lineNo)] + lastOrder.header + [
            Formats.sku(category: cat, tier: tier), Formats.model(category: cat, tier: tier), category(cat, spec),
            String(quantity), unit, amount,
        ]
        var row = RenderedRow(fields: fields)
        if let reject = chooseReject(.sales) {
            apply(reject, to: &row, kind: .sales, spec: spec, day: day)
        } else if !taiwan, let issue = chooseIssue(.sales, person: person) {
            apply(issue, to: &row, kind: .sales, residence: residence)
        }
        return row
    }

    mutating func warranty(_ e: WarrantyEvent, cardId: String, spec: FileSpec) -> RenderedRow {
        let person = persons[Int(e.person)]
        let registered = SynthDate(dayNumber: Int(e.registeredDay))
        let residence = person.residence(on: Int(e.registeredDay))
        let cat = Int(e.category), tier = Int(e.tier)
        let gender = spec.dialect == .english ? (person.male ? "M" : "F") : (person.male ? "男" : "女")
        let fields = [
            cardId, date(registered), date(SynthDate(dayNumber: Int(e.purchaseDay))), name(person, spec), gender,
            rng.chance(0.08) ? "" : String(person.birthYear), mobile(person, spec), landline(residence, spec),
            province(residence), city(residence), address(residence), Formats.sku(category: cat, tier: tier),
            Formats.model(category: cat, tier: tier), category(cat, spec), Formats.serial(e.serial),
            Store.all[Int(e.store)].code,
        ]
        var row = RenderedRow(fields: fields)
        if let reject = chooseReject(.warranty) {
            apply(reject, to: &row, kind: .warranty, spec: spec, day: registered)
        } else if let issue = chooseIssue(.warranty, person: person) {
            apply(issue, to: &row, kind: .warranty, residence: residence)
        }
        return row
    }

    mutating func contact(_ e: CallEvent, attemptId: String, spec: FileSpec) -> RenderedRow {
        let person = persons[Int(e.person)]
        let day = SynthDate(dayNumber: Int(e.day))
        let campaign = campaigns[Int(e.campaign)]
        let agent = agents[Int(e.agent)]
        let outcomes = spec.dialect == .english ? Catalogue.outcomesEnglish : Catalogue.outcomesChinese
        let fields = [
            attemptId, campaign.code, campaign.name, agent.code, agent.name,
            Formats.timestamp(day, second: Int(e.secondOfDay), variety: rng.chance(dirt.dateFormatVariety)),
            name(person, spec), mobile(person, spec), outcomes[Int(e.outcome)], e.outcome >= 4 ? "\(e.amount).00" : "",
        ]
        var row = RenderedRow(fields: fields)
        if let reject = chooseReject(.contact) { apply(reject, to: &row, kind: .contact, spec: spec, day: day) }
        return row
    }

    /// The same sales line as another system writes it: identity fields kept verbatim (name,
    /// card, landline, address), value forms drawn afresh, so only cleansing makes the two equal.
    mutating func rewritten(_ fields: [String], of e: SaleEvent, spec: FileSpec) -> [String] {
        func col(_ f: String) -> Int { FileSpec.column(f, in: .sales) }
        let person = persons[Int(e.person)]
        let residence = person.residence(on: Int(e.day))
        var out = fields
        out[col("order_date")] = Formats.date(SynthDate(dayNumber: Int(e.day)), variety: true, rng: &rng)
        out[col("mobile")] = Formats.mobile(person.mobile, variety: true, rng: &rng)
        out[col("province")] = fields[col("province")] == residence.provinceInfo.full ? residence.provinceInfo.short
                                                                                    : residence.provinceInfo.full
        out[col("category")] = rng.pick(Catalogue.categories[Int(e.category)].names)
        out[col("amount")] = Formats.yuan(Int(e.unitPrice) * Int(e.quantity), variety: true, rng: &rng)
        return out
    }

    // MARK: values

    private mutating func name(_ p: SimPerson, _ spec: FileSpec) -> String {
        defer { seen[p.id - 1] = true }
        if p.residence.taiwan || spec.dialect == .taiwan { return p.nameTraditional }
        return seen[p.id - 1] && rng.chance(dirt.traditionalName) ? p.nameTraditional : p.nameSimplified
    }

    private mutating func mobile(_ p: SimPerson, _ spec: FileSpec) -> String {
        if p.residence.taiwan {
            return Formats.taiwanMobile(p.mobile, variety: spec.dialect == .taiwan && rng.chance(dirt.phoneFormatVariety), rng: &rng)
        }
        return Formats.mobile(p.mobile, variety: rng.chance(dirt.phoneFormatVariety), rng: &rng)
    }

    /// Most rows that could carry the household landline do.
    private mutating func landline(_ r: Residence, _ spec: FileSpec) -> String {
        guard let l = r.landline, rng.chance(0.8) else { return "" }
        return Formats.landline(l, areaLength: r.cityInfo.areaCode.count, variety: rng.chance(dirt.phoneFormatVariety), rng: &rng)
    }

    private mutating func province(_ r: Residence) -> String {
        rng.chance(dirt.shortProvinceName) ? r.provinceInfo.short : r.provinceInfo.full
    }

    private mutating func city(_ r: Residence) -> String {
        rng.chance(dirt.shortProvinceName) ? r.cityInfo.short : r.cityInfo.full
    }

    private mutating func address(_ r: Residence) -> String {
        Formats.address(r, abbreviate: rng.chance(dirt.addressAbbreviation), rng: &rng)
    }

    private mutating func date(_ d: SynthDate) -> String {
        Formats.date(d, variety: rng.chance(dirt.dateFormatVariety), rng: &rng)
    }

    private mutating func category(_ c: Int, _ spec: FileSpec) -> String {
        let info = Catalogue.categories[c]
        if spec.dialect == .taiwan { return info.taiwanName }
        guard rng.chance(dirt.categoryNameVariety) else { return info.names[0] }
        return rng.chance(0.3) ? info.code : rng.pick(info.names)
    }
}
