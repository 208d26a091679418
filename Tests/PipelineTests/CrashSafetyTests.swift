import Foundation
import Logging
import Pipeline
import Postgres
import Synth
import TestSupport
import Warehouse
import XCTest

/// kill -9 of the real `starcard` binary in the middle of its load: nothing may be published, the
/// next run must mark the dead run abandoned and end exactly where an uninterrupted run ends.
final class CrashSafetyTests: XCTestCase {
    static var binary: URL? { StarcardBinary.url }

    func testRunKilledMidLoadPublishesNothingAndTheNextRunFinishesTheWork() throws {
        guard let binary = Self.binary else {
            return XCTFail("build the binary first: swift build --scratch-path <same as the tests> --product starcard")
        }
        // A run that is too quick to be caught mid-load is retried on more data; each attempt must
        // end in a kill that landed while the run's transaction was open, or the test fails.
        for (attempt, customers) in [4000, 12000, 30000].enumerated() {
            let data = try Self.generate(customers: customers)
            let url = try TestDatabase.fresh("crash_\(attempt)")
            let db = try PostgresConnection.connect(url)
            try Migrator.migrate(db, library: try PipelineFixture.library(), logger: PipelineFixture.logger)
            let tables = try db.warehouseTables()
            let before = try db.contentChecksums(tables)

            let outcome = try killWhileLoading(binary: binary, data: data, url: url, monitor: db)
            guard outcome == .killedMidLoad else {
                print("crash test attempt \(attempt) with \(customers) customers: \(outcome), retrying with more data")
                continue
            }
            try db.waitForOtherSessionsToEnd()
            XCTAssertEqual(try db.query("SELECT status FROM etl.run ORDER BY run_id").rows.map { $0[0] }, ["running"])
            XCTAssertEqual(try db.contentChecksums(tables), before, "a killed run published something")

            let next = try PipelineFixture.runner(url).run(RunOptions(dataDir: data))
            XCTAssertGreaterThan(next.rowsLoaded, 0)
            XCTAssertEqual(try db.query("SELECT status FROM etl.run ORDER BY run_id").rows.map { $0[0] }, ["abandoned", "succeeded"])

            let reference = try TestDatabase.fresh("crash_reference_\(attempt)")
            _ = try PipelineFixture.runner(reference).run(RunOptions(dataDir: data))
            let expected = try PostgresConnection.connect(reference).contentChecksums(tables)
            let got = try db.contentChecksums(tables)
            for t in tables { XCTAssertEqual(got[t], expected[t], "\(t) differs from an uninterrupted run") }
            return
        }
        XCTFail("every run finished before it could be killed mid-load, even on 30000 customers")
    }

    enum KillOutcome: Equatable { case killedMidLoad, finishedFirst, killedOutsideLoad }

    /// Starts `starcard run`, waits until its session is writing into `dw` inside the open run
    /// transaction, and SIGKILLs it at once.
    private func killWhileLoading(binary: URL, data: URL, url: String, monitor: PostgresConnection) throws -> KillOutcome {
        let p = Process()
        p.executableURL = binary
        p.arguments = ["run", "pipelines/nightly.toml", "--data", data.path, "--db", url]
        p.currentDirectoryURL = PipelineFixture.packageRoot
        var env = ProcessInfo.processInfo.environment
        env["STARCARD_DATABASE_URL"] = nil
        env["DATABASE_URL"] = nil
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        var sawLoad = false
        let deadline = Date().addingTimeInterval(600)
        while p.isRunning, Date() < deadline {
            sawLoad = try monitor.int("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL
                  AND query LIKE '%INSERT INTO dw.%'
                """) > 0
            if sawLoad { break }
            usleep(2000)
        }
        if p.isRunning { kill(p.processIdentifier, SIGKILL) }
        p.waitUntilExit()
        guard p.terminationReason == .uncaughtSignal else { return .finishedFirst }
        guard sawLoad else { return .killedOutsideLoad }
        // The data transaction commits together with status 'succeeded': a run still 'running' did not commit.
        let status = try monitor.query("SELECT status FROM etl.run ORDER BY run_id DESC LIMIT 1").rows.first?[0]
        return status == "running" ? .killedMidLoad : .finishedFirst
    }

    private static func generate(customers: Int) throws -> URL {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("starcard-crash-\(customers)-\(getpid())")
        if !FileManager.default.fileExists(atPath: dir.path) {
            _ = try Generator.generate(SynthConfig(customers: customers, seed: 7), to: dir)
        }
        return dir.appendingPathComponent("base")
    }
}

extension PipelineFixture {
    static func runner(_ url: String) throws -> PipelineRunner {
        PipelineRunner(config: try config(), databaseURL: url, library: try library(), logger: logger)
    }
}

extension PostgresConnection {
    /// Every table of the published warehouse and marts.
    func warehouseTables() throws -> [String] {
        try query("SELECT schemaname || '.' || tablename FROM pg_tables WHERE schemaname IN ('dw', 'marts') ORDER BY 1")
            .rows.compactMap { $0[0] }
    }

    /// Per table, a checksum of its rows without the run ids that stamp them: two databases that
    /// took a different number of runs to reach the same content compare equal.
    func contentChecksums(_ tables: [String]) throws -> [String: String] {
        var out: [String: String] = [:]
        for t in tables {
            out[t] = try query("""
                SELECT count(*)::text || ':' || coalesce(md5(string_agg(r::text, '|' ORDER BY r::text)), '')
                FROM (SELECT to_jsonb(t) - 'run_id' - 'loaded_run_id' - 'first_run_id' AS r FROM \(t) t) x
                """).rows.first?[0] ?? ""
        }
        return out
    }

    /// A killed client's server session ends (and releases its run lock) once the server notices.
    func waitForOtherSessionsToEnd(timeout: TimeInterval = 60) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while try int("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()") > 0 {
            guard Date() < deadline else { throw WarehouseError.unexpected("the killed run's session did not end within \(timeout)s") }
            usleep(50_000)
        }
    }
}
