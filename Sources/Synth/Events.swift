/// How a sale reached us.
enum Channel: UInt8 { case store, online, phone
    var code: String { ["store", "online", "phone"][Int(rawValue)] }
}

/// One order line before rendering; days are day numbers.
struct SaleEvent {
    var person: Int32
    var day: Int32
    /// Provisional order key from the simulation; rendering renumbers orders chronologically.
    var order: Int32
    var lineNo: UInt8
    var category: UInt8
    var tier: UInt8
    var quantity: UInt8
    var unitPrice: Int32
    var channel: Channel
    var store: Int16
}

struct WarrantyEvent {
    var person: Int32
    var purchaseDay: Int32
    var registeredDay: Int32
    var category: UInt8
    var tier: UInt8
    var store: Int16
    var serial: UInt64
}

struct CallEvent {
    var person: Int32
    var campaign: Int16
    var day: Int32
    var secondOfDay: Int32
    var agent: UInt8
    /// Index into `Catalogue.outcomesEnglish`.
    var outcome: UInt8
    var amount: Int32
}

/// A retail point: mainland and Taiwan stores per city, plus the online shop and the call centre.
struct Store {
    let code: String
    let name: String

    static let online: Int16 = 0
    static let callCentre: Int16 = 1

    static let all: [Store] = {
        var s = [Store(code: "ONLINE", name: "官方商城"), Store(code: "CALL", name: "呼叫中心")]
        for (p, province) in Catalogue.mainland.enumerated() {
            for (c, city) in province.cities.enumerated() {
                for (k, suffix) in ["中山店", "万达店"].enumerated() {
                    s.append(Store(code: "S\(pad2(p))\(c)\(k)", name: city.short + suffix))
                }
            }
        }
        for (c, city) in Catalogue.taiwan.cities.enumerated() {
            for (k, suffix) in ["旗艦店", "站前店"].enumerated() {
                s.append(Store(code: "TW\(c)\(k)", name: city.short + suffix))
            }
        }
        return s
    }()

    /// Index into `all` of store `k` (0 or 1) in the residence's city.
    static func index(near r: Residence, _ k: Int) -> Int16 {
        var i = 2
        if r.taiwan {
            i += Catalogue.mainland.reduce(0) { $0 + $1.cities.count } * 2
        } else {
            for p in 0..<r.province { i += Catalogue.mainland[p].cities.count * 2 }
        }
        return Int16(i + r.city * 2 + k)
    }
}

/// A call-centre campaign: a 60-day calling window starting on a quarter's first day.
struct Campaign {
    let kind: Catalogue.CampaignKind
    let code: String
    let name: String
    let start: Int
    let end: Int

    static func schedule(from first: SynthDate, through last: SynthDate) -> [Campaign] {
        var out: [Campaign] = []
        var y = first.year, q = (first.month - 1) / 3
        while true {
            let start = SynthDate(y, q * 3 + 1, 1).dayNumber
            if start > last.dayNumber { break }
            let kind = Catalogue.CampaignKind(rawValue: out.count % 3)!
            out.append(Campaign(kind: kind, code: "\(kind.code)-\(y)Q\(q + 1)", name: kind.name,
                                start: start, end: start + 59))
            q += 1
            if q == 4 { q = 0; y += 1 }
        }
        return out
    }
}
