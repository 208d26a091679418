import Cleanse
import Postgres

/// What became of one file in a run. `rowsRead = rowsLoaded + rowsRejected + rowsMerged` is
/// checked here and again by a CHECK constraint on `etl.run_file`.
public struct FileLedger: Sendable, Equatable {
    public enum Status: String, Sendable { case loaded, skipped, failed }
    public var source: String
    public var fileName: String
    public var kind: SourceKind
    public var status: Status
    public var fingerprint: String?
    public var encoding: String?
    public var bytes: Int
    public var rowsRead: Int
    public var rowsLoaded: Int
    public var rowsRejected: Int
    public var rowsMerged: Int
    public var fieldIssues: Int
    public var message: String?

    public init(source: String, fileName: String, kind: SourceKind, status: Status, fingerprint: String? = nil,
                encoding: String? = nil, bytes: Int = 0, rowsRead: Int = 0, rowsLoaded: Int = 0, rowsRejected: Int = 0,
                rowsMerged: Int = 0, fieldIssues: Int = 0, message: String? = nil) {
        self.source = source; self.fileName = fileName; self.kind = kind; self.status = status
        self.fingerprint = fingerprint; self.encoding = encoding; self.bytes = bytes; self.rowsRead = rowsRead
        self.rowsLoaded = rowsLoaded; self.rowsRejected = rowsRejected; self.rowsMerged = rowsMerged
        self.fieldIssues = fieldIssues; self.message = message
    }

    public var reconciles: Bool { rowsRead == rowsLoaded + rowsRejected + rowsMerged }
}

/// The run ledger in `etl`: one row per run, one per file, the quarantine and the field issues.
public struct RunLedger {
    let db: PostgresConnection

    public init(_ db: PostgresConnection) { self.db = db }

    /// Opens a run outside the data transaction, so a failed run is still on record. Runs left
    /// `running` by a killed process are marked abandoned first (the caller holds the run lock, so
    /// no other run can be live).
    public func open(pipeline: String, version: String) throws -> Int64 {
        try db.query("""
            UPDATE etl.run SET status = 'abandoned', finished_at = now(),
                   message = 'the process ended before the run finished; nothing it did was published'
            WHERE status = 'running'
            """)
        let r = try db.query("INSERT INTO etl.run (pipeline, starcard_version) VALUES ($1, $2) RETURNING run_id",
                             [pipeline, version])
        guard let text = r.rows.first?[0], let id = Int64(text) else {
            throw WarehouseError.unexpected("INSERT INTO etl.run returned no run_id")
        }
        return id
    }

    /// Fingerprints of every delivery already loaded, to skip a file seen before.
    public func loadedFingerprints() throws -> [String: String] {
        var out: [String: String] = [:]
        for row in try db.query("SELECT fingerprint, file_name FROM etl.loaded_file").rows {
            if let f = row[0], let n = row[1] { out[f] = n }
        }
        return out
    }

    /// Records a file's outcome (inside the run's transaction).
    public func record(runId: Int64, _ f: FileLedger) throws {
        precondition(f.reconciles, "ledger for \(f.fileName) does not reconcile")
        try db.query("""
            INSERT INTO etl.run_file (run_id, source, file_name, kind, fingerprint, encoding, bytes, status,
                                      rows_read, rows_loaded, rows_rejected, rows_merged, field_issues, message)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            """, [String(runId), f.source, f.fileName, f.kind.rawValue, f.fingerprint, f.encoding, String(f.bytes),
                  f.status.rawValue, String(f.rowsRead), String(f.rowsLoaded), String(f.rowsRejected),
                  String(f.rowsMerged), String(f.fieldIssues), f.message])
        if f.status == .loaded, let fp = f.fingerprint {
            try db.query("""
                INSERT INTO etl.loaded_file (fingerprint, file_name, source, run_id) VALUES ($1, $2, $3, $4)
                ON CONFLICT (fingerprint) DO NOTHING
                """, [fp, f.fileName, f.source, String(runId)])
        }
    }

    /// Quarantines rejected rows and records field issues through COPY.
    public func quarantine(runId: Int64, rejects: [Rejection], issues: [FieldIssue]) throws {
        let run = String(runId)
        if !rejects.isEmpty {
            _ = try db.copyIn(CopyStatements.rejects) { w in
                for r in rejects {
                    try w.writeRow([run, r.source.file, String(r.source.line), r.field, r.code, r.message, r.raw])
                }
            }
        }
        if !issues.isEmpty {
            _ = try db.copyIn(CopyStatements.fieldIssues) { w in
                for i in issues {
                    try w.writeRow([run, i.source.file, String(i.source.line), i.field, i.code, i.value])
                }
            }
        }
    }

    /// Closes the run with its totals (inside the run's transaction, so it commits with the data).
    public func close(runId: Int64, files: [FileLedger], asOf: Day?) throws {
        func sum(_ k: KeyPath<FileLedger, Int>) -> String { String(files.reduce(0) { $0 + $1[keyPath: k] }) }
        func count(_ s: FileLedger.Status) -> String { String(files.filter { $0.status == s }.count) }
        try db.query("""
            UPDATE etl.run SET status = 'succeeded', finished_at = clock_timestamp(), files_seen = $2, files_loaded = $3,
                   files_skipped = $4, files_failed = $5, rows_read = $6, rows_loaded = $7, rows_rejected = $8,
                   rows_merged = $9, as_of_date = $10
            WHERE run_id = $1
            """, [String(runId), String(files.count), count(.loaded), count(.skipped), count(.failed),
                  sum(\.rowsRead), sum(\.rowsLoaded), sum(\.rowsRejected), sum(\.rowsMerged), asOf?.description])
    }

    /// Marks a run failed after its transaction rolled back (nothing of it was published).
    public func fail(runId: Int64, message: String) throws {
        try db.query("UPDATE etl.run SET status = 'failed', finished_at = clock_timestamp(), message = $2 WHERE run_id = $1",
                     [String(runId), String(message.prefix(2000))])
    }
}
