import XCTest
@testable import Cleanse

final class ColumnMappingTests: XCTestCase {
    func testEnglishCanonicalHeader() throws {
        let m = try ColumnMapping.byHeader(ColumnMapping.canonicalFields(.sales), kind: .sales, file: "s.csv")
        XCTAssertEqual(m.column(of: "amount"), 18)
        XCTAssertEqual(m.columnCount, 19)
    }
    func testChineseHeaderWithBOMSpacesAndFullWidth() throws {
        let m = try ColumnMapping.byHeader(["\u{FEFF}订单号", " 购买日期 ", "金额", "ＳＫＵ"], kind: .sales, file: "s.csv")
        XCTAssertEqual(m.column(of: "order_id"), 0)
        XCTAssertEqual(m.column(of: "order_date"), 1)
        XCTAssertEqual(m.column(of: "sku"), 3)
    }
    func testTraditionalChineseHeader() throws {
        let m = try ColumnMapping.byHeader(["保修卡號", "登記日期", "手機"], kind: .warranty, file: "w.csv")
        XCTAssertEqual(m.column(of: "mobile"), 2)
    }
    func testSameChineseAliasMeansDifferentFieldsPerKind() throws {
        let w = try ColumnMapping.byHeader(["保修卡号", "登记日期", "购买日期"], kind: .warranty, file: "w.csv")
        XCTAssertEqual(w.column(of: "purchase_date"), 2)
    }
    func testUpperCaseAndSpacedEnglishHeader() throws {
        let m = try ColumnMapping.byHeader(["Order ID", "ORDER_DATE", "Amount"], kind: .sales, file: "s.csv")
        XCTAssertEqual(m.column(of: "order_id"), 0)
    }
    func testMissingRequiredColumnNamesFieldFileAndTomlKey() {
        XCTAssertThrowsError(try ColumnMapping.byHeader(["order_id", "amount"], kind: .sales, file: "s.csv")) { e in
            let text = String(describing: e)
            XCTAssertEqual((e as? MappingError)?.missingRequired, ["order_date"])
            XCTAssertTrue(text.contains("s.csv") && text.contains("order_date") && text.contains("[sources.<name>.columns]"), text)
            XCTAssertFalse(text.contains("\n"))
        }
    }
    func testSourceNameSetByPipelineNamesTheExactTomlTable() {
        var e = MappingError(file: "s.csv", kind: .sales)
        e.missingRequired = ["amount"]
        e.sourceName = "pos_export"
        XCTAssertTrue(e.description.contains("[sources.pos_export.columns]"), e.description)
        XCTAssertTrue(e.description.contains("amount = ["), e.description)
    }
    func testUnknownColumnIsAnError() {
        XCTAssertThrowsError(try ColumnMapping.byHeader(["order_id", "order_date", "amount", "remark"], kind: .sales, file: "s.csv")) { e in
            XCTAssertEqual((e as? MappingError)?.unknownColumns, ["remark"])
        }
    }
    func testUnknownColumnMappedToIgnore() throws {
        let m = try ColumnMapping.byHeader(["order_id", "order_date", "amount", "remark"], kind: .sales,
                                           extraAliases: ["_ignore": ["Remark"]], file: "s.csv")
        XCTAssertEqual(m.columnCount, 4)
        XCTAssertNil(m.column(of: "remark"))
    }
    func testExtraAliasFromPipeline() throws {
        let m = try ColumnMapping.byHeader(["Bestellnummer", "order_date", "amount"], kind: .sales,
                                           extraAliases: ["order_id": ["bestellnummer"]], file: "s.csv")
        XCTAssertEqual(m.column(of: "order_id"), 0)
    }
    func testExtraAliasForUnknownFieldIsAnError() {
        XCTAssertThrowsError(try ColumnMapping.byHeader(["order_id", "order_date", "amount"], kind: .sales,
                                                        extraAliases: ["colour": ["Farbe"]], file: "s.csv")) { e in
            XCTAssertEqual((e as? MappingError)?.unknownTargets, ["colour"])
        }
    }
    func testTwoColumnsForOneFieldIsAnError() {
        XCTAssertThrowsError(try ColumnMapping.byHeader(["order_id", "订单号", "order_date", "amount"], kind: .sales, file: "s.csv")) { e in
            XCTAssertEqual((e as? MappingError)?.duplicateFields, ["order_id"])
        }
    }
    func testByPositionForHeaderlessFile() throws {
        let m = try ColumnMapping.byPosition(["attempt_id", "_ignore", "campaign_code", "agent_code", "called_at", "outcome"],
                                             kind: .contact, file: "c.csv")
        XCTAssertEqual(m.column(of: "campaign_code"), 2)
        XCTAssertEqual(m.columnCount, 6)
    }
    func testByPositionWithUnknownName() {
        XCTAssertThrowsError(try ColumnMapping.byPosition(["card_id", "registered_on", "colour"], kind: .warranty, file: "w.csv")) { e in
            XCTAssertEqual((e as? MappingError)?.unknownColumns, ["colour"])
        }
    }
    func testNoBuiltInAliasMeansTwoFieldsOfOneKind() {
        let han = HanTransliterator()
        for kind in SourceKind.allCases {
            var fieldOfKey: [String: String] = [:]
            for spec in ColumnMapping.specs(kind) {
                for name in [spec.name] + spec.aliases {
                    let key = ColumnMapping.headerKey(name, han: han)
                    XCTAssertTrue(fieldOfKey[key] == nil || fieldOfKey[key] == spec.name,
                                  "\(kind): '\(name)' means both \(fieldOfKey[key] ?? "") and \(spec.name)")
                    fieldOfKey[key] = spec.name
                }
            }
        }
    }
    func testRequiredFields() {
        XCTAssertEqual(ColumnMapping.requiredFields(.sales), ["order_id", "order_date", "amount"])
        XCTAssertEqual(ColumnMapping.requiredFields(.warranty), ["card_id", "registered_on"])
        XCTAssertEqual(ColumnMapping.requiredFields(.contact), ["attempt_id", "campaign_code", "agent_code", "called_at", "outcome"])
    }
}
