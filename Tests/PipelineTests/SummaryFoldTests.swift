import Foundation
import Pipeline
import Postgres
import TestSupport
import XCTest

/// A night folds the new rows of customers who only received new rows into their summaries
/// (load/050, migration 019) and recomputes the others. These tests hold the summaries to what a
/// rebuild from every fact gives after nights that mix both: an order whose lines arrive on two
/// nights, a corrected file, a merge, and earlier facts that the moved as-of date brings in; and
/// the campaign mart, whose groups fold the same way, to a full recompute.
final class SummaryFoldTests: XCTestCase {
    func testFoldedNightsEqualARebuildOfTheSummaries() throws {
        let url = try TestDatabase.fresh()
        let db = try PostgresConnection.connect(url)
        // Base facts after the as-of date come in with the first night's as-of date, as earlier
        // runs' facts: their customers must be recomputed, not folded.
        let early = "2025-06-10"
        try run(url, PipelineFixture.dataDir.appendingPathComponent("base"), asOf: early)
        XCTAssertGreaterThan(try db.int("SELECT count(*) FROM dw.fct_sales_line WHERE order_date > $1", [early]), 0,
                             "the base has facts after the early as-of date")
        try assertSummariesMatchARebuild(db, "base as of \(early)")

        // A merge between runs (as load/010 does): both customers' summaries change.
        try db.execute("""
            UPDATE dw.fct_sales_line SET customer_id = (SELECT max(customer_id) FROM dw.fct_sales_line)
            WHERE customer_id = (SELECT min(customer_id) FROM dw.fct_sales_line)
            """)

        let night = try NightFolder(copying: "nights/001")
        // Second halves of base orders: a new line number, dated before the order's first line.
        let base = PipelineFixture.dataDir.appendingPathComponent("base/sales/sales_2023_2025.csv")
        let lines = try String(contentsOf: base, encoding: .utf8).split(separator: "\n").map(String.init)
        let seconds = lines.dropFirst().enumerated().filter { $0.offset % 40 == 0 }.map { row in
            var fields = row.element.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            fields[1] = "9"
            fields[2] = "2022-12-30"
            return fields.joined(separator: ",")
        }
        XCTAssertGreaterThan(seconds.count, 10)
        try night.write("sales/second_halves.csv", Array(([lines[0]] + seconds).joined(separator: "\n").utf8) + [10])
        // A corrected file: the Taiwan file again under its name, every fifth line left out.
        let taiwan = try Data(contentsOf: PipelineFixture.dataDir.appendingPathComponent("base/sales/sales_tw_big5.csv"))
        let kept = taiwan.split(separator: 10, omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset == 0 || $0.offset % 5 != 0 }.map { Array($0.element) }
        try night.write("sales/sales_tw_big5.csv", Array(kept.joined(separator: [10])))

        let summary = try run(url, night.root)
        let run = String(summary.runId)
        XCTAssertGreaterThan(try db.int("""
            SELECT count(DISTINCT customer_id) FROM dw.fct_sales_line
            WHERE run_id = $1 AND source_file = 'sales/second_halves.csv'
            """, [run]), 10, "second halves of orders were loaded")
        XCTAssertGreaterThan(try db.int("""
            SELECT count(*) FROM (SELECT customer_id FROM dw.fct_sales_line WHERE run_id = $1
                                  INTERSECT SELECT customer_id FROM dw.fct_sales_line WHERE run_id < $1) c
            """, [run]), 10, "the night brings new rows to customers with summaries to fold them into")
        try assertSummariesMatchARebuild(db, "night with second halves, a corrected file and a merge")

        // A fold on top of a fold.
        try PipelineFixture.run(url, data: "nights/002")
        try assertSummariesMatchARebuild(db, "second night")
        try night.remove()
    }

    /// The campaign mart's groups (marts/020, migration 020) fold a night's attempts and those of
    /// earlier runs that the moved as-of date brings in, and recompute the groups whose attempts
    /// were deleted or changed; a merge changes no group.
    func testCampaignGroupsFollowNightsDeletionsAndChangedAttempts() throws {
        let url = try TestDatabase.fresh()
        let db = try PostgresConnection.connect(url)
        try run(url, PipelineFixture.dataDir.appendingPathComponent("base"), asOf: "2025-04-30")
        XCTAssertGreaterThan(try db.int("SELECT count(*) FROM dw.fct_contact_attempt WHERE called_at >= '2025-05-01'"), 0,
                             "the base has attempts after the early as-of date")
        try assertCampaignKPIMatchesAFullRecompute(db, "base as of 2025-04-30")
        try db.execute("""
            DELETE FROM dw.fct_contact_attempt WHERE source_line % 13 = 0;
            UPDATE dw.fct_contact_attempt SET called_at = called_at - interval '1 day', outcome = 'sold', is_sale = 1
            WHERE source_line % 17 = 0;
            UPDATE dw.fct_contact_attempt SET customer_id = (SELECT max(customer_id) FROM dw.fct_contact_attempt)
            WHERE customer_id = (SELECT min(customer_id) FROM dw.fct_contact_attempt);
            """)
        try PipelineFixture.run(url, data: "nights/001")
        try assertCampaignKPIMatchesAFullRecompute(db, "night after deletions, changes and a merge")
        try PipelineFixture.run(url, data: "nights/002")
        try assertCampaignKPIMatchesAFullRecompute(db, "second night")
    }

