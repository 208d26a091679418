import Foundation

/// Where a household (or a person after moving) lives.
struct Residence {
    var taiwan: Bool
    var province: Int
    var city: Int
    var district: Int
    var street: Int
    var number: Int
    var building: Int
    var room: Int
    var landline: String?

    var provinceInfo: Catalogue.Province { taiwan ? Catalogue.taiwan : Catalogue.mainland[province] }
    var cityInfo: Catalogue.City { provinceInfo.cities[city] }
}

/// One simulated person and the hidden parameters that drive their behaviour.
struct SimPerson {
    let id: Int
    let household: Int
    let nameSimplified: String
    let nameTraditional: String
    let male: Bool
    let birthYear: Int
    /// The mobile this person gives; shared with the household head for some members.
    let mobile: String
    let memberCard: String?
    var residence: Residence
    /// Set when the person moves during the simulated period.
    var move: (day: Int, to: Residence)?
    /// BG/NBD purchase rate per year, dropout probability after each purchase, mean order value.
    let lambda: Double
    let dropout: Double
    let meanSpend: Double
    /// Owners who stick to one appliance kind (cross-sell targets).
    let singleCategory: Bool

    func residence(on day: Int) -> Residence {
        if let move, day >= move.day { return move.to }
        return residence
    }
}

/// Builds households of 1–4 people sharing an address and often a landline, sometimes a mobile.
///
/// Behaviour parameters per person (the BG/NBD model): purchase rate λ ~ Gamma(r = 1.2, rate 4/yr)
/// (mean 0.3 orders a year while alive), dropout p ~ Beta(1, 4) after each purchase, mean order
/// value ~ LogNormal(ln 3000, 0.8) scaled per category; the joint heterogeneity gives the
/// documents' 20/80 revenue concentration.
struct PopulationBuilder {
    var rng: Xoshiro
    private var usedMobiles = Set<String>()
    private var usedLandlines = Set<String>()

    init(rng: Xoshiro) { self.rng = rng }

    mutating func build(count: Int, taiwanShare: Double = 0.03) -> [SimPerson] {
        var persons: [SimPerson] = []
        persons.reserveCapacity(count)
        var household = 0
        while persons.count < count {
            household += 1
            let size = min(count - persons.count, [1, 2, 3, 4][rng.weighted([0.35, 0.35, 0.2, 0.1])])
            let home = residence(taiwan: rng.chance(taiwanShare))
            let surname = rng.int(0...(Catalogue.surnames.count - 1))
            let headMale = rng.chance(0.5)
            let headBirth = rng.int(1950...1992)
            var headMobile = ""
            for member in 0..<size {
                let male: Bool, birth: Int, memberSurname: Int
                switch member {
                case 0: male = headMale; birth = headBirth; memberSurname = surname
                case 1: male = !headMale; birth = min(2000, max(1945, headBirth + rng.int(-4...4)))
                    memberSurname = rng.int(0...(Catalogue.surnames.count - 1))
                default:
                    male = rng.chance(0.5); memberSurname = surname
                    birth = rng.chance(0.5) ? min(2001, headBirth + rng.int(22...32)) : max(1930, headBirth - rng.int(22...30))
                }
                let shares = member > 0 && rng.chance(0.15)
                let mobile = shares ? headMobile : newMobile(taiwan: home.taiwan)
                if member == 0 { headMobile = mobile }
                let id = persons.count + 1
                let (simp, trad) = name(surname: memberSurname, male: male)
                let person = SimPerson(
                    id: id, household: household, nameSimplified: simp, nameTraditional: trad, male: male,
                    birthYear: birth, mobile: mobile,
                    memberCard: rng.chance(0.4) ? "M" + String((id &* 7919 &+ 12345) % 90_000_000 + 10_000_000) : nil,
                    residence: home, move: nil,
                    lambda: rng.gamma(shape: 1.2, scale: 0.25), dropout: rng.beta(1, 4),
                    meanSpend: 3000 * exp(0.8 * rng.normal()),
                    singleCategory: rng.chance(0.6))
                persons.append(person)
            }
        }
        return persons
    }

    /// A new address in the same city (most moves) or elsewhere, with no landline yet.
    mutating func movedResidence(from old: Residence) -> Residence {
        var r = rng.chance(0.7) ? old : residence(taiwan: old.taiwan)
        let city = r.cityInfo
        r.district = rng.int(0...(city.districts.count - 1)); r.street = rng.int(0...(city.streets.count - 1))
        r.number = rng.int(1...399); r.building = rng.int(1...30); r.room = rng.int(1...28) * 100 + rng.int(1...4)
        r.landline = nil
        return r
    }

    private mutating func residence(taiwan: Bool) -> Residence {
        let provinces = taiwan ? [Catalogue.taiwan] : Catalogue.mainland
        let p = rng.int(0...(provinces.count - 1))
        let c = rng.int(0...(provinces[p].cities.count - 1))
        let city = provinces[p].cities[c]
        var r = Residence(taiwan: taiwan, province: p, city: c, district: rng.int(0...(city.districts.count - 1)),
                          street: rng.int(0...(city.streets.count - 1)), number: rng.int(1...399),
                          building: rng.int(1...30), room: rng.int(1...28) * 100 + rng.int(1...4), landline: nil)
        if rng.chance(0.75) { r.landline = newLandline(areaCode: city.areaCode) }
        return r
    }

    private mutating func name(surname: Int, male: Bool) -> (String, String) {
        let pool = male ? Catalogue.maleGiven : Catalogue.femaleGiven
        let s = Catalogue.surnames[surname]
        let g1 = rng.pick(pool)
        if rng.chance(0.3) { return (s.0 + g1.0, s.1 + g1.1) }
        let g2 = rng.pick(pool)
        return (s.0 + g1.0 + g2.0, s.1 + g1.1 + g2.1)
    }

    /// Unique, and never one of the shapes the cleanser treats as a placeholder.
    private mutating func newMobile(taiwan: Bool) -> String {
        while true {
            let tail = digits(8)
            guard Set(tail).count > 2 else { continue }
            let m = (taiwan ? "09" : rng.pick(Catalogue.mobilePrefixes)) + tail
            if usedMobiles.insert(m).inserted { return m }
        }
    }

    private mutating func newLandline(areaCode: String) -> String {
        while true {
            let l = areaCode + String(rng.int(2...8)) + digits(7)
            if usedLandlines.insert(l).inserted { return l }
        }
    }

    private mutating func digits(_ n: Int) -> String {
        var s = ""
        s.reserveCapacity(n)
        for _ in 0..<n { s.append(Character(Unicode.Scalar(UInt8(48 + rng.next() % 10)))) }
        return s
    }
}
