import Cleanse
import Dedupe
import Extract
import Foundation
import Logging
import Postgres
import Scoring
import Warehouse

/// The body of one run, inside its transaction.
struct RunTransaction {
    let runner: PipelineRunner
    let db: PostgresConnection
    let runId: Int64
    let logger: Logger

    func execute(files: [SourceFile], options: RunOptions) throws -> RunSummary {
        let loader = WarehouseLoader(db, library: runner.library, logger: logger)
        let ledger = RunLedger(db)
        try loader.prepare(runId: runId)
        var fingerprints = try ledger.loadedFingerprints()
        var persons = PersonTable()
        var results: [FileResult] = []
        var latest: Day?

        runner.progress?.stage("extract, cleanse, stage")
        for file in files {
            runner.progress?.fileStarted(file.name, bytes: file.bytes)
            let t0 = Date()
            // The step includes adding the file's persons to the run's, work of this file that no
            // step showed before.
            let result = try logger.timed("stage \(file.name)") {
                var result = try FileLoad(file: file, rules: runner.config.cleanse, loader: loader, ledger: ledger,
                                          db: db, runId: runId, logger: logger).run(knownFingerprints: fingerprints)
                if result.ledger.status == .loaded, let fp = result.ledger.fingerprint {
                    fingerprints[fp] = file.name
                    persons.absorb(result.persons)
                    if let d = result.latestDay { latest = max(latest ?? d, d) }
                }
                // The file's own person table is in the run's now: keeping it would hold every
                // file's persons twice until the run ends.
                result.persons = PersonTable()
                return result
            }
            results.append(result)
            runner.progress?.fileFinished(result.ledger, seconds: Date().timeIntervalSince(t0))
        }

        runner.progress?.stage("dedupe")
        let sightings = persons.sightings
        persons = PersonTable()
        var known = IdentityMap.empty
        let link = try logger.timed("link \(sightings.count) persons") {
            let observations = sightings.map { PersonObservation(key: $0.key, person: $0.person, count: $0.count) }
            return try Linker.link(observations, rules: runner.config.link) { request in
                known = try logger.timed("identity map") { try loader.identity.history(for: request) }
                return known
            }
        }

        let asOf = try asOfDay(options: options, latestInRun: latest, loader: loader)
        runner.progress?.stage("load")
        let reconciliation = try loader.merge(persons: sightings, link: link, known: known, asOf: asOf)

        var ledgers: [FileLedger] = []
        for r in results {
            var f = r.ledger
            if f.status == .loaded {
                let rec = reconciliation[f.fileName] ?? FileReconciliation(staged: 0, loaded: 0, present: 0)
                guard rec.staged == r.staged else {
                    throw PipelineError.ledgerMismatch("\(f.fileName): \(r.staged) rows sent to staging, \(rec.staged) arrived")
                }
                f.rowsLoaded = rec.loaded
                f.rowsMerged = rec.staged - rec.loaded
            }
            guard f.reconciles else {
                throw WarehouseError.unbalanced(file: f.fileName, read: f.rowsRead, loaded: f.rowsLoaded,
                                                rejected: f.rowsRejected, merged: f.rowsMerged)
            }
            try ledger.record(runId: runId, f)
            ledgers.append(f)
        }
        try logger.timed("analyze warehouse") { try loader.analyze(rowsLoaded: Self.rowsLoadedPerTable(ledgers)) }

        runner.progress?.stage("score")
        let marts = try Scorer.publish(db, library: runner.library, settings: runner.config.scoring, logger: logger)
        try ledger.close(runId: runId, files: ledgers, asOf: asOf)
        return RunSummary(runId: runId, pipeline: runner.config.name, files: ledgers,
                          customersLinked: link.stats.clusters,
                          newCustomers: link.stats.newCustomers, merges: link.merges.count,
                          marts: marts, asOf: asOf, seconds: 0)
    }

    /// Rows this run added per warehouse table, for deciding which statistics are stale. Every new
    /// customer version comes with at least one fact, so the customer dimension follows the facts,
    /// and each fact's natural-key table grows with it (without statistics after a first load the
    /// next night's re-export check scanned a million keys per staged row).
    static func rowsLoadedPerTable(_ files: [FileLedger]) -> [String: Int] {
        var out: [String: Int] = [:]
        for f in files {
            let tables = switch f.kind {
            case .sales: ["dw.fct_sales_line", "dw.sales_line_key"]
            case .warranty: ["dw.fct_warranty_registration"]
            case .contact: ["dw.fct_contact_attempt", "dw.contact_attempt_key"]
            }
            for t in tables { out[t, default: 0] += f.rowsLoaded }
        }
        out["dw.dim_customer"] = files.reduce(0) { $0 + $1.rowsLoaded }
        return out
    }

    /// The scoring date: the command line's, else the pipeline's, else the latest business date
    /// loaded so far (this run or before).
    private func asOfDay(options: RunOptions, latestInRun: Day?, loader: WarehouseLoader) throws -> Day {
        if let d = options.asOf { return d }
        if case .day(let d) = runner.config.asOf { return d }
        let before = try loader.latestBusinessDate().flatMap(DayParser.iso)
        switch (latestInRun, before) {
        case let (a?, b?): return max(a, b)
        case let (a?, nil): return a
        case let (nil, b?): return b
        case (nil, nil):
            let c = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
            return Day(year: c.year!, month: c.month!, day: c.day!)
        }
    }
}
