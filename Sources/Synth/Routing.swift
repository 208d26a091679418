/// Which file of which delivery every event goes to, and the identifiers the source systems
/// would have issued: numbered in chronological order, as an order or card counter runs.
struct Routing {
    /// Delivery 0 is the base; n > 0 is night n.
    struct FileKey: Hashable { let delivery: Int; let spec: FileSpec }

    var orderIds: [String]
    var cardIds: [String]
    var attemptIds: [String]
    /// Event indices per file, in the order they are written.
    var buckets: [FileKey: [Int]] = [:]

    init(history: History, persons: [SimPerson], layout: FileLayout, config: SynthConfig) {
        let end = config.endDate.dayNumber
        func delivery(_ day: Int32) -> Int { Int(day) <= end ? 0 : Int(day) - end }
        func nightLabel(_ d: Int) -> String? {
            guard d > 0 else { return nil }
            let date = SynthDate(dayNumber: end + d)
            return "\(date.year)\(pad2(date.month))\(pad2(date.day))"
        }

        let sales = history.sales.indices.sorted {
            let a = history.sales[$0], b = history.sales[$1]
            return (a.day, a.order, a.lineNo) < (b.day, b.order, b.lineNo)
        }
        orderIds = [String](repeating: "", count: history.sales.count)
        var mainlandOrders = 0, taiwanOrders = 0
        var lastOrder: Int32 = -1
        for d in 1..<(config.nights + 1) {
            let night = nightLabel(d)
            for spec in [layout.sales(year: 0, night: night, online: false, taiwan: false),
                         layout.warranty(year: 0, night: night, taiwan: false),
                         layout.contact(year: 0, night: night)] {
                buckets[FileKey(delivery: d, spec: spec)] = []
            }
        }
        for i in sales {
            let e = history.sales[i]
            let taiwan = persons[Int(e.person)].residence.taiwan
            if e.order != lastOrder {
                lastOrder = e.order
                if taiwan { taiwanOrders += 1 } else { mainlandOrders += 1 }
            }
            orderIds[i] = taiwan ? "TW" + Formats.zeroPadded(taiwanOrders, width: 8)
                                 : "SO" + Formats.zeroPadded(mainlandOrders, width: 9)
            let d = delivery(e.day)
            let spec = layout.sales(year: SynthDate(dayNumber: Int(e.day)).year, night: nightLabel(d),
                                    online: e.channel == .online, taiwan: taiwan)
            buckets[FileKey(delivery: d, spec: spec), default: []].append(i)
        }
        let cards = history.warranty.indices.sorted {
            let a = history.warranty[$0], b = history.warranty[$1]
            return (a.registeredDay, a.person, a.serial) < (b.registeredDay, b.person, b.serial)
        }
        cardIds = [String](repeating: "", count: history.warranty.count)
        for (n, i) in cards.enumerated() {
            let e = history.warranty[i]
            cardIds[i] = "W" + Formats.zeroPadded(n + 1, width: 9)
            let d = delivery(e.registeredDay)
            let spec = layout.warranty(year: SynthDate(dayNumber: Int(e.registeredDay)).year, night: nightLabel(d),
                                       taiwan: persons[Int(e.person)].residence.taiwan)
            buckets[FileKey(delivery: d, spec: spec), default: []].append(i)
        }
        let calls = history.calls.indices.sorted {
            let a = history.calls[$0], b = history.calls[$1]
            return (a.day, a.secondOfDay, a.person) < (b.day, b.secondOfDay, b.person)
        }
        attemptIds = [String](repeating: "", count: history.calls.count)
        for (n, i) in calls.enumerated() {
            let e = history.calls[i]
            attemptIds[i] = "C" + Formats.zeroPadded(n + 1, width: 9)
            let d = delivery(e.day)
            let spec = layout.contact(year: SynthDate(dayNumber: Int(e.day)).year, night: nightLabel(d))
            buckets[FileKey(delivery: d, spec: spec), default: []].append(i)
        }

    }
}
