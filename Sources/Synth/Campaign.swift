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
