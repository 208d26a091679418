import Postgres
import TestSupport
import Warehouse
import XCTest

/// `marts/030_mart_business_kpi.sql` sums the top 20% of 12-month revenues from the k-th largest
/// value instead of ntile(5)'s window; these populations put runs of equal revenues across that
/// k-th place and hold the share to the window's.
final class MartTopQuintileTests: XCTestCase {
    private static let migrated = PipelineFixture.migratedDatabase("MartTopQuintileTests")

    private func shares(customers n: Int, revenue: String) throws -> (mart: String?, window: String?) {
        let db = try PostgresConnection.connect(Self.migrated)
        try db.execute("BEGIN")
        defer { try? db.execute("ROLLBACK") }
        try db.execute("""
            SELECT set_config('starcard.run_id', '1', true), set_config('starcard.as_of', '2025-06-30', true);
            INSERT INTO dw.customer_stats
            SELECT i, date '2024-01-01', date '2025-06-01', 1, 100, 100, 1, date '2024-01-01', \(revenue), NULL, 0
            FROM generate_series(1, \(n)) i;
            INSERT INTO marts.customer_value_params (as_of_date, run_id, customers, platinum, gold, iron, lead)
            VALUES ('2025-06-30', 1, \(n), 0, 0, 0, 0);
            """)
        try db.execute(try PipelineFixture.library().script("marts/030_mart_business_kpi.sql").text)
        let mart = try db.query("SELECT top20_revenue_share::text FROM marts.mart_business_kpi").rows.first?[0] ?? nil
        let window = try db.query("""
            SELECT round(sum(r) FILTER (WHERE q = 1) / nullif(sum(r), 0), 4)::text
            FROM (SELECT line_revenue_12m_cny AS r, ntile(5) OVER (ORDER BY line_revenue_12m_cny DESC) AS q
                  FROM dw.customer_stats WHERE line_revenue_12m_cny IS NOT NULL) v
            """).rows.first?[0] ?? nil
        return (mart, window)
    }

    func testTopQuintileShareEqualsNtileWithTiesAcrossItsEdge() throws {
        // Values repeating in cycles of 3 and 7 (ties straddle every edge), a single customer,
        // everyone equal, and customers without 12-month revenue (NULL) who are not counted.
        let cases = ["(i % 3) * 10.5", "(i % 7) * 3.25 + 1", "42", "CASE WHEN i % 4 = 0 THEN NULL ELSE i % 5 END"]
        for revenue in cases {
            for n in [1, 2, 4, 5, 6, 11, 23] {
                let (mart, window) = try shares(customers: n, revenue: revenue)
                XCTAssertEqual(mart, window, "n = \(n), revenue \(revenue)")
            }
        }
    }
}
