import Foundation

/// Renders the simulated history into the delivery files and the truth, in a fixed order (base,
/// then each night; within a delivery sales, warranty, contacts; files by name) so that the same
/// seed writes the same bytes and "earlier" in the truth means earlier in load order.
struct DeliveryWriter {
    let config: SynthConfig
    let root: URL
    let persons: [SimPerson]
    let layout: FileLayout
    var renderer: RowRenderer
    var rng: Xoshiro
    let truth: TruthWriter
    var summary = SynthSummary()
    private var isCustomer: [Bool]

    /// Clean rows of English files that later files may re-export, by kind.
    private struct Original { let file: String; let line: Int; let fields: [String]; let person: Int; let event: Int }
    private var reservoir: [RecordKind: [Original]] = [:]
    private var seenOriginals: [RecordKind: Int] = [:]
    private static let reservoirSize = 4096

    init(config: SynthConfig, root: URL, persons: [SimPerson], campaigns: [Campaign], rng: Xoshiro) throws(SynthError) {
        self.config = config; self.root = root; self.persons = persons
        layout = FileLayout(start: config.startDate, end: config.endDate)
        renderer = RowRenderer(rng: rng.fork(1), dirt: config.dirt, persons: persons, campaigns: campaigns)
        self.rng = rng.fork(2)
        truth = try TruthWriter(root: root)
        isCustomer = Array(repeating: false, count: persons.count)
    }

    private struct FileKey: Hashable { let delivery: Int; let spec: FileSpec }

    mutating func write(_ history: History) throws(SynthError) -> SynthSummary {
        let end = config.endDate.dayNumber
        func delivery(_ day: Int32) -> Int { Int(day) <= end ? 0 : Int(day) - end }
        func nightLabel(_ d: Int) -> String? {
            guard d > 0 else { return nil }
            let date = SynthDate(dayNumber: end + d)
            return "\(date.year)\(pad2(date.month))\(pad2(date.day))"
        }

        // Identifiers follow chronological order, as the source systems would have issued them.
        let sales = history.sales.indices.sorted {
            let a = history.sales[$0], b = history.sales[$1]
            return (a.day, a.order, a.lineNo) < (b.day, b.order, b.lineNo)
        }
        var orderIds = [String](repeating: "", count: history.sales.count)
        var mainlandOrders = 0, taiwanOrders = 0
        var lastOrder: Int32 = -1
        var buckets: [FileKey: [Int]] = [:]
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
        var cardIds = [String](repeating: "", count: history.warranty.count)
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
        var attemptIds = [String](repeating: "", count: history.calls.count)
        for (n, i) in calls.enumerated() {
            let e = history.calls[i]
            attemptIds[i] = "C" + Formats.zeroPadded(n + 1, width: 9)
            let d = delivery(e.day)
            let spec = layout.contact(year: SynthDate(dayNumber: Int(e.day)).year, night: nightLabel(d))
            buckets[FileKey(delivery: d, spec: spec), default: []].append(i)
        }

        let kindOrder: [RecordKind] = [.sales, .warranty, .contact]
        let keys = buckets.keys.sorted {
            ($0.delivery, kindOrder.firstIndex(of: $0.spec.kind)!, $0.spec.name)
                < ($1.delivery, kindOrder.firstIndex(of: $1.spec.kind)!, $1.spec.name)
        }
        for key in keys {
            let folder = key.delivery == 0 ? "base" : "nights/" + Formats.zeroPadded(key.delivery, width: 3)
            let path = "\(folder)/\(key.spec.kind.folder)/\(key.spec.name)" + (config.gzip ? ".gz" : "")
            try writeFile(path, key.spec, night: key.delivery > 0, events: buckets[key]!, sales: history.sales) { renderer, i in
                switch key.spec.kind {
                case .sales: (renderer.sale(history.sales[i], orderId: orderIds[i], spec: key.spec), Int(history.sales[i].person))
                case .warranty: (renderer.warranty(history.warranty[i], cardId: cardIds[i], spec: key.spec), Int(history.warranty[i].person))
                case .contact: (renderer.contact(history.calls[i], attemptId: attemptIds[i], spec: key.spec), Int(history.calls[i].person))
                }
            }
            switch key.spec.kind {
            case .sales: summary.salesLines += buckets[key]!.count
            case .warranty: summary.warrantyCards += buckets[key]!.count
            case .contact: summary.contactAttempts += buckets[key]!.count
            }
        }
        try truth.close()
        try truth.writePersons(persons, history: history)

        summary.persons = persons.count
        summary.households = persons.last?.household ?? 0
        summary.customers = isCustomer.reduce(0) { $0 + ($1 ? 1 : 0) }
        let revenue = history.revenue.filter { $0 > 0 }.sorted(by: >)
        let total = revenue.reduce(0, +)
        summary.topQuintileRevenueShare = total > 0 ? revenue.prefix(max(1, revenue.count / 5)).reduce(0, +) / total : 0
        return summary
    }

