import Cleanse
import Dedupe
import Foundation
import Logging
import Postgres
import TestSupport
import Warehouse
import XCTest

/// The staging tables are filled by binary COPY; what they hold must be, value for value, what the
/// text COPY of each field's text (`String(_:)`, `description`, the key's hex) stored before.
final class StagingBinaryTests: XCTestCase {
    private let src = SourceRef(file: "销售\t2024\\a.csv", line: 1_048_577)

    /// The text fields staging rows were written with before binary COPY, the oracle here.
    private func textFields(_ record: CleanRecord, key: String) -> [String?] {
        switch record {
        case .sales(let r):
            [r.source.file, String(r.source.line), key, r.orderId, String(r.lineNo), r.orderDate.description,
             r.storeCode, r.storeName, r.channel, r.sku, r.model, r.category, String(r.quantity),
             r.unitPrice?.description, r.amount.description]
        case .warranty(let r):
            [r.source.file, String(r.source.line), key, r.cardId, r.registeredOn.description,
             r.purchaseDate?.description, r.sku, r.model, r.category, r.serialNo, r.storeCode]
        case .contact(let r):
            [r.source.file, String(r.source.line), key, r.attemptId, r.campaignCode, r.campaignName,
             r.agentCode, r.agentName, r.calledAt.description, r.outcome.rawValue, r.saleAmount?.description]
        }
    }

    private var records: [CleanRecord] {
        let d1 = Day(year: 2024, month: 2, day: 29), d2 = Day(year: 1900, month: 1, day: 1), d3 = Day(year: 2100, month: 12, day: 31)
        return [
            .sales(SalesLine(source: src, orderId: "SO\\1\t", lineNo: 12, orderDate: d1, storeCode: nil, storeName: "北京\n中山店",
                             channel: "", person: Person(name: "张伟"), sku: "SK1", model: nil, category: "fridge",
                             quantity: -3, unitPrice: nil, amount: Money(cents: -50))),
            .sales(SalesLine(source: src, orderId: "\\N", lineNo: 1, orderDate: d2, storeCode: "S01", storeName: nil,
                             channel: "store", person: Person(name: "李娜", mobile: "13800000001"), sku: nil, model: "M-1", category: nil,
                             quantity: 999_999_999, unitPrice: Money(cents: 123_456_789), amount: Money(cents: 99_999_999_999_999))),
            .warranty(WarrantyCard(source: src, cardId: "W1", registeredOn: d3, purchaseDate: nil, person: Person(),
                                   sku: nil, model: "M\t1", category: nil, serialNo: "", storeCode: "S01")),
            .warranty(WarrantyCard(source: src, cardId: "W2", registeredOn: d1, purchaseDate: d2, person: Person(name: "王"),
                                   sku: "😀", model: nil, category: "tv", serialNo: "SN\r\n", storeCode: nil)),
            .contact(ContactAttempt(source: src, attemptId: "A1", campaignCode: "C\\X", campaignName: nil, agentCode: "G7",
                                    agentName: "李娜", calledAt: LocalTimestamp(day: d1, hour: 0, minute: 0, second: 0),
                                    person: Person(), outcome: .wrongParty, saleAmount: nil)),
            .contact(ContactAttempt(source: src, attemptId: "A2", campaignCode: "C", campaignName: "春季\t促销", agentCode: "G",
                                    agentName: nil, calledAt: LocalTimestamp(day: d3, hour: 23, minute: 59, second: 59),
                                    person: Person(name: "赵"), outcome: .sold, saleAmount: Money(cents: 1))),
        ]
    }

    func testBinaryStagedRowsEqualTheTextCopyOfTheirFields() throws {
        let db = try PostgresConnection.connect(try TestDatabase.fresh())
        _ = try Migrator.migrate(db, library: try PipelineFixture.library(), logger: Logger(label: "test"))
        var hasher = PersonKeyHasher()
        for kind in SourceKind.allCases {
            let mine = records.filter {
                switch $0 {
                case .sales: kind == .sales
                case .warranty: kind == .warranty
                case .contact: kind == .contact
                }
            }
            XCTAssertFalse(mine.isEmpty)
            let table = String(StagingTable.copyStatement(for: kind).split(separator: " ")[1])
            func stored() throws -> [[String?]] {
                try db.query("SELECT * FROM \(table) ORDER BY source_line, 4").rows
            }
            try db.execute("BEGIN")
            _ = try db.copyIn(StagingTable.copyStatement(for: kind)) { w in
                for r in mine { try w.writeRow(textFields(r, key: hasher.digest(r.person).hex)) }
            }
            let viaText = try stored()
            try db.execute("TRUNCATE \(table)")
            _ = try db.copyInBinary(StagingTable.binaryCopyStatement(for: kind)) { w in
                for r in mine {
                    let key = hasher.digest(r.person)
                    try w.writeRow(fieldCount: StagingTable.fieldCount(for: kind)) { row throws(PostgresError) in
                        try StagingTable.encode(r, personKey: key, into: &row)
                    }
                }
            }
            let viaBinary = try stored()
            try db.execute("ROLLBACK")
            XCTAssertEqual(viaBinary.count, mine.count, "\(kind)")
            XCTAssertEqual(viaBinary, viaText, "\(kind)")
        }
    }
}
