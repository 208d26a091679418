import Cleanse
import Dedupe
import Logging
import Postgres

/// Staged rows and the rows of the warehouse after the merge, per file of this run.
public struct FileReconciliation: Sendable, Equatable {
    public var staged: Int
    public var loaded: Int
    /// Staged rows whose natural key is in the warehouse (loaded now or before).
    public var present: Int

    public init(staged: Int, loaded: Int, present: Int) {
        self.staged = staged; self.loaded = loaded; self.present = present
    }
}

/// The load stage: COPY into staging, then the set-based merge scripts of `sql/load/`, all inside
/// the caller's transaction so a failed or killed run publishes nothing.
public struct WarehouseLoader {
    let db: PostgresConnection
    let library: SQLLibrary
    let logger: Logger

    public init(_ db: PostgresConnection, library: SQLLibrary, logger: Logger) {
        self.db = db; self.library = library; self.logger = logger
    }

    /// Sets the run's transaction-local settings and empties staging. Call inside the transaction.
    public func prepare(runId: Int64) throws {
        try db.query("SELECT set_config('starcard.run_id', $1, true)", [String(runId)])
        // A run is a few large set-based statements: sorts and hashes of a million staged rows
        // should stay in memory, and JIT compilation costs more than it saves on them.
        try db.execute("SET LOCAL work_mem = '256MB'; SET LOCAL jit = off")
        try db.execute("""
            TRUNCATE staging.stg_person, staging.stg_customer, staging.stg_sales_line, staging.stg_warranty_card,
                     staging.stg_contact_attempt, staging.stg_identity, staging.stg_merge
            """)
    }

    /// Streams one file's clean rows into its staging table; returns the rows the server took.
    public func stage(kind: SourceKind, _ body: (inout BinaryCopyInWriter) throws -> Void) throws -> Int {
        try db.copyInBinary(StagingTable.binaryCopyStatement(for: kind), body)
    }

    /// Dedupe's history and persistence, in this run's transaction.
    public var identity: IdentityStore { IdentityStore(db, logger: logger) }

    /// The latest business date already in the warehouse, for an automatic as-of date.
    public func latestBusinessDate() throws -> String? {
        try db.query("""
            SELECT greatest(etl.latest_partition_key('dw.fct_sales_line')::date,
                            (SELECT max(registered_on) FROM dw.fct_warranty_registration),
                            etl.latest_partition_key('dw.fct_contact_attempt')::date)::text
            """).rows.first?[0] ?? nil
    }

    /// Copies the linked persons, the customers' incoming attributes, new identity keys and merges
    /// into place, then runs the merge scripts and returns, per file, how its staged rows ended.
    public func merge(persons: [PersonSighting], link: LinkResult, known: IdentityMap, asOf: Day) throws -> [String: FileReconciliation] {
        try db.query("SELECT set_config('starcard.as_of', $1, true)", [asOf.description])
        try identity.persist(persons: persons, link: link, known: known)
        // Only the columns the merge scripts join and group on: sampling every text column of a
        // million staged rows cost more than the plans gained from it. The small merge tables too:
        // unanalysed, a night's three merges were planned as a scan of every fact row.
        try logger.timed("analyze staging") {
            try db.execute("""
                ANALYZE staging.stg_person, staging.stg_customer, staging.stg_merge, staging.stg_identity,
                        staging.stg_sales_line (person_key, order_id, line_no, order_date, sku, store_code),
                        staging.stg_warranty_card (person_key, card_id, registered_on, purchase_date, sku, store_code),
                        staging.stg_contact_attempt (person_key, attempt_id, called_at, campaign_code, agent_code)
                """)
        }
        for script in library.load where !script.name.hasSuffix("reconcile.sql") {
            try logger.timed(script.name) { try db.execute(script.text) }
        }
        var out: [String: FileReconciliation] = [:]
        // The script leaves its figures in a temp table: a query of several statements cannot be
        // prepared, and it sets and resets join settings around its own.
        let reconcile = try library.script("load/090_reconcile.sql")
        let figures = try logger.timed(reconcile.name) {
            try db.execute(reconcile.text)
            return try db.query("SELECT source_file, staged, loaded, present FROM reconciliation ORDER BY source_file")
        }
        for row in figures.rows {
            guard let file = row[0], let staged = row[1].flatMap({ Int($0) }), let loaded = row[2].flatMap({ Int($0) }),
                  let present = row[3].flatMap({ Int($0) }) else { continue }
            out[file] = FileReconciliation(staged: staged, loaded: loaded, present: present)
            if present != staged { throw WarehouseError.lostRows(file: file, staged: staged, present: present) }
        }
        return out
    }

    /// Refreshes planner statistics of the tables this run changed by a noticeable share (a tenth
    /// of their rows, or any table PostgreSQL has never analysed): the marts that follow plan
    /// on them. A small night leaves the estimates valid and autovacuum's ANALYZE catches up.
    ///
    /// The run samples a fifth of what the server would (statistics target 20): a month partition
    /// of a million-line fact is small enough that the default sample reads all of it, and the run
    /// needs row counts and rough distributions, not fine histograms (the two big facts: 2.3 → 0.9 s).
    /// Autovacuum's own ANALYZE, at the server's target, follows for the month partitions and the
    /// other tables once the run has committed (it never analyses a partitioned parent: those keep
    /// the run's sample until the next run that grows them by a tenth).
    public func analyze(rowsLoaded: [String: Int]) throws {
        var stale: [String] = []
        for (table, added) in rowsLoaded.sorted(by: { $0.key < $1.key }) where added > 0 {
            let estimate = try db.query("SELECT reltuples FROM pg_class WHERE oid = $1::regclass", [table])
                .rows.first?[0].flatMap { Double($0) } ?? -1
            if estimate < 0 || Double(added) > 0.1 * estimate { stale.append(table) }
        }
        guard !stale.isEmpty else { return }
        try db.execute("SET LOCAL default_statistics_target = 20; ANALYZE \(stale.joined(separator: ", ")); RESET default_statistics_target")
    }
}
