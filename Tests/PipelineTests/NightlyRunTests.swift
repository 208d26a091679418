import Dedupe
import Foundation
import Pipeline
import TestSupport
import Warehouse
import XCTest

/// The nightly pipeline on generated data, checked against the generator's truth on a real server.
final class NightlyRunTests: XCTestCase {
    func testBaseRunReconcilesEveryFileAndMatchesTheTruth() throws {
        let url = try TestDatabase.fresh()
        let summary = try PipelineFixture.run(url)
        let db = try PostgresConnection.connect(url)

        // Every file reconciles in the ledger, and the ledger agrees with the summary.
        XCTAssertFalse(summary.files.isEmpty)
        for f in summary.files {
            XCTAssertEqual(f.status, .loaded, "\(f.fileName): \(f.message ?? "")")
            XCTAssertEqual(f.rowsRead, f.rowsLoaded + f.rowsRejected + f.rowsMerged, f.fileName)
        }
        XCTAssertEqual(try db.int("SELECT count(*) FROM etl.run_file WHERE rows_read <> rows_loaded + rows_rejected + rows_merged"), 0)
        XCTAssertEqual(try db.int("SELECT sum(rows_loaded) FROM etl.run_file WHERE run_id = $1", [String(summary.runId)]),
                       try db.int("SELECT (SELECT count(*) FROM dw.fct_sales_line) + (SELECT count(*) FROM dw.fct_warranty_registration) + (SELECT count(*) FROM dw.fct_contact_attempt)"))

        // Every row the truth marks bad is rejected with its reason, and no other row is.
        let truthRejects = try PipelineFixture.truth("rejects.csv").filter { !$0["file"]!.hasPrefix("nights/") }
        let rejected = try db.query("SELECT file_name, line, reason_code FROM etl.reject").rows
        let got = Set(rejected.map { "base/\($0[0]!)#\($0[1]!)#\($0[2]!)" })
        let want = Set(truthRejects.map { "\($0["file"]!)#\($0["line"]!)#\($0["reason_code"]!)" })
        XCTAssertEqual(got.subtracting(want).sorted().prefix(10), [], "rejected but good (or wrong reason)")
        XCTAssertEqual(want.subtracting(got).sorted().prefix(10), [], "bad but not rejected with that reason")
        XCTAssertGreaterThan(want.count, 0, "the generator must write some bad rows")

        // Re-exported rows are merged, not loaded twice.
        let duplicates = try PipelineFixture.truth("duplicates.csv").filter { !$0["file"]!.hasPrefix("nights/") }
        XCTAssertEqual(summary.rowsMerged, duplicates.count)
    }

    func testDedupeFindsTheTruePeopleBehindTheRecords() throws {
        let url = try TestDatabase.fresh()
        try PipelineFixture.run(url)
        let db = try PostgresConnection.connect(url)
        // Map each loaded fact row (file, line) to its customer and compare with the true person.
        let rows = try db.query("""
            SELECT source_file, source_line, customer_id FROM dw.fct_sales_line
            UNION ALL SELECT source_file, source_line, customer_id FROM dw.fct_warranty_registration
            UNION ALL SELECT source_file, source_line, customer_id FROM dw.fct_contact_attempt
            """).rows
        var predicted: [String: Int64] = [:]
        for r in rows { predicted["base/\(r[0]!)#\(r[1]!)"] = Int64(r[2]!)! }
        var truth: [String: String] = [:]
        for t in try PipelineFixture.truth("records.csv") where predicted["\(t["file"]!)#\(t["line"]!)"] != nil {
            truth["\(t["file"]!)#\(t["line"]!)"] = t["person_id"]!
        }
        XCTAssertEqual(truth.count, predicted.count, "every loaded row has a true person")
        let q = LinkQuality.pairwise(predicted: predicted, truth: truth)
        print("dedupe on \(predicted.count) records: precision \(q.precision), recall \(q.recall), f1 \(q.f1)")
        XCTAssertGreaterThan(q.precision, 0.95)
        XCTAssertGreaterThan(q.recall, 0.80)
    }

    func testRerunOfTheSameFilesChangesNothing() throws {
        let url = try TestDatabase.fresh()
        try PipelineFixture.run(url)
        let db = try PostgresConnection.connect(url)
        let tables = ["dw.dim_customer", "dw.fct_sales_line", "dw.fct_warranty_registration", "dw.fct_contact_attempt",
                      "dw.dim_product", "dw.dim_store", "dw.customer_identity", "marts.mart_customer_value",
                      "marts.mart_campaign_kpi"]
        let before = try tables.map { try db.tableChecksum($0) }
        let second = try PipelineFixture.run(url)
        XCTAssertEqual(second.rowsLoaded, 0)
        XCTAssertTrue(second.files.allSatisfy { $0.status == .skipped }, "every file was seen before")
        XCTAssertEqual(try tables.map { try db.tableChecksum($0) }, before)
    }

