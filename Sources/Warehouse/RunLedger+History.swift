import Cleanse
import Postgres

/// One past run as `starcard status` shows it.
public struct RunRecord: Sendable {
    public var runId: Int64
    public var pipeline: String
    public var startedAt: String
    public var seconds: Double?
    public var status: String
    public var filesLoaded: Int
    public var filesSkipped: Int
    public var filesFailed: Int
    public var rowsRead: Int
    public var rowsLoaded: Int
    public var rowsRejected: Int
    public var rowsMerged: Int
    public var message: String?
}

extension RunLedger {
    /// The latest runs, newest first. An empty list when the warehouse was never migrated.
    public func recentRuns(limit: Int) throws -> [RunRecord] {
        let exists = try db.query("SELECT to_regclass('etl.run') IS NOT NULL").rows.first?[0]
        guard exists == "t" else { return [] }
        let r = try db.query("""
            SELECT run_id, pipeline, to_char(started_at, 'YYYY-MM-DD HH24:MI:SS'),
                   extract(epoch FROM finished_at - started_at), status, files_loaded, files_skipped, files_failed,
                   rows_read, rows_loaded, rows_rejected, rows_merged, message
            FROM etl.run ORDER BY run_id DESC LIMIT $1
            """, [String(limit)])
        return r.rows.map { row in
            RunRecord(runId: Int64(row[0] ?? "") ?? 0, pipeline: row[1] ?? "", startedAt: row[2] ?? "",
                      seconds: row[3].flatMap(Double.init), status: row[4] ?? "",
                      filesLoaded: Int(row[5] ?? "") ?? 0, filesSkipped: Int(row[6] ?? "") ?? 0,
                      filesFailed: Int(row[7] ?? "") ?? 0, rowsRead: Int(row[8] ?? "") ?? 0,
                      rowsLoaded: Int(row[9] ?? "") ?? 0, rowsRejected: Int(row[10] ?? "") ?? 0,
                      rowsMerged: Int(row[11] ?? "") ?? 0, message: row[12])
        }
    }

    /// The per-file ledger of one run.
    public func files(runId: Int64) throws -> [FileLedger] {
        let r = try db.query("""
            SELECT source, file_name, kind, status, fingerprint, encoding, bytes, rows_read, rows_loaded,
                   rows_rejected, rows_merged, field_issues, message
            FROM etl.run_file WHERE run_id = $1 ORDER BY file_name
            """, [String(runId)])
        return r.rows.map { row in
            FileLedger(source: row[0] ?? "", fileName: row[1] ?? "", kind: SourceKind(rawValue: row[2] ?? "") ?? .sales,
                       status: FileLedger.Status(rawValue: row[3] ?? "") ?? .failed, fingerprint: row[4], encoding: row[5],
                       bytes: Int(row[6] ?? "") ?? 0, rowsRead: Int(row[7] ?? "") ?? 0, rowsLoaded: Int(row[8] ?? "") ?? 0,
                       rowsRejected: Int(row[9] ?? "") ?? 0, rowsMerged: Int(row[10] ?? "") ?? 0,
                       fieldIssues: Int(row[11] ?? "") ?? 0, message: row[12])
        }
    }
}
