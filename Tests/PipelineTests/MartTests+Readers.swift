import Pipeline
import Postgres
import TestSupport
import XCTest

/// Rebuilds empty their tables by TRUNCATE, which needs a table to itself. A BI or analyst session
/// sitting inside one (an open transaction that read it) must not hold the nightly run up: the run
/// waits two seconds at most, then empties the table by DELETE (etl.empty_table) and publishes the
/// same result when it commits.
extension MartTests {
    func testNightRunsWhileAReaderHoldsTheMartOpen() throws {
        let url = try TestDatabase.fresh()
        try PipelineFixture.run(url)
        let reader = try PostgresConnection.connect(url)
        try reader.execute("BEGIN")
        XCTAssertGreaterThan(try reader.int("SELECT count(*) FROM marts.mart_customer_value"), 0)

        let started = Date()
        let night = try PipelineFixture.run(url, data: "nights/001")
        XCTAssertLessThan(Date().timeIntervalSince(started), 60, "the run did not wait for the reader")

        // Still inside its transaction, the reader's next statement sees the committed night.
        XCTAssertEqual(try reader.query("SELECT DISTINCT as_of_date::text FROM marts.mart_customer_value").rows.map { $0[0] },
                       [try XCTUnwrap(night.asOf).description])
        try reader.execute("COMMIT")
        let db = try PostgresConnection.connect(url)
        XCTAssertEqual(try db.int("""
            SELECT count(*) FROM pg_constraint WHERE conrelid = 'marts.customer_due'::regclass AND contype = 'p'
            """), 1, "the DELETE path leaves the key of the table the view reads in place")
        try assertMartsMatchFullRecompute(db, "night with a reader inside the mart")
    }

    func testSummariesRebuildWhileAnAnalystHoldsThemOpen() throws {
        let url = try TestDatabase.fresh()
        let base = try PipelineFixture.run(url)
        let analyst = try PostgresConnection.connect(url)
        try analyst.execute("BEGIN")
        XCTAssertGreaterThan(try analyst.int("SELECT count(*) FROM dw.customer_stats"), 0)

        // An as-of date before the summarized one rebuilds the summaries (load/050).
        let asOf = try XCTUnwrap(DayParser.iso(try XCTUnwrap(
            analyst.query("SELECT ($1::date - 90)::text", [try XCTUnwrap(base.asOf).description]).rows.first?[0] ?? nil)))
        let runner = PipelineRunner(config: try PipelineFixture.config(), databaseURL: url,
                                    library: try PipelineFixture.library(), logger: PipelineFixture.logger)
        let started = Date()
        _ = try runner.run(RunOptions(dataDir: PipelineFixture.dataDir.appendingPathComponent("base"), asOf: asOf))
        XCTAssertLessThan(Date().timeIntervalSince(started), 60, "the run did not wait for the analyst")
        try analyst.execute("COMMIT")
        try assertMartsMatchFullRecompute(try PostgresConnection.connect(url), "rebuild with an analyst inside the summaries")
    }
}
