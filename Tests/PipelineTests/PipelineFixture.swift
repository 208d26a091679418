import Foundation
import Logging
import Pipeline
import Postgres
import Synth
import TestSupport
import Warehouse
import XCTest

/// Generated deliveries with their truth, made once per test process, and helpers to run the
/// nightly pipeline on them against a fresh database of the test server.
enum PipelineFixture {
    static let customers = 1500
    static let seed: UInt64 = 20251125

    /// The generated data folder (base + 2 nights + truth), shared by the tests of this process.
    static let dataDir: URL = {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("starcard-pipeline-fixture-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        var config = SynthConfig(customers: customers, seed: seed)
        config.nights = 2
        _ = try! Generator.generate(config, to: dir)
        return dir
    }()

    static var packageRoot: URL { StarcardBinary.packageRoot }

    static func library() throws -> SQLLibrary { try SQLLibrary(root: packageRoot.appendingPathComponent("sql")) }

    /// A fresh database named for a test class, with every migration applied: for tests that
    /// fill the inputs of one script inside a rolled-back transaction and run it.
    static func migratedDatabase(_ name: String) -> String {
        do {
            let url = try TestDatabase.fresh(name)
            _ = try Migrator.migrate(try PostgresConnection.connect(url), library: try library(), logger: logger)
            return url
        } catch { fatalError("cannot prepare database \(name): \(error)") }
    }

    static func config() throws -> PipelineConfig {
        try PipelineConfig.load(packageRoot.appendingPathComponent("pipelines/nightly.toml"))
    }

    static var logger: Logger {
        var l = Logger(label: "test")
        l.logLevel = .warning
        return l
    }

    @discardableResult
    static func run(_ url: String, data: String = "base", library: SQLLibrary? = nil) throws -> RunSummary {
        let runner = PipelineRunner(config: try config(), databaseURL: url, library: try library ?? Self.library(), logger: logger)
        return try runner.run(RunOptions(dataDir: dataDir.appendingPathComponent(data)))
    }

    /// Reads a truth CSV (simple: the generator writes no quoted commas in truth files) as header-keyed rows.
    static func truth(_ name: String) throws -> [[String: String]] {
        let text = try String(contentsOf: dataDir.appendingPathComponent("truth/\(name)"), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard !lines.isEmpty else { return [] }
        let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            var row: [String: String] = [:]
            for (i, h) in header.enumerated() where i < f.count { row[h] = f[i] }
            return row
        }
    }
}

/// Small SQL helpers for assertions.
extension PostgresConnection {
    func int(_ sql: String, _ params: [String?] = []) throws -> Int {
        Int(try query(sql, params).rows.first?[0] ?? "") ?? -1
    }

    /// Keys in the natural-key tables (012_natural_keys.sql) that no fact has, plus fact keys
    /// missing there: 0 when the triggers kept them equal.
    func naturalKeyMismatches() throws -> Int {
        try int("""
            SELECT (SELECT count(*) FROM (SELECT order_id, line_no FROM dw.sales_line_key
                                          EXCEPT SELECT order_id, line_no FROM dw.fct_sales_line) a)
                 + (SELECT count(*) FROM (SELECT order_id, line_no FROM dw.fct_sales_line
                                          EXCEPT SELECT order_id, line_no FROM dw.sales_line_key) b)
                 + (SELECT count(*) FROM (SELECT attempt_id FROM dw.contact_attempt_key
                                          EXCEPT SELECT attempt_id FROM dw.fct_contact_attempt) c)
                 + (SELECT count(*) FROM (SELECT attempt_id FROM dw.fct_contact_attempt
                                          EXCEPT SELECT attempt_id FROM dw.contact_attempt_key) d)
            """)
    }

    /// A checksum of every row of a table, to prove a rerun changed nothing. `run_id` is left out:
    /// marts are rebuilt by every run and stamped with it.
    func tableChecksum(_ table: String) throws -> String {
        try query("""
            SELECT count(*)::text || ':' || coalesce(md5(string_agg((to_jsonb(t) - 'run_id')::text, '|' ORDER BY (to_jsonb(t) - 'run_id')::text)), '')
            FROM \(table) t
            """)
            .rows.first?[0] ?? ""
    }
}
