import Cleanse
import Postgres
import Warehouse
import XCTest

/// Staging rows are written straight into the COPY buffer; the text must be, byte for byte, the
/// row of `String(_:)` and `description` values the staging tables were always loaded with.
final class StagingTableEncodeTests: XCTestCase {
    private func encoded(_ record: CleanRecord, key: String = "0123456789abcdef0123456789abcdef") -> String {
        var row = CopyTextEncoder()
        StagingTable.encode(record, personKey: key, into: &row)
        row.endRow()
        return String(decoding: row.bytes, as: UTF8.self)
    }

    private func expected(_ fields: [String?]) -> String {
        var row = CopyTextEncoder()
        row.append(row: fields)
        return String(decoding: row.bytes, as: UTF8.self)
    }

    private let src = SourceRef(file: "销售\t2024.csv", line: 1_048_577)
    private let key = "0123456789abcdef0123456789abcdef"

    func testSalesLineWithNullsNegativeMoneyAndEscapedTextIsTheStringRow() {
        let day = Day(year: 2024, month: 2, day: 9)
        let line = SalesLine(source: src, orderId: "SO\\1", lineNo: 12, orderDate: day, storeCode: nil, storeName: "北京\n中山店",
                             channel: "", person: Person(name: "张伟"), sku: "SK1", model: nil, category: "fridge",
                             quantity: -3, unitPrice: nil, amount: Money(cents: -50))
        XCTAssertEqual(encoded(.sales(line)), expected([
            src.file, "1048577", key, "SO\\1", "12", "2024-02-09", nil, "北京\n中山店", "", "SK1", nil, "fridge", "-3", nil, "-0.50",
        ]))
    }

    func testWarrantyCardWithAndWithoutPurchaseDateIsTheStringRow() {
        for purchase in [nil, Day(year: 2023, month: 12, day: 31)] {
            let card = WarrantyCard(source: src, cardId: "W1", registeredOn: Day(year: 2024, month: 1, day: 1), purchaseDate: purchase,
                                    person: Person(), sku: nil, model: "M\t1", category: nil, serialNo: "", storeCode: "S01")
            XCTAssertEqual(encoded(.warranty(card)), expected([
                src.file, "1048577", key, "W1", "2024-01-01", purchase?.description, nil, "M\t1", nil, "", "S01",
            ]))
        }
    }

    func testContactTimesPrintAsTheirDescriptionAtSingleDigitsMidnightAndOutOfRange() {
        let day = Day(year: 2025, month: 7, day: 3)
        let times = [LocalTimestamp(day: day, hour: 0, minute: 0, second: 0), LocalTimestamp(day: day, hour: 9, minute: 5, second: 7),
                     LocalTimestamp(day: day, hour: 23, minute: 59, second: 59), LocalTimestamp(day: day, hour: 123, minute: -1, second: 60),
                     LocalTimestamp(day: Day(year: 12025, month: 1, day: 1), hour: 1, minute: 2, second: 3)]
        for t in times {
            let attempt = ContactAttempt(source: src, attemptId: "A1", campaignCode: "C\\X", campaignName: nil, agentCode: "G7",
                                         agentName: "李娜", calledAt: t, person: Person(), outcome: .wrongParty,
                                         saleAmount: t.hour == 9 ? Money(cents: 123_456) : nil)
            XCTAssertEqual(encoded(.contact(attempt)), expected([
                src.file, "1048577", key, "A1", "C\\X", nil, "G7", "李娜", t.description, "wrong_party", attempt.saleAmount?.description,
            ]), t.description)
        }
    }
}
