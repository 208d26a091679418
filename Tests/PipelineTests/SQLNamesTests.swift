import Cleanse
@testable import Dedupe
import Foundation
import TestSupport
@testable import Warehouse
import Postgres
import XCTest

/// Every SQL name the Swift code relies on exists: scripts it loads by name, and the tables and
/// columns its COPY statements write, checked against a migrated server.
final class SQLNamesTests: XCTestCase {
    func testScriptsTheCodeLoadsByNameExist() throws {
        let library = try PipelineFixture.library()
        XCTAssertNoThrow(try library.script("load/090_reconcile.sql"))
        XCTAssertFalse(library.marts.isEmpty)
        XCTAssertThrowsError(try library.script("load/999_missing.sql"))
    }

    func testEveryCopyStatementMatchesItsTable() throws {
        let url = try TestDatabase.fresh()
        let db = try PostgresConnection.connect(url)
        try Migrator.migrate(db, library: try PipelineFixture.library(), logger: PipelineFixture.logger)
        for statement in CopyStatements.all {
            // "COPY schema.table (a, b) FROM STDIN" → "SELECT a, b FROM schema.table LIMIT 0".
            let parts = statement.split(separator: "(", maxSplits: 1)
            let table = parts[0].replacingOccurrences(of: "COPY", with: "").trimmingCharacters(in: .whitespaces)
            let columns = parts[1].components(separatedBy: ")")[0]
            XCTAssertNoThrow(try db.query("SELECT \(columns) FROM \(table) LIMIT 0"), statement)
        }
        // The staging rows the loader writes have as many fields as the COPY lists columns.
        let day = Day(year: 2025, month: 1, day: 2)
        let src = SourceRef(file: "f.csv", line: 2)
        let records: [CleanRecord] = [
            .sales(SalesLine(source: src, orderId: "O1", lineNo: 1, orderDate: day, storeCode: nil, storeName: nil, channel: nil,
                             person: Person(), sku: nil, model: nil, category: nil, quantity: 1, unitPrice: nil, amount: Money(cents: 100))),
            .warranty(WarrantyCard(source: src, cardId: "C1", registeredOn: day, purchaseDate: nil, person: Person(), sku: nil,
                                   model: nil, category: nil, serialNo: nil, storeCode: nil)),
            .contact(ContactAttempt(source: src, attemptId: "A1", campaignCode: "X", campaignName: nil, agentCode: "G",
                                    agentName: nil, calledAt: LocalTimestamp(day: day, hour: 9, minute: 0, second: 0),
                                    person: Person(), outcome: .sold, saleAmount: Money(cents: 100))),
        ]
        var hasher = PersonKeyHasher()
        let digest = hasher.digest(Person())
        for (record, kind) in zip(records, SourceKind.allCases) {
            let listed = StagingTable.copyStatement(for: kind).split(separator: "(")[1].split(separator: ")")[0].split(separator: ",").count
            XCTAssertEqual(StagingTable.fieldCount(for: kind), listed, "\(kind)")
            _ = try db.execute("BEGIN")
            let stored = try db.copyInBinary(StagingTable.binaryCopyStatement(for: kind)) { w in
                try w.writeRow(fieldCount: StagingTable.fieldCount(for: kind)) { row throws(PostgresError) in
                    try StagingTable.encode(record, personKey: digest, into: &row)
                }
            }
            XCTAssertEqual(stored, 1, "\(kind)")
            _ = try db.execute("ROLLBACK")
        }
    }

    /// The hand-over after dedupe goes by binary COPY: each field must land in its column as the
    /// text of the value would (a wrong order or type fails the COPY or shows in the text).
    func testPersonsAndCustomersHandedOverByBinaryCopyReadBackAsTheirValues() throws {
        let db = try PostgresConnection.connect(try TestDatabase.fresh())
        try Migrator.migrate(db, library: try PipelineFixture.library(), logger: PipelineFixture.logger)
        let day = { (d: Int) in Day(year: 2025, month: 1, day: d) }
        let sightings = [PersonSighting(key: PersonKey.of(Person(name: "张伟")), person: Person(name: "张伟", namePinyin: "zhangwei",
                                        gender: "M", birthYear: 1987, mobile: "13812345678", landline: nil, memberCard: "M01",
                                        province: "广东省", city: "广州市", address: "体育西路1号"), count: 1, firstSeen: day(2), lastSeen: day(9)),
                         PersonSighting(key: PersonKey.of(Person()), person: Person(), count: 1, firstSeen: day(3), lastSeen: day(3))]
        let store = IdentityStore(db, logger: PipelineFixture.logger)
        try db.execute("BEGIN; SELECT set_config('starcard.run_id', '1', true)")
        let link = LinkResult(personKeys: sightings.map(\.key), customerOfPerson: [4_294_967_296, 7],
                              customers: [4_294_967_296, 7], newIdentityKeys: [], merges: [], nextCustomerId: 8, stats: LinkStats())
        try store.persist(persons: sightings, link: link, known: .empty)
        XCTAssertEqual(try db.query("SELECT replace(p.person_key::text, '-', ''), p.customer_id::text FROM staging.stg_person p ORDER BY p.customer_id").rows,
                       [[sightings[1].key, "7"], [sightings[0].key, "4294967296"]])
        XCTAssertEqual(try db.query("SELECT stg_customer::text FROM staging.stg_customer ORDER BY customer_id").rows.map { $0[0] },
                       ["(7,,,,,,,,,,,2025-01-03,2025-01-03)",
                        "(4294967296,张伟,zhangwei,M,1987,13812345678,,M01,广东省,广州市,体育西路1号,2025-01-02,2025-01-09)"])
        try db.execute("ROLLBACK")
    }
}
