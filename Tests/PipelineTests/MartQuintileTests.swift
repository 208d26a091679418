import Postgres
import TestSupport
import Warehouse
import XCTest

/// `marts/010_mart_customer_value.sql` places customers into quintiles and tiers from a few values
/// at known positions (percentile_disc) instead of window sorts; these tests hold it to the windows
/// it replaced — ntile(5) with customer_id breaking ties, percent_rank() < share — on the small and
/// tie-heavy populations where position arithmetic goes wrong first.
final class MartQuintileTests: XCTestCase {
    private static let migrated = PipelineFixture.migratedDatabase("MartQuintileTests")

    /// n customers whose dates, order counts and amounts repeat in short cycles, so every ordering
    /// has runs of ties across quintile ends; ids are scattered so id order is not insertion order.
    private func scoredMart(customers n: Int, currentShare: String, potentialShare: String,
                            amount: String = "100.00 + (i % 4) * 150.25") throws -> (mart: [[String?]], windows: [[String?]]) {
        let db = try PostgresConnection.connect(Self.migrated)
        try db.execute("BEGIN")
        defer { try? db.execute("ROLLBACK") }
        try db.query("""
            SELECT set_config('starcard.run_id', '1', true), set_config('starcard.as_of', '2025-06-30', true),
                   set_config('starcard.current_high_share', $1, true), set_config('starcard.potential_high_share', $2, true)
            """, [currentShare, potentialShare])
        try db.execute("""
            INSERT INTO dw.dim_customer (customer_key, customer_id, name, valid_from)
            SELECT i, (i * 7919) % 100003, 'c' || i, date '2020-01-01' FROM generate_series(1, \(n)) i;
            INSERT INTO dw.customer_stats
            SELECT (i * 7919) % 100003, date '2025-06-30' - 400 - (i % 3) * 30, date '2025-06-30' - (i % 3) * 30,
                   1 + (i % 5) / 3, \(amount), CASE WHEN i % 4 < 2 THEN NULL ELSE (i % 4) * 120.5 END,
                   1, NULL, NULL, NULL, 0
            FROM generate_series(1, \(n)) i;
            """)
        try db.execute(try PipelineFixture.library().script("marts/010_mart_customer_value.sql").text)
        let mart = try db.query("""
            SELECT customer_id, r_score, f_score, m_score, value_tier FROM marts.mart_customer_value ORDER BY customer_id
            """).rows
        let windows = try db.query("""
            SELECT customer_id,
                   ntile(5) OVER (ORDER BY recency_days DESC, customer_id),
                   ntile(5) OVER (ORDER BY orders, customer_id),
                   ntile(5) OVER (ORDER BY revenue, customer_id),
                   CASE WHEN high_current AND high_potential THEN 'platinum' WHEN high_current THEN 'gold'
                        WHEN high_potential THEN 'iron' ELSE 'lead' END
            FROM (SELECT m.customer_id, m.recency_days, m.orders, s.revenue_cny AS revenue,
                         m.current_value_cny > 0 AND percent_rank() OVER (ORDER BY m.current_value_cny DESC)
                             < current_setting('starcard.current_high_share')::float8 AS high_current,
                         m.potential_value_cny > 0 AND percent_rank() OVER (ORDER BY m.potential_value_cny DESC)
                             < current_setting('starcard.potential_high_share')::float8 AS high_potential
                  FROM marts.mart_customer_value m JOIN dw.customer_stats s USING (customer_id)) v
            ORDER BY customer_id
            """).rows
        return (mart, windows)
    }

    func testQuintilesAndTiersEqualTheWindowsForEveryPopulationFromOneToTwentySix() throws {
        for n in [1, 2, 3, 4, 5, 6, 7, 9, 12, 26] {
            let (mart, windows) = try scoredMart(customers: n, currentShare: "0.2", potentialShare: "0.3")
            XCTAssertEqual(mart.count, n, "n = \(n)")
            XCTAssertEqual(mart, windows, "n = \(n)")
        }
    }

    func testSharesOfNothingAndOfEveryoneAndOfAlmostNothing() throws {
        for (current, potential) in [("0", "1"), ("1", "0"), ("0.5", "0.0001"), ("0.999", "0.25")] {
            for n in [1, 2, 11] {
                let (mart, windows) = try scoredMart(customers: n, currentShare: current, potentialShare: potential)
                XCTAssertEqual(mart, windows, "n = \(n), shares \(current)/\(potential)")
            }
        }
        // A share of 0 leaves nobody high; a share of 1 everybody with a positive value.
        let none = try scoredMart(customers: 11, currentShare: "0", potentialShare: "0").mart
        XCTAssertEqual(Set(none.map { $0[4] }), ["lead"])
    }

    func testRevenueWithFourDecimalsKeepsItsTiesAndOrder() throws {
        // TWD amounts converted at 0.22 carry four decimals: the monetary key is scaled before packing.
        let (mart, windows) = try scoredMart(customers: 26, currentShare: "0.2", potentialShare: "0.3",
                                             amount: "100 + (i % 4) * 150.2575")
        XCTAssertEqual(mart, windows)
        XCTAssertEqual(Set(mart.map { $0[3] }).count, 5, "26 customers fill all five monetary quintiles")
    }

    func testIdsTooLargeToPackAreRefusedByName() throws {
        let db = try PostgresConnection.connect(Self.migrated)
        try db.execute("BEGIN")
        defer { try? db.execute("ROLLBACK") }
        try db.execute("""
            SELECT set_config('starcard.run_id', '1', true), set_config('starcard.as_of', '2025-06-30', true),
                   set_config('starcard.current_high_share', '0.2', true), set_config('starcard.potential_high_share', '0.3', true);
            INSERT INTO dw.dim_customer (customer_key, customer_id, name, valid_from) VALUES (1, 8796093022208, 'far', date '2020-01-01');
            INSERT INTO dw.customer_stats VALUES (8796093022208, date '2025-01-01', date '2025-06-01', 2, 100, 100, 1, NULL, NULL, NULL, 0);
            """)
        XCTAssertThrowsError(try db.execute(try PipelineFixture.library().script("marts/010_mart_customer_value.sql").text)) {
            XCTAssertTrue("\($0)".contains("customer ids below 2^43"), "\($0)")
        }
    }

    func testRevenueTooLargeOrNegativeForTheBigintPackStillSortsExactly() throws {
        // Ids below 2^17 leave 45 bits for the scaled revenue: ten billion CNY with four decimals
        // (10^14) does not fit, nor does a negative revenue (refunds); both take the numeric pack.
        for amount in ["10000000000 + (i % 4) * 150.2575", "(i % 4) * 150.25 - 200"] {
            let (mart, windows) = try scoredMart(customers: 26, currentShare: "0.2", potentialShare: "0.3", amount: amount)
            XCTAssertEqual(mart, windows, amount)
            XCTAssertEqual(Set(mart.map { $0[3] }).count, 5, amount)
        }
    }
}