    /// Writes one file; re-exports of earlier files' clean rows are interleaved in English files.
    private mutating func writeFile(_ path: String, _ spec: FileSpec, night: Bool, events: [Int], sales: [SaleEvent],
                                    render: (inout RowRenderer, Int) -> (RenderedRow, Int)) throws(SynthError) {
        let w = try CSVFileWriter(root: root, relativePath: path, encoding: spec.encoding, bom: spec.bom,
                                  crlf: spec.crlf, gzip: config.gzip)
        try w.write(spec.header)
        let reExportRate = spec.dialect != .english ? 0 : night ? config.dirt.nightReExports : config.dirt.reExportedRows
        let crossRate = spec.kind == .sales && spec.dialect == .chinese && !night ? config.dirt.duplicateAcrossSources : 0
        var reExported = 0
        var originals: [Original] = []
        for i in events {
            if rng.chance(reExportRate), try reExport(spec.kind, into: w) { reExported += 1 }
            if rng.chance(crossRate) { try crossExport(into: w, spec: spec, sales: sales) }
            let (row, person) = render(&renderer, i)
            let line = try w.write(row.fields)
            if let code = row.reject {
                try truth.reject(file: path, line: line, code: code)
                summary.rejectsExpected += 1
                continue
            }
            try truth.record(file: path, line: line, person: person + 1, kind: spec.kind)
            isCustomer[person] = true
            if let issue = row.issue {
                try truth.issue(file: path, line: line, field: issue.field, code: issue.code)
                summary.fieldIssuesExpected += 1
            } else if spec.dialect == .english {
                originals.append(Original(file: path, line: line, fields: row.fields, person: person, event: i))
            }
        }
        if night && reExported == 0 && reExportRate > 0 { _ = try reExport(spec.kind, into: w) }
        // Rows of this file become re-export candidates only now, so a duplicate is always in a later file.
        for o in originals { remember(o, kind: spec.kind) }
        summary.files[path] = w.lines - 1
        try w.close()
    }

    private mutating func reExport(_ kind: RecordKind, into w: CSVFileWriter) throws(SynthError) -> Bool {
        guard let pool = reservoir[kind], !pool.isEmpty else { return false }
        let o = pool[rng.int(0...(pool.count - 1))]
        let line = try w.write(o.fields)
        try truth.record(file: w.relativePath, line: line, person: o.person + 1, kind: kind)
        try truth.duplicate(file: w.relativePath, line: line, firstFile: o.file, firstLine: o.line)
        summary.duplicatesExpected += 1
        return true
    }

    /// A store order line that another system exported too, in that system's own forms.
    private mutating func crossExport(into w: CSVFileWriter, spec: FileSpec, sales: [SaleEvent]) throws(SynthError) {
        guard let pool = reservoir[.sales]?.filter({ sales[$0.event].channel == .store }), !pool.isEmpty else { return }
        let o = pool[rng.int(0...(pool.count - 1))]
        let line = try w.write(renderer.rewritten(o.fields, of: sales[o.event], spec: spec))
        try truth.record(file: w.relativePath, line: line, person: o.person + 1, kind: .sales)
        try truth.duplicate(file: w.relativePath, line: line, firstFile: o.file, firstLine: o.line)
        summary.duplicatesExpected += 1
    }

    /// Reservoir sampling keeps a uniform sample of all earlier clean rows in bounded memory.
    private mutating func remember(_ o: Original, kind: RecordKind) {
        let n = seenOriginals[kind, default: 0] + 1
        seenOriginals[kind] = n
        if reservoir[kind, default: []].count < Self.reservoirSize {
            reservoir[kind, default: []].append(o)
        } else {
            let j = rng.int(0...(n - 1))
            if j < Self.reservoirSize { reservoir[kind]![j] = o }
        }
    }
}
