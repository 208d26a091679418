import Dedupe
import Foundation
import Logging
import Pipeline
import TestSupport
import Warehouse
import XCTest

/// Dedupe's history on a real server: a run reads only the identity keys it can touch
/// (`IdentityStore.history`), and that part must hold everything the linker needs.
final class IdentityHistoryTests: XCTestCase {
    static func row(_ order: Int, name: String, mobile: String, day: Int) -> String {
        "SO7\(String(format: "%08d", order)),1,2025-03-\(String(format: "%02d", day)),S0101,北京万达店,store,,\(name),\(mobile),,北京市,北京市,光明路\(order)号,SK204,XQG-471,洗衣机,1,4499.00,4499.00"
    }

    func testANightLinksATypoedLatinNameToAnEarlierCustomerThroughItsMobileBlockAlone() throws {
        let folder = try DeliveryFolder()
        // Night one: 张伟 on a mobile, and decoys the history fetch must leave out (the same name
        // on other mobiles, other names on other mobiles).
        try folder.write("sales/night1.csv", ([SalesRows.header, Self.row(1, name: "张伟", mobile: "13652718490", day: 1)]
            + (2...40).map { Self.row($0, name: $0 % 2 == 0 ? "张伟" : "李娜", mobile: "139\(String(format: "%08d", $0))", day: 2) })
            .joined(separator: "\n") + "\n")
        let (url, first) = try folder.run()
        XCTAssertEqual(first.newCustomers, 40)
        let db = try PostgresConnection.connect(url)
        let zhangwei = try db.int("SELECT customer_id FROM dw.customer_identity WHERE identity_key = 'm:13652718490|zhangwei'")
        XCTAssertGreaterThan(zhangwei, 0)

        // The history of this mobile's block is its keys and nothing else.
        let store = IdentityStore(db, logger: PipelineFixture.logger)
        let answer = try db.transaction { try store.history(for: HistoryRequest(keys: [], blocks: ["m:13652718490"])) }
        XCTAssertEqual(answer.keys, ["m:13652718490|zhangwei": Int64(zhangwei)])
        XCTAssertEqual(answer.nextCustomerId, 41)

        // Night two: the same person typed in Latin letters with a slip. Only name agreement inside
        // the mobile's block links it: no identity key of tonight equals one of last night's.
        try folder.write("sales/night2.csv", [SalesRows.header, Self.row(100, name: "ZhangWie", mobile: "13652718490", day: 9)]
            .joined(separator: "\n") + "\n")
        let second = try folder.run(on: url)
        XCTAssertEqual(second.newCustomers, 0)
        XCTAssertEqual(try db.int("SELECT customer_id FROM dw.fct_sales_line WHERE order_id = 'SO700000100'"), zhangwei)
        XCTAssertEqual(try db.int("SELECT customer_id FROM dw.customer_identity WHERE identity_key = 'm:13652718490|~zhangwie'"), zhangwei)
        XCTAssertEqual(try db.int("SELECT count(DISTINCT customer_id) FROM dw.customer_identity"), 40)
    }

    func testTheFirstLoadBuildsTheIdentityIndexesAndLaterRunsKeepThem() throws {
        let folder = try DeliveryFolder()
        try folder.write("sales/a.csv", SalesRows.csv(1...30))
        let (url, _) = try folder.run()
        let db = try PostgresConnection.connect(url)
        let indexes = "SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'dw' AND tablename = 'customer_identity'"
        XCTAssertEqual(try db.query(indexes).rows.first?[0], "customer_identity_customer,customer_identity_pkey")
        XCTAssertEqual(try db.int("SELECT count(*) FROM pg_constraint WHERE conname = 'customer_identity_pkey' AND contype = 'p'"), 1)
        let keys = try db.int("SELECT count(*) FROM dw.customer_identity")
        XCTAssertGreaterThan(keys, 0)

        try folder.write("sales/b.csv", SalesRows.csv(1...5, offset: 500))
        _ = try folder.run(on: url)
        XCTAssertEqual(try db.query(indexes).rows.first?[0], "customer_identity_customer,customer_identity_pkey")
        XCTAssertGreaterThan(try db.int("SELECT count(*) FROM dw.customer_identity"), keys)
        XCTAssertEqual(try db.int("SELECT count(*) FROM (SELECT identity_key FROM dw.customer_identity GROUP BY 1 HAVING count(*) > 1) d"), 0)
    }
}
