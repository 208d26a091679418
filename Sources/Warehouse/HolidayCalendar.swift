import Cleanse
import Foundation

/// One public holiday in one region.
public struct Holiday: Sendable, Hashable {
    public enum Region: String, Sendable { case mainland = "CN", taiwan = "TW" }
    public var date: Day
    public var region: Region
    public var name: String
}

/// Public holidays of mainland China (the statutory days of the State Council's rules as they
/// changed in 2008 and 2025; the make-up working days 调休 are not modelled) and of Taiwan (the
/// national days off). Lunar dates come from Foundation's Chinese calendar, which works on Linux
/// too (ICU); 清明 from the usual solar-term approximation, right to the day for 2000–2099.
public enum HolidayCalendar {
    public static func holidays(years: ClosedRange<Int>) -> [Holiday] {
        var out: [Holiday] = []
        for year in years { out += fixed(year) + qingming(year) }
        out += lunar(years)
        return out
    }

    private static func fixed(_ y: Int) -> [Holiday] {
        func cn(_ m: Int, _ days: ClosedRange<Int>, _ name: String) -> [Holiday] {
            days.map { Holiday(date: Day(year: y, month: m, day: $0), region: .mainland, name: name) }
        }
        func tw(_ m: Int, _ d: Int, _ name: String) -> Holiday {
            Holiday(date: Day(year: y, month: m, day: d), region: .taiwan, name: name)
        }
        let labour = y < 2008 ? 1...3 : y < 2025 ? 1...1 : 1...2
        var out = cn(1, 1...1, "元旦") + cn(5, labour, "劳动节") + cn(10, 1...3, "国庆节")
        out += [tw(1, 1, "元旦"), tw(2, 28, "和平纪念日"), tw(5, 1, "劳动节"), tw(10, 10, "国庆日")]
        if y >= 2011 { out.append(tw(4, 4, "儿童节")) }
        return out
    }

    /// 清明 falls on 4 or 5 April: day = ⌊yy·0.2422 + 4.81⌋ − ⌊yy/4⌋ with yy = year − 2000.
    private static func qingming(_ y: Int) -> [Holiday] {
        let yy = Double(y - 2000)
        let day = Day(year: y, month: 4, day: Int(yy * 0.2422 + 4.81) - Int(floor(yy / 4)))
        var out = [Holiday(date: day, region: .taiwan, name: "清明节")]
        if y >= 2008 { out.append(Holiday(date: day, region: .mainland, name: "清明节")) }
        return out
    }

    /// 春节 (the eve 除夕 and the first days of the first month), 端午 (5/5) and 中秋 (8/15), found
    /// by reading every day of the years in the Chinese calendar at Beijing time.
    private static func lunar(_ years: ClosedRange<Int>) -> [Holiday] {
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        var chinese = Calendar(identifier: .chinese)
        chinese.timeZone = zone
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = zone
        guard var date = gregorian.date(from: DateComponents(year: years.lowerBound, month: 1, day: 1, hour: 12)) else { return [] }
        var out: [Holiday] = []
        var previous: Day?
        while true {
            let g = gregorian.dateComponents([.year, .month, .day], from: date)
            guard let year = g.year, year <= years.upperBound, let month = g.month, let dom = g.day else { break }
            let day = Day(year: year, month: month, day: dom)
            let l = chinese.dateComponents([.month, .day, .isLeapMonth], from: date)
            if l.isLeapMonth != true, let lm = l.month, let ld = l.day {
                out += rules(lunarMonth: lm, lunarDay: ld, year: year).map { Holiday(date: day, region: $0.0, name: $0.1) }
                if lm == 1, ld == 1, let eve = previous {
                    out.append(Holiday(date: eve, region: .taiwan, name: "春节"))
                    // The eve was a statutory day in 2008–2013 and again from 2025.
                    if (2008...2013).contains(year) || year >= 2025 { out.append(Holiday(date: eve, region: .mainland, name: "春节")) }
                }
            }
            previous = day
            guard let next = gregorian.date(byAdding: .day, value: 1, to: date) else { break }
            date = next
        }
        return out
    }

    private static func rules(lunarMonth m: Int, lunarDay d: Int, year: Int) -> [(Holiday.Region, String)] {
        switch (m, d) {
        case (1, 1), (1, 2): [(.mainland, "春节"), (.taiwan, "春节")]
        case (1, 3): (2008...2013).contains(year) ? [(.taiwan, "春节")] : [(.mainland, "春节"), (.taiwan, "春节")]
        case (5, 5): year >= 2008 ? [(.mainland, "端午节"), (.taiwan, "端午节")] : [(.taiwan, "端午节")]
        case (8, 15): year >= 2008 ? [(.mainland, "中秋节"), (.taiwan, "中秋节")] : [(.taiwan, "中秋节")]
        default: []
        }
    }
}