    func assertCampaignKPIMatchesAFullRecompute(_ db: PostgresConnection, _ when: String,
                                                file: StaticString = #filePath, line: UInt = #line) throws {
        let basis = try db.query("SELECT as_of_date::text, run_id::text FROM marts.mart_campaign_kpi LIMIT 1").rows
        let asOf = try XCTUnwrap(basis.first?[0] ?? nil), run = try XCTUnwrap(basis.first?[1] ?? nil)
        try db.query("SELECT set_config('starcard.as_of', $1, false), set_config('starcard.run_id', $2, false)", [asOf, run])
        try db.execute("""
            DROP TABLE IF EXISTS reference_campaign_kpi;
            CREATE TEMP TABLE reference_campaign_kpi (LIKE marts.mart_campaign_kpi);
            """)
        try db.execute(MartTests.fullCampaignKPI)
        XCTAssertGreaterThan(try db.int("SELECT count(*) FROM reference_campaign_kpi"), 0, when, file: file, line: line)
        let differing = try db.int("""
            SELECT count(*) FROM ((SELECT * FROM marts.mart_campaign_kpi EXCEPT ALL SELECT * FROM reference_campaign_kpi)
                                  UNION ALL (SELECT * FROM reference_campaign_kpi EXCEPT ALL SELECT * FROM marts.mart_campaign_kpi)) d
            """)
        XCTAssertEqual(differing, 0, "\(when): marts.mart_campaign_kpi differs from the full recompute", file: file, line: line)
    }

    @discardableResult
    private func run(_ url: String, _ data: URL, asOf: String? = nil) throws -> RunSummary {
        let runner = PipelineRunner(config: try PipelineFixture.config(), databaseURL: url,
                                    library: try PipelineFixture.library(), logger: PipelineFixture.logger)
        return try runner.run(RunOptions(dataDir: data, asOf: asOf.flatMap(DayParser.iso)))
    }

    /// Rebuilds the three summaries from every fact (load/050 on an empty summary state) inside a
    /// transaction that is rolled back, and compares them row for row, both ways, with what the
    /// runs left.
    func assertSummariesMatchARebuild(_ db: PostgresConnection, _ when: String,
                                      file: StaticString = #filePath, line: UInt = #line) throws {
        let basis = try db.query("SELECT as_of_date::text, run_id::text FROM marts.mart_business_kpi ORDER BY run_id DESC LIMIT 1").rows
        let asOf = try XCTUnwrap(basis.first?[0] ?? nil), run = try XCTUnwrap(basis.first?[1] ?? nil)
        let tables = ["dw.customer_day_sales", "dw.customer_category", "dw.customer_stats"]
        try db.execute("DROP TABLE IF EXISTS kept_day_sales, kept_category, kept_stats")
        for (table, kept) in zip(tables, ["kept_day_sales", "kept_category", "kept_stats"]) {
            try db.execute("CREATE TEMP TABLE \(kept) AS SELECT * FROM \(table)")
        }
        let script = try String(contentsOf: PipelineFixture.packageRoot.appendingPathComponent("sql/load/050_customer_summary.sql"),
                                encoding: .utf8)
        try db.execute("BEGIN")
        defer { _ = try? db.execute("ROLLBACK") }
        try db.query("SELECT set_config('starcard.as_of', $1, true), set_config('starcard.run_id', $2, true)", [asOf, run])
        try db.execute("DELETE FROM dw.customer_summary_state")
        try db.execute(script)
        for (table, kept) in zip(tables, ["kept_day_sales", "kept_category", "kept_stats"]) {
            XCTAssertGreaterThan(try db.int("SELECT count(*) FROM \(table)"), 0, "\(when): \(table) rebuilt", file: file, line: line)
            let differing = try db.int("""
                SELECT count(*) FROM ((SELECT * FROM \(table) EXCEPT ALL SELECT * FROM \(kept))
                                      UNION ALL (SELECT * FROM \(kept) EXCEPT ALL SELECT * FROM \(table))) d
                """)
            XCTAssertEqual(differing, 0, "\(when): \(table) differs from a rebuild", file: file, line: line)
        }
    }
}

/// A copy of one of the fixture's data folders in the temp directory, to add files to.
struct NightFolder {
    let root: URL

    init(copying folder: String) throws {
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("starcard-night-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: PipelineFixture.dataDir.appendingPathComponent(folder), to: root)
    }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func remove() throws { try FileManager.default.removeItem(at: root) }
}
