import Cleanse
import Postgres

/// The version of a file that an earlier run loaded, which a corrected file replaces.
public struct LoadedVersion: Sendable, Equatable {
    public var runId: Int64
    public var fingerprint: String
}

extension RunLedger {
    /// The newest loaded version of a file name (per source); the per-run ledger is the history,
    /// because `etl.loaded_file` keeps one row per content, not per name.
    public func latestVersion(of fileName: String, source: String) throws -> LoadedVersion? {
        let row = try db.query("""
            SELECT run_id, fingerprint FROM etl.run_file
            WHERE file_name = $1 AND source = $2 AND status = 'loaded' AND fingerprint IS NOT NULL
            ORDER BY run_id DESC LIMIT 1
            """, [fileName, source]).rows.first
        guard let row, let run = row[0].flatMap({ Int64($0) }), let fp = row[1] else { return nil }
        return LoadedVersion(runId: run, fingerprint: fp)
    }

    /// Deletes the facts an earlier version of the file loaded (inside the run's transaction);
    /// returns how many.
    public func forgetFacts(kind: SourceKind, fileName: String) throws -> Int {
        Int(try db.query("SELECT dw.forget_file_facts($1, $2)", [kind.rawValue, fileName]).rows.first?[0] ?? "") ?? 0
    }
}
