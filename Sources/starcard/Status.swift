import ArgumentParser
import Foundation
import Postgres
import Warehouse

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the latest runs and the file ledger of the last one.")

    @Option(help: "How many runs to list.")
    var last: Int = 10

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    func run() throws {
        let logger = logging.makeLogger("starcard.status")
        let db = try PostgresConnection.connect(try database.resolve(logger: logger), logger: logger)
        let ledger = RunLedger(db)
        let runs = try ledger.recentRuns(limit: last)
        guard let newest = runs.first else { print("no runs yet — start one with `starcard run`"); return }
        print(SummaryText.table(
            ["run", "pipeline", "started", "status", "seconds", "files", "read", "loaded", "rejected", "merged"],
            runs.map { r in
                ["\(r.runId)", r.pipeline, r.startedAt, r.status, r.seconds.map { String(format: "%.1f", $0) } ?? "-",
                 "\(r.filesLoaded)+\(r.filesSkipped)s+\(r.filesFailed)f", "\(r.rowsRead)", "\(r.rowsLoaded)",
                 "\(r.rowsRejected)", "\(r.rowsMerged)"]
            }))
        for r in runs where r.message != nil && r.status != "succeeded" { print("  run \(r.runId): \(r.message!)") }
        let files = try ledger.files(runId: newest.runId)
        guard !files.isEmpty else { return }
        print("\nfiles of run \(newest.runId):")
        print(SummaryText.table(["file", "status", "encoding", "read", "loaded", "rejected", "merged", "field issues"],
                                files.map { f in
                                    [f.fileName, f.status.rawValue, f.encoding ?? "-", "\(f.rowsRead)", "\(f.rowsLoaded)",
                                     "\(f.rowsRejected)", "\(f.rowsMerged)", "\(f.fieldIssues)"]
                                }))
    }
}
