import Foundation

/// Everything that happened to the population, in simulation order (not yet chronological).
struct History {
    var sales: [SaleEvent] = []
    var warranty: [WarrantyEvent] = []
    var calls: [CallEvent] = []
    /// Per person: revenue in yuan (lapsed sales excluded) and a bit set of categories bought.
    var revenue: [Double]
    var categories: [UInt8]
}

/// Simulates each person's life as a customer.
///
/// The model (documented because integration tests assert on its consequences):
/// - **Acquisition**: each person's first purchase falls uniformly in [startDate, endDate].
/// - **BG/NBD**: while alive, purchases follow a Poisson process with the person's rate λ; after
///   each purchase the person drops out with probability p.
/// - **Replacement**: every appliance bought gets a service life drawn from its category's range
///   (fridge 8–10 years, washer 6–8, aircon 8–10, tv 5–7, …); when one ends before the next
///   natural purchase, a living customer replaces it with us with probability 0.7.
/// - **Breadth**: 60% of people only ever buy one category; with the many who buy only once, about
///   75% of owners own one category (the documents' single-category
///   owners); the rest prefer categories they do not own yet.
/// - **Orders**: 15% of orders have a second line; 5% of lines quantity 2; unit price =
///   mean spend × category price factor × Gamma(4, 1/4), rounded to a `…99` price.
/// - **Warranty cards**: 60% of lines, registered 0–60 days after purchase.
/// - **Campaigns**: one per quarter, rotating replacement reminder (owners of an appliance
///   older than 4 years), cross-sell (single-category owners) and member care (card holders);
///   20% of eligible mainland customers are called, Monday to Saturday, 9–12 h and 14–21 h,
///   up to three attempts while unreachable. Funnel: connect 60%, right party 85%, presented 70%,
///   sold 8% of presented, lapsed 10% of sold; a sold call creates a phone-channel order.
/// - **Follow-up effect**: after a call reaches them, a customer's later orders are 6% larger;
///   customers never reached spend 8% less on orders more than a year after their first.
/// - **Moves**: 4% of people move once (new address, no landline); with nights, a further 0.3%
///   move on one of the nights and buy for the new home that night (SCD2 changes in increments).
struct Simulation {
    let persons: [SimPerson]
    let start: Int
    let end: Int
    let lastDay: Int
    let campaigns: [Campaign]
    var rng: Xoshiro

    private var orderCounter: Int32 = 0
    private var history: History

    init(persons: [SimPerson], config: SynthConfig, rng: Xoshiro) {
        self.persons = persons
        start = config.startDate.dayNumber
        end = config.endDate.dayNumber
        lastDay = end + config.nights
        campaigns = Campaign.schedule(from: config.startDate, through: SynthDate(dayNumber: lastDay))
        self.rng = rng
        history = History(revenue: Array(repeating: 0, count: persons.count),
                          categories: Array(repeating: 0, count: persons.count))
    }

    /// Per-person state while simulating.
    private struct Life {
        var eol: [Int] = Array(repeating: Int.max, count: Catalogue.categories.count)
        var since: [Int] = Array(repeating: Int.max, count: Catalogue.categories.count)
        var firstCategory: Int?
        var firstOrderDay = Int.max
        var reached = false
        var owned: Int { since.reduce(0) { $0 + ($1 == Int.max ? 0 : 1) } }
    }

    mutating func run() -> History {
        for index in persons.indices { simulate(index) }
        return history
    }

    private mutating func simulate(_ index: Int) {
        let person = persons[index]
        var life = Life()
        var t = rng.int(start...end)
        var alive = true
        var ci = campaigns.firstIndex { $0.start >= t } ?? campaigns.count
        while true {
            let nextPurchase = alive ? t : Int.max
            let nextCampaign = ci < campaigns.count ? campaigns[ci].start : Int.max
            if min(nextPurchase, nextCampaign) > lastDay { break }
            if nextPurchase <= nextCampaign {
                order(index, day: t, channel: nil, category: chooseCategory(person, &life, day: t), life: &life)
                alive = !rng.chance(person.dropout)
                t += max(1, Int(rng.exponential(rate: person.lambda) * 365))
                if alive, let due = life.eol.indices.min(by: { life.eol[$0] < life.eol[$1] }), life.eol[due] < t {
                    if rng.chance(0.7) { t = max(life.eol[due], nextPurchase + 1) } else { life.eol[due] = Int.max }
                }
            } else {
                call(index, campaigns[ci], Int16(ci), &life)
                ci += 1
            }
        }
        if let move = person.move, move.day > end {
            order(index, day: move.day, channel: nil, category: chooseCategory(person, &life, day: move.day), life: &life)
        }
    }

    private mutating func chooseCategory(_ person: SimPerson, _ life: inout Life, day: Int) -> Int {
        if let due = life.eol.indices.first(where: { life.eol[$0] <= day + 30 }) { return due }
        if let first = life.firstCategory {
            if person.singleCategory || life.owned == Catalogue.categories.count { return first }
            return newCategory(life)
        }
        return rng.weighted(Catalogue.categories.map(\.popularity))
    }

