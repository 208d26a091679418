import Foundation
import Logging
import Pipeline
import TestSupport
import Warehouse
import XCTest

/// Warehouse rules beyond the nightly basics: corrected files, the holiday calendar, geography.
final class WarehouseFeatureTests: XCTestCase {
    /// A private copy of the fixture's base deliveries, so a test can edit files in place.
    private func copyOfBase() throws -> URL {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("starcard-dw-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.copyItem(at: PipelineFixture.dataDir.appendingPathComponent("base"), to: dir)
        return dir
    }

    private func run(_ url: String, _ data: URL) throws -> RunSummary {
        try PipelineFixture.runner(url).run(RunOptions(dataDir: data))
    }

    func testCorrectedFileReplacesWhatItsPreviousVersionLoaded() throws {
        let data = try copyOfBase()
        let url = try TestDatabase.fresh()
        let first = try run(url, data)
        let db = try PostgresConnection.connect(url)
        let name = "sales/sales_2023_2025.csv"

        // Two order lines this file loaded itself (not merged from another file), without quoted fields.
        let file = data.appendingPathComponent(name)
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        let owned = try db.query("SELECT source_line FROM dw.fct_sales_line WHERE source_file = $1 ORDER BY source_line", [name])
            .rows.compactMap { $0[0].flatMap { Int($0) } }
            .filter { !lines[$0 - 1].contains("\"") && lines[$0 - 1].split(separator: ",", omittingEmptySubsequences: false).count == 19 }
        XCTAssertGreaterThan(owned.count, 10)
        let (corrected, removed) = (owned[3], owned[7])
        func key(_ line: Int) -> [String] { Array(lines[line - 1].split(separator: ",", omittingEmptySubsequences: false).prefix(2).map(String.init)) }
        let correctedKey = key(corrected), removedKey = key(removed)
        var fields = lines[corrected - 1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[16] = "1"; fields[17] = "12345.00"; fields[18] = "12345.00"
        lines[corrected - 1] = fields.joined(separator: ",")
        lines.remove(at: removed - 1)
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let rowsBefore = try db.int("SELECT count(*) FROM dw.fct_sales_line WHERE source_file = $1", [name])

        let second = try run(url, data)
        let amount = try db.query("SELECT amount::text FROM dw.fct_sales_line WHERE order_id = $1 AND line_no = $2", correctedKey).rows
        XCTAssertEqual(amount.map { $0[0] }, ["12345.00"], "the corrected amount replaced the old one")
        XCTAssertEqual(try db.int("SELECT count(*) FROM dw.fct_sales_line WHERE order_id = $1 AND line_no = $2", removedKey), 0,
                       "a row removed from the file disappears")
        XCTAssertEqual(try db.int("SELECT count(*) FROM dw.fct_sales_line WHERE source_file = $1", [name]), rowsBefore - 1)
        XCTAssertEqual(try db.naturalKeyMismatches(), 0, "the removed row's key left the natural-key table with it")
        let ledger = try XCTUnwrap(second.files.first { $0.fileName == name })
        XCTAssertEqual(ledger.status, .loaded)
        XCTAssertTrue(ledger.message?.contains("replaces the version loaded in run \(first.runId)") == true, ledger.message ?? "")
        XCTAssertTrue(second.files.filter { $0.fileName != name }.allSatisfy { $0.status == .skipped })

        // The corrected version, delivered again, changes nothing.
        let tables = try db.warehouseTables()
        let before = try db.contentChecksums(tables)
        let third = try run(url, data)
        XCTAssertEqual(third.rowsLoaded, 0)
        XCTAssertEqual(try db.contentChecksums(tables), before)
    }

    func testDateDimensionFlagsHolidaysOfBothRegions() throws {
        let url = try TestDatabase.fresh()
        let db = try PostgresConnection.connect(url)
        try Migrator.migrate(db, library: try PipelineFixture.library(), logger: PipelineFixture.logger)
        func day(_ date: String) throws -> [String?] {
            try db.query("SELECT is_holiday_cn::text, is_holiday_tw::text, holiday_name FROM dw.dim_date WHERE full_date = $1", [date])
                .rows.first ?? []
        }
        XCTAssertEqual(try day("2025-01-29"), ["true", "true", "春节"])      // lunar new year
        XCTAssertEqual(try day("2025-01-28"), ["true", "true", "春节"])      // the eve: a mainland day off again from 2025
        XCTAssertEqual(try day("2024-02-09"), ["false", "true", "春节"])     // but not in 2024
        XCTAssertEqual(try day("2025-10-06"), ["true", "true", "中秋节"])
        XCTAssertEqual(try day("2023-06-22"), ["true", "true", "端午节"])
        XCTAssertEqual(try day("2025-04-04"), ["true", "true", "儿童节、清明节"])
        XCTAssertEqual(try day("2025-02-28"), ["false", "true", "和平纪念日"])
        XCTAssertEqual(try day("2025-10-10"), ["false", "true", "国庆日"])
        XCTAssertEqual(try day("2025-10-01"), ["true", "false", "国庆节"])
        XCTAssertEqual(try day("2025-03-03"), ["false", "false", nil])
        XCTAssertEqual(try day("2007-09-25"), ["false", "true", "中秋节"])   // mainland lunar holidays start in 2008
        // Statutory days per year as the State Council published them: 11 until 2024, 13 from 2025.
        XCTAssertEqual(try db.int("SELECT count(*) FROM dw.dim_date WHERE is_holiday_cn AND year = 2024"), 11)
        XCTAssertEqual(try db.int("SELECT count(*) FROM dw.dim_date WHERE is_holiday_cn AND year = 2025"), 13)
        XCTAssertEqual(try db.int("SELECT count(*) FROM dw.dim_date WHERE is_holiday_cn AND year = 2040"), 13)
        XCTAssertEqual(try db.int("SELECT count(*) FROM dw.dim_date WHERE date_key <> 0 AND is_holiday_cn IS NULL"), 0)
        // A second migrate (every run does one) leaves the calendar alone.
        let before = try db.tableChecksum("dw.holiday")
        try Migrator.migrate(db, library: try PipelineFixture.library(), logger: PipelineFixture.logger)
        XCTAssertEqual(try db.tableChecksum("dw.holiday"), before)
    }

    func testCustomersAndStoresRollUpByGeography() throws {
        let url = try TestDatabase.fresh()
        try PipelineFixture.run(url)
        let db = try PostgresConnection.connect(url)
        XCTAssertEqual(try db.query("SELECT province, city, region FROM dw.dim_geography WHERE geography_key = 0").rows.first,
                       [nil, nil, nil], "the unknown member")
        // Every customer version and store points at the member of exactly its province and city.
        XCTAssertEqual(try db.int("""
            SELECT count(*) FROM dw.dim_customer c LEFT JOIN dw.dim_geography g USING (geography_key)
            WHERE g.geography_key IS NULL OR g.province IS DISTINCT FROM c.province OR g.city IS DISTINCT FROM c.city
            """), 0)
        XCTAssertEqual(try db.int("""
            SELECT count(*) FROM dw.dim_store s LEFT JOIN dw.dim_geography g USING (geography_key)
            WHERE g.geography_key IS NULL OR g.province IS DISTINCT FROM s.province OR g.city IS DISTINCT FROM s.city
            """), 0)
        XCTAssertGreaterThan(try db.int("SELECT count(*) FROM dw.dim_customer WHERE is_current AND geography_key <> 0"),
                             try db.int("SELECT count(*) FROM dw.dim_customer WHERE is_current") * 9 / 10)
        // Regions come from the province table, and a region roll-up of revenue covers every sale.
        XCTAssertEqual(try db.int("""
            SELECT count(*) FROM dw.dim_geography g JOIN dw.province_region r USING (province) WHERE g.region IS DISTINCT FROM r.region
            """), 0)
        let byRegion = try db.query("""
            SELECT coalesce(g.region, 'unknown'), sum(f.amount) FROM dw.fct_sales_line f
            JOIN dw.dim_customer c USING (customer_key) JOIN dw.dim_geography g USING (geography_key)
            GROUP BY 1 ORDER BY 1
            """).rows
        XCTAssertGreaterThanOrEqual(byRegion.count, 5)
        XCTAssertEqual(try db.int("SELECT count(*) FROM dw.fct_sales_line f JOIN dw.dim_customer c USING (customer_key) JOIN dw.dim_geography g USING (geography_key)"),
                       try db.int("SELECT count(*) FROM dw.fct_sales_line"))
        XCTAssertTrue(byRegion.contains { $0[0] == "港澳台" }, "Taiwan customers roll up to 港澳台: \(byRegion)")
    }

    func testLargeFactsArePartitionedByMonthAndTheDefaultStaysEmpty() throws {
        let url = try TestDatabase.fresh()
        try PipelineFixture.run(url)
        let db = try PostgresConnection.connect(url)
        for (fact, column) in [("fct_sales_line", "order_date"), ("fct_contact_attempt", "called_at")] {
            let months = try db.int("SELECT count(DISTINCT date_trunc('month', \(column))) FROM dw.\(fact)")
            XCTAssertGreaterThan(months, 12)
            // Every month has its partition (plus the two after the newest); nothing fell into the default.
            XCTAssertEqual(try db.int("SELECT count(*) FROM pg_inherits WHERE inhparent = 'dw.\(fact)'::regclass"), months + 2 + 1)
            XCTAssertEqual(try db.int("SELECT count(*) FROM dw.\(fact)_default"), 0)
            XCTAssertEqual(try db.int("SELECT count(*) FROM (SELECT tableoid FROM dw.\(fact) GROUP BY tableoid) x"), months)
        }
        // A month that arrived in the default partition moves into its own when it is created.
        try db.execute("""
            INSERT INTO dw.fct_sales_line SELECT customer_id, order_id || '-x', line_no, customer_key, 0, date '2031-05-17', product_key,
                   store_key, channel, category, quantity, unit_price, amount, currency, run_id, source_file, source_line
            FROM dw.fct_sales_line LIMIT 3
            """)
        XCTAssertEqual(try db.int("SELECT count(*) FROM dw.fct_sales_line_default"), 3)
        XCTAssertEqual(try db.int("SELECT etl.ensure_month_partitions('dw.fct_sales_line', '2031-05-01', '2031-05-31')"), 1)
        XCTAssertEqual(try db.int("SELECT count(*) FROM dw.fct_sales_line_default"), 0)
        XCTAssertEqual(try db.int("SELECT count(*) FROM dw.fct_sales_line_y2031m05"), 3)
        XCTAssertEqual(try db.int("SELECT etl.ensure_month_partitions('dw.fct_sales_line', '2031-05-01', '2031-05-31')"), 0)
    }

    /// A first run loads empty facts and an empty customer dimension without their keys and
    /// indexes and builds them at the end (etl.suspend_indexes): afterwards every table must have
    /// exactly the keys, indexes and statistics targets the migrations declare, partitions included.
    func testFirstRunBulkLoadLeavesEveryKeyAndIndexAsDeclared() throws {
        let catalog = """
            SELECT c.relname, coalesce(pg_get_constraintdef(k.oid), '') || ' ' || pg_get_indexdef(i.indexrelid)
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid
            WHERE n.nspname = 'dw' AND c.relname NOT LIKE '%\\_y20%' ESCAPE '\\'
            UNION ALL
            SELECT 'partition indexes of ' || p.inhparent::regclass::text, count(*)::text
            FROM pg_inherits p JOIN pg_index i ON i.indrelid = p.inhrelid
            WHERE p.inhparent::regclass::text LIKE 'dw.fct%' GROUP BY p.inhparent
            ORDER BY 1, 2
            """
        let declaredURL = try TestDatabase.fresh("declared")
        let declared = try PostgresConnection.connect(declaredURL)
        _ = try Migrator.migrate(declared, library: try PipelineFixture.library(), logger: Logger(label: "test"))
        let loadedURL = try TestDatabase.fresh("loaded")
        try PipelineFixture.run(loadedURL)
        let loaded = try PostgresConnection.connect(loadedURL)

        let indexesBefore = try declared.query(catalog).rows.filter { !($0[0] ?? "").hasPrefix("partition indexes") }
        let indexesAfter = try loaded.query(catalog).rows
        XCTAssertEqual(indexesAfter.filter { !($0[0] ?? "").hasPrefix("partition indexes") }, indexesBefore)
        XCTAssertTrue(indexesBefore.contains { ($0[0] ?? "") == "fct_sales_line_pkey" })
        // Every month partition carries each of its parent's indexes.
        for fact in ["dw.fct_sales_line", "dw.fct_contact_attempt"] {
            let parts = try loaded.int("SELECT count(*) FROM pg_inherits WHERE inhparent = '\(fact)'::regclass")
            let perPart = try loaded.int("SELECT count(*) FROM pg_index WHERE indrelid = '\(fact)'::regclass")
            XCTAssertEqual(indexesAfter.first { $0[0] == "partition indexes of \(fact)" }?[1], String(parts * perPart))
        }
        // The run analysed what it filled (not left to autovacuum: the next night plans on them).
        XCTAssertEqual(try loaded.query("""
            SELECT relname FROM pg_stat_user_tables
            WHERE schemaname = 'dw' AND relname IN ('fct_warranty_registration', 'dim_customer', 'sales_line_key', 'contact_attempt_key')
              AND last_analyze IS NOT NULL ORDER BY 1
            """).rows.map { $0[0] }, ["contact_attempt_key", "dim_customer", "fct_warranty_registration", "sales_line_key"])
        // Statistics targets reach the partitions the load created.
        XCTAssertEqual(try loaded.int("""
            SELECT count(*) FROM pg_inherits p JOIN pg_attribute a ON a.attrelid = p.inhrelid
            WHERE p.inhparent = 'dw.fct_sales_line'::regclass AND a.attname = 'source_file' AND a.attstattarget <> 0
            """), 0)
    }
}
