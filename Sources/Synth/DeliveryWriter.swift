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

    mutating func write(_ history: History) throws(SynthError) -> SynthSummary {
        let routing = Routing(history: history, persons: persons, layout: layout, config: config)
        let buckets = routing.buckets
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
                case .sales: (renderer.sale(history.sales[i], orderId: routing.orderIds[i], spec: key.spec), Int(history.sales[i].person))
                case .warranty: (renderer.warranty(history.warranty[i], cardId: routing.cardIds[i], spec: key.spec), Int(history.warranty[i].person))
                case .contact: (renderer.contact(history.calls[i], attemptId: routing.attemptIds[i], spec: key.spec), Int(history.calls[i].person))
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
