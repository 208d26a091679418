import Cleanse
import Logging
import Postgres
import TestSupport
import Warehouse
import XCTest

/// The product dimension's aggregates (sql/load/020_small_dimensions.sql) count each distinct
/// staged value once and read modes and medians from the counts; these tests hold them to what
/// PostgreSQL's own mode() and percentile_cont(0.5) give on the same lines.
final class SmallDimensionTests: XCTestCase {
    private func stagedProducts(_ lines: [(sku: String, model: String?, category: String?, price: String?)]) throws -> PostgresConnection {
        let db = try PostgresConnection.connect(try TestDatabase.fresh())
        _ = try Migrator.migrate(db, library: try PipelineFixture.library(), logger: Logger(label: "test"))
        try db.execute("BEGIN")
        try db.query("SELECT set_config('starcard.run_id', '1', true)")
        _ = try db.copyIn(StagingTable.copyStatement(for: .sales)) { w in
            for (i, l) in lines.enumerated() {
                try w.writeRow(["f.csv", String(i + 2), "00000000000000000000000000000001", "O\(i)", "1", "2024-05-01",
                                nil, nil, nil, l.sku, l.model, l.category, "1", l.price, l.price ?? "0"])
            }
        }
        return db
    }

    /// The product rows 020 makes and those the textbook aggregates make from the same staging.
    private func productsAndOracle(_ db: PostgresConnection) throws -> (got: [[String?]], oracle: [[String?]]) {
        try db.execute(try PipelineFixture.library().script("load/020_small_dimensions.sql").text)
        let got = try db.query("SELECT sku, model, category, price_band FROM dw.dim_product WHERE product_key <> 0 ORDER BY sku").rows
        let oracle = try db.query("""
            SELECT sku, mode() WITHIN GROUP (ORDER BY model), mode() WITHIN GROUP (ORDER BY category),
                   CASE WHEN percentile_cont(0.5) WITHIN GROUP (ORDER BY unit_price) IS NULL THEN NULL
                        WHEN percentile_cont(0.5) WITHIN GROUP (ORDER BY unit_price) < 1000 THEN 'entry'
                        WHEN percentile_cont(0.5) WITHIN GROUP (ORDER BY unit_price) < 3000 THEN 'mid'
                        WHEN percentile_cont(0.5) WITHIN GROUP (ORDER BY unit_price) < 8000 THEN 'upper'
                        ELSE 'premium' END
            FROM staging.stg_sales_line GROUP BY sku ORDER BY sku
            """).rows
        return (got, oracle)
    }

    func testMedianOfAnEvenCountStraddlingABandLimitIsTheMeanOfTheMiddleTwo() throws {
        // 999.99 and 1000.01: the median is 1000.00, which is already 'mid'.
        let db = try stagedProducts([("A", "m", "tv", "999.99"), ("A", "m", "tv", "1000.01"),
                                     ("B", "m", "tv", "500.00"), ("B", "m", "tv", "2999.00"), ("B", "m", "tv", "2999.00")])
        let (got, oracle) = try productsAndOracle(db)
        XCTAssertEqual(got, oracle)
        XCTAssertEqual(got.map { $0[3] }, ["mid", "mid"])
    }

    func testModeTieGoesToTheSmallestValueAndNullsDoNotCount() throws {
        let db = try stagedProducts([("A", "Z9", "冰箱", nil), ("A", "A1", "电视", "100"), ("A", nil, nil, nil), ("A", nil, nil, nil),
                                     ("A", "Z9", "电视", "9000"), ("A", "A1", "冰箱", "9000")])
        let (got, oracle) = try productsAndOracle(db)
        XCTAssertEqual(got, oracle)
        XCTAssertEqual(got.first?[1], "A1")
        XCTAssertEqual(got.first?[3], "premium")
    }

    func testRepeatedPricesSpanningTheMiddlePositions() throws {
        // Eight prices: positions 3 and 4 (0-based) are 2000 and 9000 → median 5500 'upper'.
        let prices = ["100", "2000", "2000", "2000", "9000", "9000", "9000", "9000"]
        var lines = prices.map { (sku: "S", model: Optional("m"), category: Optional("ac"), price: Optional($0)) }
        lines.append(("S", "m", "ac", nil))
        lines.append(("T", nil, nil, nil))
        let db = try stagedProducts(lines)
        let (got, oracle) = try productsAndOracle(db)
        XCTAssertEqual(got, oracle)
        XCTAssertEqual(got.map { $0[3] }, ["upper", nil])
    }

    func testStoreSitsWhereMostOfItsBuyersLiveWithTiesToTheFirstName() throws {
        let db = try PostgresConnection.connect(try TestDatabase.fresh())
        _ = try Migrator.migrate(db, library: try PipelineFixture.library(), logger: Logger(label: "test"))
        try db.execute("BEGIN")
        try db.query("SELECT set_config('starcard.run_id', '1', true)")
        // Persons 1–3 are customers in 广州市 (two) and 深圳市 (one); person 4 has no city.
        let customers: [(key: String, id: String, city: String?)] = [
            ("00000000000000000000000000000001", "1", "广州市"), ("00000000000000000000000000000002", "2", "广州市"),
            ("00000000000000000000000000000003", "3", "深圳市"), ("00000000000000000000000000000004", "4", nil)]
        _ = try db.copyIn("COPY staging.stg_person (person_key, customer_id) FROM STDIN") { w in
            for c in customers { try w.writeRow([c.key, c.id]) }
        }
        _ = try db.copyIn("COPY staging.stg_customer (customer_id, province, city, first_seen, last_seen) FROM STDIN") { w in
            for c in customers { try w.writeRow([c.id, c.city == nil ? nil : "广东省", c.city, "2024-01-01", "2024-01-01"]) }
        }
        // S1: buyers 3, 3, 3 (深圳) against 1, 2 (广州) — lines count, not people; names tie 1:1 → "Alpha".
        // S2: only the cityless buyer 4 and one 广州 buyer.
        let sales: [(store: String, name: String?, person: Int)] = [
            ("S1", "Beta", 2), ("S1", "Alpha", 2), ("S1", nil, 2), ("S1", nil, 0), ("S1", nil, 1),
            ("S2", nil, 3), ("S2", "Gamma", 3), ("S2", nil, 0)]
        _ = try db.copyIn(StagingTable.copyStatement(for: .sales)) { w in
            for (i, s) in sales.enumerated() {
                try w.writeRow(["f.csv", String(i + 2), customers[s.person].key, "O\(i)", "1", "2024-05-01",
                                s.store, s.name, nil, nil, nil, nil, "1", "10", "10"])
            }
        }
        try db.execute(try PipelineFixture.library().script("load/020_small_dimensions.sql").text)
        let got = try db.query("SELECT store_code, store_name, province, city FROM dw.dim_store WHERE store_key <> 0 ORDER BY 1").rows
        let oracle = try db.query("""
            SELECT s.store_code, mode() WITHIN GROUP (ORDER BY s.store_name), mode() WITHIN GROUP (ORDER BY c.province),
                   mode() WITHIN GROUP (ORDER BY c.city)
            FROM staging.stg_sales_line s JOIN staging.stg_person p USING (person_key) JOIN staging.stg_customer c USING (customer_id)
            GROUP BY s.store_code ORDER BY 1
            """).rows
        XCTAssertEqual(got, oracle)
        XCTAssertEqual(got, [["S1", "Alpha", "广东省", "深圳市"], ["S2", "Gamma", "广东省", "广州市"]])
    }
}
