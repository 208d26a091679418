import Pipeline
import Postgres
import TestSupport
import XCTest

/// The customer-value mart is rebuilt by TRUNCATE, which needs the table to itself. A BI session
/// sitting inside the mart (an open transaction that read it) must not hold the nightly run up:
/// the run falls back to DELETE and publishes the new scores when it commits.
final class MartReaderTests: XCTestCase {
    func testNightRunsWhileAReaderHoldsTheMartOpen() throws {
        let url = try TestDatabase.fresh()
        try PipelineFixture.run(url)
        let reader = try PostgresConnection.connect(url)
        try reader.execute("BEGIN")
        let before = try reader.int("SELECT count(*) FROM marts.mart_customer_value")
        XCTAssertGreaterThan(before, 0)

        let started = Date()
        let night = try PipelineFixture.run(url, data: "nights/001")
        XCTAssertLessThan(Date().timeIntervalSince(started), 60, "the run did not wait for the reader")

        // Still inside its transaction, the reader's next statement sees the committed night.
        XCTAssertEqual(try reader.query("SELECT DISTINCT as_of_date::text FROM marts.mart_customer_value").rows.map { $0[0] },
                       [try XCTUnwrap(night.asOf).description])
        try reader.execute("COMMIT")
        let db = try PostgresConnection.connect(url)
        XCTAssertEqual(try db.int("""
            SELECT count(*) FROM pg_constraint WHERE conrelid = 'marts.mart_customer_value'::regclass AND contype = 'p'
            """), 1, "the DELETE path leaves the key in place")
    }
}
