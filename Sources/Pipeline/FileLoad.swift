import Cleanse
import Dedupe
import Extract
import Foundation
import Logging
import Postgres
import Warehouse

/// What one file contributed to a run.
struct FileResult {
    var ledger: FileLedger
    /// Rows sent to staging (read − rejected).
    var staged: Int
    var persons: PersonTable
    var latestDay: Day?
}

/// Reads, cleanses and stages one file inside a savepoint, so a whole-file fault (truncated gzip,
/// undecodable bytes, unmapped header) or a file already loaded undoes only that file.
struct FileLoad {
    let file: SourceFile
    let rules: CleanseRules
    let loader: WarehouseLoader
    let ledger: RunLedger
    let db: PostgresConnection
    let runId: Int64
    let logger: Logger

    func run(knownFingerprints: [String: String]) throws -> FileResult {
        var base = FileLedger(source: file.source.name, fileName: file.name, kind: file.source.kind,
                              status: .loaded, bytes: file.bytes)
        try db.execute("SAVEPOINT starcard_file")
        do {
            var result = try stage(&base)
            // A corrected file replaces its earlier version even when its content was seen before
            // (say, reverted to an older version): what the name loaded last is what it replaces.
            let replaced = try base.fingerprint.flatMap { fp in
                try ledger.latestVersion(of: file.name, source: file.source.name).flatMap { $0.fingerprint == fp ? nil : $0 }
            }
            if let replaced {
                let removed = try ledger.forgetFacts(kind: file.source.kind, fileName: file.name)
                let note = "replaces the version loaded in run \(replaced.runId) (its \(removed) fact rows were deleted first)"
                result.ledger.message = [note, result.ledger.message].compactMap { $0 }.joined(separator: "; ")
                logger.info("corrected file", metadata: ["file": "\(file.name)", "replaces_run": "\(replaced.runId)", "deleted": "\(removed)"])
            } else if let fp = base.fingerprint, let earlier = knownFingerprints[fp] {
                try db.execute("ROLLBACK TO SAVEPOINT starcard_file")
                result.ledger.status = .skipped
                result.ledger.rowsRejected = 0
                result.ledger.fieldIssues = 0
                result.ledger.rowsMerged = result.ledger.rowsRead
                result.ledger.message = "same content as \(earlier), already loaded: every row counted as merged"
                result.staged = 0
                result.persons = PersonTable()
                logger.info("file skipped: already loaded", metadata: ["file": "\(file.name)", "as": "\(earlier)"])
            }
            try db.execute("RELEASE SAVEPOINT starcard_file")
            return result
        } catch let e as PostgresError where e.kind == .connection {
            throw e
        } catch {
            try db.execute("ROLLBACK TO SAVEPOINT starcard_file")
            try db.execute("RELEASE SAVEPOINT starcard_file")
            logger.warning("file failed", metadata: ["file": "\(file.name)", "error": "\(error)"])
            base.status = .failed
            base.message = "\(error)"
            base.rowsRead = 0; base.rowsRejected = 0; base.rowsMerged = 0; base.rowsLoaded = 0; base.fieldIssues = 0
            return FileResult(ledger: base, staged: 0, persons: PersonTable(), latestDay: nil)
        }
    }

    private func stage(_ base: inout FileLedger) throws -> FileResult {
        let cleaner = try FileCleaner(path: file.url.path, name: file.name, source: file.source, rules: rules)
        let staged = try loader.stage(kind: file.source.kind) { w in
            let fields = StagingTable.fieldCount(for: file.source.kind)
            try cleaner.forEachCleanOverlapped { record, key in
                try w.writeRow(fieldCount: fields) { row throws(PostgresError) in try StagingTable.encode(record, personKey: key, into: &row) }
            }
        }
        try ledger.quarantine(runId: runId, rejects: cleaner.rejects, issues: cleaner.issues)
        base.fingerprint = cleaner.reader.fingerprint
        base.encoding = cleaner.reader.detectedEncoding.rawValue
        base.rowsRead = cleaner.read
        base.rowsRejected = cleaner.rejects.count
        base.fieldIssues = cleaner.issues.count
        base.rowsMerged = cleaner.read - cleaner.rejects.count   // provisional until the merge says what loaded
        if cleaner.read == 0 { base.message = "no data rows (header only or empty)" }
        return FileResult(ledger: base, staged: staged, persons: cleaner.persons, latestDay: cleaner.latest)
    }
}