    func testNightlyIncrementAddsRowsAndKeepsCustomerHistory() throws {
        let url = try TestDatabase.fresh()
        try PipelineFixture.run(url)
        let db = try PostgresConnection.connect(url)
        let salesBefore = try db.int("SELECT count(*) FROM dw.fct_sales_line")
        let night = try PipelineFixture.run(url, data: "nights/001")
        XCTAssertGreaterThan(night.rowsLoaded, 0)
        XCTAssertGreaterThan(try db.int("SELECT count(*) FROM dw.sales_line_key"), 0)
        XCTAssertEqual(try db.naturalKeyMismatches(), 0, "natural-key tables follow the facts over a night")
        XCTAssertGreaterThan(try db.int("SELECT count(*) FROM dw.fct_sales_line"), salesBefore)
        // SCD2: exactly one current version per customer, and closed versions end where the next begins.
        XCTAssertEqual(try db.int("SELECT count(*) FROM (SELECT customer_id FROM dw.dim_customer WHERE is_current GROUP BY 1 HAVING count(*) > 1) x"), 0)
        XCTAssertEqual(try db.int("""
            SELECT count(*) FROM dw.dim_customer o JOIN dw.dim_customer n
              ON n.customer_id = o.customer_id AND n.valid_from = o.valid_to AND n.customer_key > o.customer_key
            WHERE NOT o.is_current
            """), try db.int("SELECT count(*) FROM dw.dim_customer WHERE NOT is_current AND customer_id NOT IN (SELECT from_customer_id FROM dw.customer_merge)"))
        // Facts never point at NULL keys; unknown members catch what is missing.
        XCTAssertEqual(try db.int("SELECT count(*) FROM dw.fct_sales_line WHERE product_key IS NULL OR store_key IS NULL OR customer_key IS NULL"), 0)
        // Keys are not declared as foreign keys (the load resolves them): none may dangle.
        XCTAssertEqual(try db.int("""
            SELECT (SELECT count(*) FROM dw.fct_sales_line f WHERE NOT EXISTS (SELECT 1 FROM dw.dim_product d WHERE d.product_key = f.product_key)
                                                              OR NOT EXISTS (SELECT 1 FROM dw.dim_store d WHERE d.store_key = f.store_key)
                                                              OR NOT EXISTS (SELECT 1 FROM dw.dim_customer d WHERE d.customer_key = f.customer_key)
                                                              OR NOT EXISTS (SELECT 1 FROM dw.dim_date d WHERE d.date_key = f.date_key))
                 + (SELECT count(*) FROM dw.fct_warranty_registration f WHERE NOT EXISTS (SELECT 1 FROM dw.dim_customer d WHERE d.customer_key = f.customer_key)
                                                              OR NOT EXISTS (SELECT 1 FROM dw.dim_product d WHERE d.product_key = f.product_key))
                 + (SELECT count(*) FROM dw.fct_contact_attempt f WHERE NOT EXISTS (SELECT 1 FROM dw.dim_campaign d WHERE d.campaign_key = f.campaign_key)
                                                              OR NOT EXISTS (SELECT 1 FROM dw.dim_agent d WHERE d.agent_key = f.agent_key)
                                                              OR NOT EXISTS (SELECT 1 FROM dw.dim_customer d WHERE d.customer_key = f.customer_key))
            """), 0)
    }

    func testConcurrentRunIsRefused() throws {
        let url = try TestDatabase.fresh()
        let holder = try PostgresConnection.connect(url)
        XCTAssertTrue(try holder.tryAdvisoryLock(PipelineRunner.runLockKey))
        XCTAssertThrowsError(try PipelineFixture.run(url)) { error in
            XCTAssertTrue("\(error)".contains("another starcard run"), "\(error)")
        }
        try holder.advisoryUnlock(PipelineRunner.runLockKey)
    }