    private mutating func newCategory(_ life: Life) -> Int {
        rng.weighted(Catalogue.categories.indices.map { life.since[$0] == Int.max ? Catalogue.categories[$0].popularity : 0.0 })
    }

    private mutating func price(_ person: SimPerson, _ life: Life, category: Int, day: Int) -> (Int32, UInt8) {
        let base = Catalogue.categories[category].basePrice
        let effect = life.reached ? 1.06 : (day - life.firstOrderDay > 365 ? 0.92 : 1.0)
        let value = person.meanSpend * base / 3000 * effect * rng.gamma(shape: 4, scale: 0.25)
        let unit = max(199, Int((value / 100).rounded()) * 100 - 1)
        let ratio = Double(unit) / base
        let tier: UInt8 = ratio < 0.6 ? 0 : ratio < 0.9 ? 1 : ratio < 1.3 ? 2 : ratio < 2 ? 3 : 4
        return (Int32(unit), tier)
    }

    /// Records one order (one or two lines) and its warranty cards; `channel` nil = store or online.
    private mutating func order(_ index: Int, day: Int, channel: Channel?, category: Int, life: inout Life,
                                unitPrice: Int32? = nil) {
        let person = persons[index]
        let residence = person.residence(on: day)
        orderCounter += 1
        let ch: Channel = channel ?? (person.residence.taiwan || rng.chance(0.75) ? .store : .online)
        let store: Int16 = switch ch {
        case .store: Store.index(near: residence, rng.int(0...1))
        case .online: Store.online
        case .phone: Store.callCentre
        }
        var categories = [category]
        if channel == nil && rng.chance(0.15) {
            categories.append(person.singleCategory ? category : newCategory(life))
        }
        if life.firstCategory == nil { life.firstCategory = category; life.firstOrderDay = day }
        for (n, cat) in categories.enumerated() {
            var (unit, tier) = price(person, life, category: cat, day: day)
            if let unitPrice, n == 0 { unit = unitPrice }
            let qty: UInt8 = rng.chance(0.05) ? 2 : 1
            history.sales.append(SaleEvent(person: Int32(index), day: Int32(day), order: orderCounter,
                                           lineNo: UInt8(n + 1), category: UInt8(cat), tier: tier, quantity: qty,
                                           unitPrice: unit, channel: ch, store: store))
            history.revenue[index] += Double(unit) * Double(qty)
            history.categories[index] |= 1 << UInt8(cat)
            let life_ = Catalogue.categories[cat].lifeYears
            life.since[cat] = day
            life.eol[cat] = day + Int((life_.lowerBound + rng.unit() * (life_.upperBound - life_.lowerBound)) * 365)
            if rng.chance(0.6) {
                let registered = day + rng.int(0...60)
                if registered <= lastDay {
                    history.warranty.append(WarrantyEvent(person: Int32(index), purchaseDay: Int32(day),
                                                          registeredDay: Int32(registered), category: UInt8(cat),
                                                          tier: tier, store: store, serial: rng.next()))
                }
            }
        }
    }

    private static let callHours = [9, 10, 11, 14, 15, 16, 17, 18, 19, 20]

    private mutating func call(_ index: Int, _ campaign: Campaign, _ ci: Int16, _ life: inout Life) {
        let person = persons[index]
        guard !person.residence.taiwan, life.firstOrderDay <= campaign.start else { return }
        let offer: Int
        switch campaign.kind {
        case .replacement:
            guard let old = life.since.indices.first(where: { life.since[$0] != Int.max && campaign.start - life.since[$0] >= 4 * 365 })
            else { return }
            offer = old
        case .crossSell:
            guard life.owned == 1 else { return }
            offer = newCategory(life)
        case .memberCare:
            guard person.memberCard != nil else { return }
            offer = rng.int(0...(Catalogue.categories.count - 1))
        }
        guard rng.chance(0.2) else { return }
        var day = campaign.start + rng.int(0...40)
        for _ in 0..<3 {
            if SynthDate(dayNumber: day).weekday == 6 { day += 1 }
            guard day <= lastDay else { return }
            let second = rng.pick(Self.callHours) * 3600 + rng.int(0...3599)
            var outcome: UInt8 = 0
            var amount: Int32 = 0
            if rng.chance(0.6) {
                outcome = 1
                if rng.chance(0.85) {
                    outcome = 2
                    life.reached = true
                    if rng.chance(0.7) {
                        outcome = 3
                        if rng.chance(0.08) {
                            amount = price(person, life, category: offer, day: day).0
                            outcome = rng.chance(0.1) ? 5 : 4
                        }
                    }
                }
            }
            history.calls.append(CallEvent(person: Int32(index), campaign: ci, day: Int32(day), secondOfDay: Int32(second),
                                           agent: UInt8(rng.int(0...23)), outcome: outcome, amount: amount))
            if outcome == 4 { order(index, day: day, channel: .phone, category: offer, life: &life, unitPrice: amount) }
            if outcome != 0 { return }
            day += rng.int(1...5)
        }
    }
}
