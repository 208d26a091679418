import Pipeline
import Postgres
import TestSupport
import XCTest

/// The customer-value mart is a view over a per-customer base that a run recomputes only for the
/// customers whose dim_customer or customer_stats rows were written (migration 018's triggers).
/// These changes arrive with no new purchase, so only the marks can bring them into the mart.
extension MartTests {
    func testMartFollowsADimensionChangeAndADroppedCustomerWithoutNewFacts() throws {
        let url = try TestDatabase.fresh()
        let db = try PostgresConnection.connect(url)
        try PipelineFixture.run(url)
        let ids = try db.query("SELECT customer_id::text FROM marts.mart_customer_value ORDER BY customer_id LIMIT 2").rows
        let moved = try XCTUnwrap(ids.first?[0] ?? nil), dropped = try XCTUnwrap(ids.last?[0] ?? nil)
        // An attribute corrected in place (no new version) and a customer whose summary row goes.
        try db.query("UPDATE dw.dim_customer SET city = 'Nowhere' WHERE customer_id = $1 AND is_current", [moved])
        try db.query("DELETE FROM dw.customer_stats WHERE customer_id = $1", [dropped])
        XCTAssertEqual(try db.int("SELECT count(DISTINCT customer_id) FROM marts.customer_value_dirty"), 2)

        // The same files again: nothing loads, the summaries stand, the marts are published anew.
        try PipelineFixture.run(url)
        XCTAssertEqual(try db.query("SELECT city FROM marts.mart_customer_value WHERE customer_id = $1", [moved]).rows.first?[0], "Nowhere")
        XCTAssertEqual(try db.int("SELECT count(*) FROM marts.mart_customer_value WHERE customer_id = \(dropped)"), 0)
        XCTAssertEqual(try db.int("SELECT count(*) FROM marts.customer_value_dirty"), 0, "the marks are used up")
    }

    func testMartDropsACustomerWhoseSummaryARebuildDoesNotWriteAgain() throws {
        let url = try TestDatabase.fresh()
        let db = try PostgresConnection.connect(url)
        try PipelineFixture.run(url)
        let gone = try XCTUnwrap(db.query("SELECT min(customer_id)::text FROM marts.mart_customer_value").rows.first?[0] ?? nil)
        try db.query("DELETE FROM dw.fct_sales_line WHERE customer_id = $1", [gone])
        try db.query("DELETE FROM dw.fct_warranty_registration WHERE customer_id = $1", [gone])
        // Other rates rebuild the summaries: load/050 empties dw.customer_stats and writes no row for
        // the customer again, so only the mark of the emptying can take the customer out of the base.
        try db.execute("UPDATE dw.currency_rate SET to_cny = 0.25 WHERE currency = 'TWD'")
        try PipelineFixture.run(url, data: "nights/001")
        XCTAssertEqual(try db.int("SELECT count(*) FROM marts.mart_customer_value WHERE customer_id = \(gone)"), 0)
        try assertMartsMatchFullRecompute(db, "night after a rebuild of the summaries")
    }
}