    func testFailedRunLeavesTheWarehouseAsItWas() throws {
        let url = try TestDatabase.fresh()
        try PipelineFixture.run(url)
        let db = try PostgresConnection.connect(url)
        let tables = ["dw.dim_customer", "dw.fct_sales_line", "marts.mart_customer_value", "etl.loaded_file"]
        let before = try tables.map { try db.tableChecksum($0) }

        // A copy of the SQL folder whose last mart fails: the run dies after loading everything.
        let broken = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("starcard-broken-sql-\(getpid())")
        try? FileManager.default.removeItem(at: broken)
        try FileManager.default.copyItem(at: PipelineFixture.packageRoot.appendingPathComponent("sql"), to: broken)
        defer { try? FileManager.default.removeItem(at: broken) }
        try "SELECT 1 / 0;".write(to: broken.appendingPathComponent("marts/999_fails.sql"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try PipelineFixture.run(url, data: "nights/001", library: try SQLLibrary(root: broken)))

        XCTAssertEqual(try tables.map { try db.tableChecksum($0) }, before)
        XCTAssertEqual(try db.query("SELECT status FROM etl.run ORDER BY run_id DESC LIMIT 1").rows.first?[0], "failed")
        // The next run completes the work.
        let retry = try PipelineFixture.run(url, data: "nights/001")
        XCTAssertGreaterThan(retry.rowsLoaded, 0)
    }

    func testMartsFollowTheirDocumentedFormulas() throws {
        let url = try TestDatabase.fresh()
        try PipelineFixture.run(url)
        let db = try PostgresConnection.connect(url)
        XCTAssertGreaterThan(try db.int("SELECT count(*) FROM marts.mart_customer_value"), 0)
        XCTAssertEqual(try db.int("SELECT count(DISTINCT value_tier) FROM marts.mart_customer_value"), 4)
        // Contact rate recomputed from the facts equals the mart's, campaign by campaign.
        XCTAssertEqual(try db.int("""
            SELECT count(*) FROM marts.mart_campaign_kpi m JOIN (
                SELECT c.campaign_code, round(avg(f.is_connected), 4) AS rate, count(*) AS n
                FROM dw.fct_contact_attempt f JOIN dw.dim_campaign c USING (campaign_key) GROUP BY 1) r USING (campaign_code)
            WHERE m.contact_rate <> r.rate OR m.dial_attempts <> r.n
            """), 0)
        // The 80/20 share lies in (0.2, 1] and the tiers add up to the customers scored.
        let share = Double(try db.query("SELECT top20_revenue_share FROM marts.mart_business_kpi").rows.first?[0] ?? "") ?? 0
        XCTAssertGreaterThan(share, 0.2)
        XCTAssertLessThanOrEqual(share, 1.0)
        XCTAssertEqual(try db.int("SELECT platinum_customers + gold_customers + iron_customers + lead_customers FROM marts.mart_business_kpi"),
                       try db.int("SELECT count(*) FROM marts.mart_customer_value"))
    }

    func testAddressChangeOverTwoNightsOpensANewCustomerVersion() throws {
        let url = try TestDatabase.fresh()
        try PipelineFixture.run(url)
        try PipelineFixture.run(url, data: "nights/001")
        try PipelineFixture.run(url, data: "nights/002")
        let db = try PostgresConnection.connect(url)

        // People the generator moved during the nights, with a night record that carries the new address.
        let movers = try PipelineFixture.truth("persons.csv").filter { ($0["moved_on"] ?? "") > "2025-06-30" }
        let nightRecords = try PipelineFixture.truth("records.csv").filter { $0["file"]!.hasPrefix("nights/") }
        var checked = 0
        for m in movers {
            guard let rec = nightRecords.first(where: { $0["person_id"] == m["person_id"] && $0["kind"] == "sales" }) else { continue }
            let file = rec["file"]!.split(separator: "/").dropFirst(2).joined(separator: "/")
            let rows = try db.query("""
                SELECT d.address, d.is_current, d.valid_from::text, d.valid_to::text
                FROM dw.fct_sales_line f JOIN dw.dim_customer d ON d.customer_id = f.customer_id
                WHERE f.source_file = $1 AND f.source_line = $2 ORDER BY d.valid_from
                """, [file, rec["line"]!]).rows
            guard !rows.isEmpty else { continue }
            checked += 1
            let current = rows.filter { $0[1] == "t" }
            XCTAssertEqual(current.count, 1)
            // Exports abbreviate addresses (`28-102` for `28栋102室`): compare the street and number.
            func street(_ a: String) -> String {
                let upToNumber = a.split(separator: "号").first.map(String.init) ?? a
                return upToNumber.split(separator: "区").last.map(String.init) ?? upToNumber
            }
            XCTAssertTrue(current.first?[0]?.contains(street(m["address"]!)) ?? false,
                          "current address \(current.first?[0] ?? "nil") should be the new one \(m["address"]!)")
            XCTAssertTrue(closedVersions(rows).contains { $0[0]?.contains(street(m["previous_address"]!)) ?? false },
                          "a closed version keeps the previous address \(m["previous_address"]!)")
            let closed = closedVersions(rows)
            XCTAssertFalse(closed.isEmpty, "\(m["person_id"]!) moved: the old version must stay as history")
            XCTAssertEqual(closed.last?[3], current.first?[2], "the old version ends where the new one starts")
        }
        XCTAssertGreaterThan(checked, 0, "the fixture must contain a mover with a night order")
    }

    private func closedVersions(_ versions: [[String?]]) -> [[String?]] { versions.filter { $0[1] == "f" } }
}
