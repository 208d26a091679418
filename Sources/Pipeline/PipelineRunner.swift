import Cleanse
import Dedupe
import Foundation
import Logging
import Postgres
import Scoring
import Warehouse

/// How to run a pipeline this time.
public struct RunOptions: Sendable {
    /// Overrides the pipeline's data folder.
    public var dataDir: URL?
    /// Overrides the pipeline's scoring date.
    public var asOf: Day?
    public var version: String

    public init(dataDir: URL? = nil, asOf: Day? = nil, version: String = "dev") {
        self.dataDir = dataDir; self.asOf = asOf; self.version = version
    }
}

/// Runs extract → cleanse → dedupe → load → score for one pipeline against one database.
///
/// The whole run is one transaction: staging, merges, ledger and marts commit together or not at
/// all, so a failed or killed run leaves the warehouse and marts as they were. Only the `etl.run`
/// row is written outside it, so that failures stay on record.
public final class PipelineRunner {
    /// `pg_try_advisory_lock` key that allows one run at a time per database ("star" in ASCII).
    public static let runLockKey: Int64 = 0x7374_6172

    let config: PipelineConfig
    let databaseURL: String
    let library: SQLLibrary
    let logger: Logger
    let progress: ProgressReporter?

    public init(config: PipelineConfig, databaseURL: String, library: SQLLibrary, logger: Logger,
                progress: ProgressReporter? = nil) {
        self.config = config; self.databaseURL = databaseURL; self.library = library
        self.logger = logger; self.progress = progress
    }

    public func run(_ options: RunOptions) throws -> RunSummary {
        let started = Date()
        guard let dataDir = options.dataDir ?? config.dataDir else {
            throw PipelineError.noDataFolder(pipeline: config.file.lastPathComponent)
        }
        let files = try SourceFiles.discover(config.sources, in: dataDir)
        let db = try PostgresConnection.connect(databaseURL, logger: logger)
        guard try db.tryAdvisoryLock(Self.runLockKey) else { throw PipelineError.runInProgress }
        defer { try? db.advisoryUnlock(Self.runLockKey) }
        try Migrator.migrate(db, library: library, logger: logger)

        let ledger = RunLedger(db)
        let runId = try ledger.open(pipeline: config.name, version: options.version)
        var log = logger
        log[metadataKey: "run"] = "\(runId)"
        do {
            var summary = try db.transaction {
                try RunTransaction(runner: self, db: db, runId: runId, logger: log).execute(files: files, options: options)
            }
            summary.seconds = Date().timeIntervalSince(started)
            log.info("run finished", metadata: ["rows_read": "\(summary.rowsRead)", "rows_loaded": "\(summary.rowsLoaded)"])
            return summary
        } catch {
            try? ledger.fail(runId: runId, message: "\(error)")
            throw error
        }
    }
}
