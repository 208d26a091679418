/// The written forms of values: a plain form and the variants real exports use. Every variant
/// here is one the cleanser must accept (see `DirtRates`); damaged forms live in `Dirt`.
enum Formats {
    static func mobile(_ m: String, variety: Bool, rng: inout Xoshiro) -> String {
        guard variety, m.count == 11 else { return m }
        let u = Array(m)
        let a = String(u[0..<3]), b = String(u[3..<7]), c = String(u[7..<11])
        switch rng.int(0...3) {
        case 0: return "+86 \(a) \(b) \(c)"
        case 1: return "0086-\(a)-\(b)-\(c)"
        case 2: return "\(a)-\(b)-\(c)"
        default: return fullWidth(m)
        }
    }

    /// Taiwan mobiles are written with or without the trunk 0.
    static func taiwanMobile(_ m: String, variety: Bool, rng: inout Xoshiro) -> String {
        variety && rng.chance(0.5) ? String(m.dropFirst()) : m
    }

    static func fullWidth(_ digits: String) -> String {
        String(String.UnicodeScalarView(digits.unicodeScalars.map {
            (48...57).contains($0.value) ? Unicode.Scalar($0.value - 48 + 0xFF10)! : $0
        }))
    }

    /// `020-38123456` plain; `(020)38123456` or `02038123456` as variety.
    static func landline(_ l: String, areaLength: Int, variety: Bool, rng: inout Xoshiro) -> String {
        let area = String(l.prefix(areaLength)), number = String(l.dropFirst(areaLength))
        guard variety else { return "\(area)-\(number)" }
        return rng.chance(0.5) ? "(\(area))\(number)" : l
    }

    static func date(_ d: SynthDate, variety: Bool, rng: inout Xoshiro) -> String {
        guard variety else { return d.description }
        switch rng.int(0...2) {
        case 0: return "\(d.year)/\(d.month)/\(d.day)"
        case 1: return "\(d.year)\(pad2(d.month))\(pad2(d.day))"
        default: return "\(d.year)年\(d.month)月\(d.day)日"
        }
    }

    /// Republic of China calendar, as Taiwan systems print it: `114/03/07`.
    static func rocDate(_ d: SynthDate) -> String { "\(d.year - 1911)/\(pad2(d.month))/\(pad2(d.day))" }

    static func timestamp(_ d: SynthDate, second: Int, variety: Bool) -> String {
        let time = "\(pad2(second / 3600)):\(pad2(second / 60 % 60)):\(pad2(second % 60))"
        return variety ? "\(d.year)/\(d.month)/\(d.day) \(time)" : "\(d) \(time)"
    }

    /// Yuan amounts: `1299.00` plain; `¥1,299.00` or `1299元` as variety.
    static func yuan(_ amount: Int, variety: Bool, rng: inout Xoshiro) -> String {
        guard variety else { return "\(amount).00" }
        return rng.chance(0.5) ? "¥\(grouped(amount)).00" : "\(amount)元"
    }

    static func taiwanDollars(_ amount: Int) -> String { "NT$" + grouped(amount) }

    static func grouped(_ n: Int) -> String {
        let s = String(n)
        var out = ""
        for (i, ch) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }

    /// The street part of an address; abbreviations drop the district or shorten the unit.
    static func address(_ r: Residence, abbreviate: Bool, rng: inout Xoshiro) -> String {
        let city = r.cityInfo
        let district = city.districts[r.district], street = city.streets[r.street]
        if r.taiwan { return "\(district)\(street)\(r.number)號\(r.room / 100)樓" }
        let full = "\(district)\(street)\(r.number)号\(r.building)栋\(r.room)室"
        guard abbreviate else { return full }
        return rng.chance(0.5) ? "\(street)\(r.number)号\(r.building)栋\(r.room)" : "\(district)\(street)\(r.number)号\(r.building)-\(r.room)"
    }

    static func sku(category: Int, tier: Int) -> String { "SK\(category + 1)0\(tier + 1)" }

    static func model(category: Int, tier: Int) -> String {
        Catalogue.categories[category].modelPrefix + String([160, 258, 356, 470, 598][tier] + category)
    }

    static func serial(_ x: UInt64) -> String {
        let s = String(x, radix: 36, uppercase: true)
        return String(repeating: "0", count: max(0, 13 - s.count)) + s
    }

    static func zeroPadded(_ n: Int, width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
