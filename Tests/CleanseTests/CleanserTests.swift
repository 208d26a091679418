import XCTest
import Extract
@testable import Cleanse

/// Whole rows through `Cleanser`: what comes out clean, with which issues, and what is rejected why.
final class CleanserTests: XCTestCase {
    private func cleanser(_ kind: SourceKind, _ header: [String], rules: CleanseRules = .default) throws -> Cleanser {
        Cleanser(kind: kind, mapping: try ColumnMapping.byHeader(header, kind: kind, file: "f.csv"), rules: rules, file: "f.csv")
    }
    private func row(_ fields: [String], line: Int = 2, problem: CSVProblem? = nil) -> RawRecord {
        RawRecord(line: line, fields: fields, raw: fields.joined(separator: ","), problem: problem)
    }
    private func rejection(_ outcome: CleanseOutcome) -> Rejection? {
        if case .rejected(let r) = outcome { return r }
        return nil
    }
    private func clean(_ outcome: CleanseOutcome, file: StaticString = #filePath, line: UInt = #line) -> (CleanRecord, [FieldIssue])? {
        guard case .clean(let r, let issues) = outcome else { XCTFail("rejected: \(outcome)", file: file, line: line); return nil }
        return (r, issues)
    }

    private let salesHeader = ["order_id", "order_date", "customer_name", "mobile", "city", "category", "quantity", "amount"]

    func testSalesLineAllFieldsNormalised() throws {
        let c = try cleanser(.sales, salesHeader)
        guard let (record, issues) = clean(c.cleanse(row(["SO-1", "2025/3/7", "張偉", "+86 139 1234 5678", "广州", "冰箱", "2件", "¥1,299.00"]))),
              case .sales(let s) = record else { return }
        XCTAssertEqual(issues, [])
        XCTAssertEqual(s.orderId, "SO-1")
        XCTAssertEqual(s.orderDate, Day(year: 2025, month: 3, day: 7))
        XCTAssertEqual(s.person.name, "张伟")
        XCTAssertEqual(s.person.namePinyin, "zhangwei")
        XCTAssertEqual(s.person.mobile, "13912345678")
        XCTAssertEqual(s.person.city, "广州市")
        XCTAssertEqual(s.category, "fridge")
        XCTAssertEqual(s.quantity, 2)
        XCTAssertEqual(s.lineNo, 1)
        XCTAssertEqual(s.amount, Money(cents: 129_900))
        XCTAssertEqual(s.source, SourceRef(file: "f.csv", line: 2))
    }
    func testRejectedCountCountsRejectionsOnly() throws {
        let c = try cleanser(.sales, salesHeader)
        let good = ["SO-1", "2025-03-07", "张伟", "13912345678", "", "", "", "10"]
        var noDate = good
        noDate[1] = ""
        XCTAssertNotNil(clean(c.cleanse(row(good))))
        XCTAssertNotNil(rejection(c.cleanse(row(noDate))))
        XCTAssertNotNil(rejection(c.cleanse(row(Array(good.dropLast())))))
        XCTAssertNotNil(clean(c.cleanse(row(good))))
        XCTAssertEqual(c.rejectedCount, 2)
    }
    /// Store, sku and model go through a memo by their bytes; the memo must give back what the
    /// field itself reads as: trimmed, half-width, blank as nil, long values whole, and the
    /// same bytes in another column as that column's own value.
    func testRepeatedColumnsReadTheSameThroughTheirMemo() throws {
        let c = try cleanser(.sales, salesHeader + ["store_code", "store_name", "sku", "model"])
        let base = ["SO-1", "2025-03-07", "张伟", "13912345678", "", "", "", "10"]
        let rows: [([String], [String?])] = [
            (["S01", "北京万达店", "SK1", "S01"], ["S01", "北京万达店", "SK1", "S01"]),
            ([" S01 ", "北京万达店", "ＳＫ１", "NULL"], ["S01", "北京万达店", "SK1", nil]),
            (["S01", "北京朝阳大悦城万达广场店", "", "XQG-471"], ["S01", "北京朝阳大悦城万达广场店", nil, "XQG-471"]),
            (["XQG-471", "北京万达店", "SK1", "XQG-471"], ["XQG-471", "北京万达店", "SK1", "XQG-471"]),
        ]
        for (fields, expected) in rows {
            guard let (record, _) = clean(c.cleanse(row(base + fields))), case .sales(let s) = record else { return }
            XCTAssertEqual([s.storeCode, s.storeName, s.sku, s.model], expected)
        }
    }
    func testSalesUnknownCategoryIsIssueNotRejection() throws {
        let c = try cleanser(.sales, salesHeader)
        guard let (record, issues) = clean(c.cleanse(row(["SO-1", "2025-03-07", "张伟", "13912345678", "", "吸尘器", "", "10"]))),
              case .sales(let s) = record else { return }
        XCTAssertNil(s.category)
        XCTAssertEqual(issues.map(\.code), [ReasonCode.categoryUnknown])
        XCTAssertEqual(issues.first?.value, "吸尘器")
    }
    func testLandlineInMobileColumnMovesToLandline() throws {
        let c = try cleanser(.sales, salesHeader)
        guard let (record, _) = clean(c.cleanse(row(["SO-1", "2025-03-07", "张伟", "021-12345678", "", "", "", "10"]))) else { return }
        XCTAssertNil(record.person.mobile)
        XCTAssertEqual(record.person.landline, "02112345678")
    }
    func testLandlineColumnWinsOverLandlineMovedFromMobileColumn() throws {
        let c = try cleanser(.sales, salesHeader + ["landline"])
        guard let (record, _) = clean(c.cleanse(row(["SO-1", "2025-03-07", "张伟", "021-12345678", "", "", "", "10", "010-88886666"]))) else { return }
        XCTAssertEqual(record.person.landline, "01088886666")
        XCTAssertNil(record.person.mobile)
    }
    func testMobileInLandlineColumnFillsEmptyMobile() throws {
        let c = try cleanser(.sales, salesHeader + ["landline"])
        guard let (record, issues) = clean(c.cleanse(row(["SO-1", "2025-03-07", "张伟", "", "", "", "", "10", "13912345678"]))) else { return }
        XCTAssertEqual(record.person.mobile, "13912345678")
        XCTAssertNil(record.person.landline)
        XCTAssertEqual(issues, [])
    }
    func testInvalidLandlineIsIssueNamingLandlineField() throws {
        let c = try cleanser(.sales, salesHeader + ["landline"])
        guard let (_, issues) = clean(c.cleanse(row(["SO-1", "2025-03-07", "张伟", "13912345678", "", "", "", "10", "8888"]))) else { return }
        XCTAssertEqual(issues.map(\.field), ["landline"])
        XCTAssertEqual(issues.map(\.code), [ReasonCode.landlineInvalid])
    }
    func testMaskedMobileWithoutOtherContactRejectsRowAsUnidentifiable() throws {
        let c = try cleanser(.sales, salesHeader)
        let r = rejection(c.cleanse(row(["SO-1", "2025-03-07", "张伟", "138****5678", "", "", "", "10"])))
        XCTAssertEqual(r?.code, ReasonCode.customerUnidentifiable)
        XCTAssertNil(r?.field)
    }
    func testRaggedRowNamesBothCounts() throws {
        let c = try cleanser(.sales, salesHeader)
        let r = rejection(c.cleanse(row(["SO-1", "2025-03-07", "x"])))
        XCTAssertEqual(r?.code, ReasonCode.csvRagged)
        XCTAssertTrue(r?.message.contains("3 fields") == true && r?.message.contains("header has 8") == true, r?.message ?? "")
    }
    func testParserProblemBecomesRejection() throws {
        let c = try cleanser(.sales, salesHeader)
        let r = rejection(c.cleanse(row(salesHeader.map { _ in "" }, problem: .unterminatedQuote)))
        XCTAssertEqual(r?.code, "csv.unterminated_quote")
    }
    func testEmptyOrderIdIsKeyMissing() throws {
        let c = try cleanser(.sales, salesHeader)
        let r = rejection(c.cleanse(row(["  ", "2025-03-07", "张伟", "13912345678", "", "", "", "10"])))
        XCTAssertEqual(r?.code, ReasonCode.keyMissing)
        XCTAssertEqual(r?.field, "order_id")
    }
    func testEmptyDateIsDateMissing() throws {
        let c = try cleanser(.sales, salesHeader)
        XCTAssertEqual(rejection(c.cleanse(row(["SO-1", "", "张伟", "13912345678", "", "", "", "10"])))?.code, ReasonCode.dateMissing)
    }
    func testImpossibleDateMessageNamesValueFileAndLine() throws {
        let c = try cleanser(.sales, salesHeader)
        let r = rejection(c.cleanse(row(["SO-1", "2025-02-30", "张伟", "13912345678", "", "", "", "10"], line: 41)))
        XCTAssertEqual(r?.code, ReasonCode.dateInvalid)
        XCTAssertTrue(r?.message.contains("'2025-02-30'") == true && r?.message.contains("f.csv line 41") == true, r?.message ?? "")
        XCTAssertEqual(r?.raw, "SO-1,2025-02-30,张伟,13912345678,,,,10")
    }
    func testEmptyAmountIsAmountMissing() throws {
        let c = try cleanser(.sales, salesHeader)
        XCTAssertEqual(rejection(c.cleanse(row(["SO-1", "2025-03-07", "张伟", "13912345678", "", "", "", ""])))?.code, ReasonCode.amountMissing)
    }
    func testDecimalCommaAmountIsAmountInvalid() throws {
        let c = try cleanser(.sales, salesHeader)
        XCTAssertEqual(rejection(c.cleanse(row(["SO-1", "2025-03-07", "张伟", "13912345678", "", "", "", "1.299,00"])))?.code, ReasonCode.amountInvalid)
    }
    func testNegativeAmountIsAReturnLine() throws {
        let c = try cleanser(.sales, salesHeader)
        guard let (record, _) = clean(c.cleanse(row(["SO-1", "2025-03-07", "张伟", "13912345678", "", "", "-1", "-99"]))),
              case .sales(let s) = record else { return }
        XCTAssertEqual(s.amount, Money(cents: -9_900))
        XCTAssertEqual(s.quantity, -1)
    }
    func testZeroQuantityIsQuantityInvalid() throws {
        let c = try cleanser(.sales, salesHeader)
        XCTAssertEqual(rejection(c.cleanse(row(["SO-1", "2025-03-07", "张伟", "13912345678", "", "", "0", "10"])))?.code, ReasonCode.quantityInvalid)
    }
    func testMonthFirstRuleReadsSlashDatesAmericanStyle() throws {
        let c = try cleanser(.sales, salesHeader, rules: CleanseRules(dateOrder: .monthFirst))
        guard let (record, _) = clean(c.cleanse(row(["SO-1", "03/07/2025", "张伟", "13912345678", "", "", "", "10"]))),
              case .sales(let s) = record else { return }
        XCTAssertEqual(s.orderDate, Day(year: 2025, month: 3, day: 7))
    }
    func testPlaceholderMobileFromRulesIsIssue() throws {
        let c = try cleanser(.sales, salesHeader + ["member_card"], rules: CleanseRules(placeholderMobiles: ["13912345678"]))
        guard let (record, issues) = clean(c.cleanse(row(["SO-1", "2025-03-07", "张伟", "13912345678", "", "", "", "10", "VIP001"]))) else { return }
        XCTAssertNil(record.person.mobile)
        XCTAssertEqual(record.person.memberCard, "VIP001")
        XCTAssertEqual(issues, [FieldIssue(source: SourceRef(file: "f.csv", line: 2), field: "mobile", code: ReasonCode.mobilePlaceholder, value: "13912345678")])
    }
    func testNameAndAddressIdentifyWithoutPhone() throws {
        let c = try cleanser(.sales, salesHeader + ["address"])
        XCTAssertNotNil(clean(c.cleanse(row(["SO-1", "2025-03-07", "张伟", "", "", "", "", "10", "天河路1号"]))))
    }

    private let warrantyHeader = ["保修卡号", "登记日期", "购买日期", "姓名", "性别", "出生年份", "手机", "省份", "城市", "品类"]

    func testWarrantyCardWithChineseHeaderAndIssues() throws {
        let c = try cleanser(.warranty, warrantyHeader, rules: CleanseRules(maxBirthYear: 2015))
        guard let (record, issues) = clean(c.cleanse(row(["W1", "民國114年3月7日", "45723", "王女士", "", "85", "0912345678", "火星", "臺北", "冷氣"]))),
              case .warranty(let w) = record else { return }
        XCTAssertEqual(w.registeredOn, Day(year: 2025, month: 3, day: 7))
        XCTAssertNil(w.purchaseDate)
        XCTAssertEqual(w.person.gender, "F")
        XCTAssertEqual(w.person.mobile, "0912345678")
        XCTAssertEqual(w.person.city, "台北市")
        XCTAssertEqual(w.category, "aircon")
        XCTAssertEqual(Set(issues.map(\.code)), [ReasonCode.purchaseDateInvalid, ReasonCode.birthYearAmbiguous, ReasonCode.provinceUnknown])
    }
    func testWarrantyGenderColumnWinsOverHonorific() throws {
        let c = try cleanser(.warranty, warrantyHeader)
        guard let (record, _) = clean(c.cleanse(row(["W1", "2025-03-07", "", "王先生", "女", "1980", "13912345678", "粤", "", ""]))) else { return }
        XCTAssertEqual(record.person.gender, "F")
        XCTAssertEqual(record.person.province, "广东省")
        XCTAssertEqual(record.person.birthYear, 1980)
    }
    func testWarrantyEmptyCardId() throws {
        let c = try cleanser(.warranty, warrantyHeader)
        let r = rejection(c.cleanse(row(["", "2025-03-07", "", "王先生", "", "", "13912345678", "", "", ""])))
        XCTAssertEqual(r?.code, ReasonCode.keyMissing)
        XCTAssertEqual(r?.field, "card_id")
    }

    private let contactHeader = ["attempt_id", "campaign_code", "agent_code", "called_at", "customer_name", "mobile", "outcome", "sale_amount"]

    func testContactSoldWithAmount() throws {
        let c = try cleanser(.contact, contactHeader)
        guard let (record, _) = clean(c.cleanse(row(["A1", "C1", "AG7", "2025/3/7 2:05 PM", "张伟", "13912345678", "成交", "599元"]))),
              case .contact(let a) = record else { return }
        XCTAssertEqual(a.outcome, .sold)
        XCTAssertEqual(a.saleAmount, Money(cents: 59_900))
        XCTAssertEqual(a.calledAt.description, "2025-03-07 14:05:00")
    }
    func testContactAmountDroppedWhenNoSale() throws {
        let c = try cleanser(.contact, contactHeader)
        guard let (record, _) = clean(c.cleanse(row(["A1", "C1", "AG7", "2025-03-07 14:05", "", "13912345678", "关机", "0"]))),
              case .contact(let a) = record else { return }
        XCTAssertEqual(a.outcome, .unreachable)
        XCTAssertNil(a.saleAmount)
    }
    func testContactUnknownOutcomeListsTheValidOnes() throws {
        let c = try cleanser(.contact, contactHeader)
        let r = rejection(c.cleanse(row(["A1", "C1", "AG7", "2025-03-07 14:05", "", "13912345678", "稍后再拨", ""])))
        XCTAssertEqual(r?.code, ReasonCode.outcomeInvalid)
        XCTAssertTrue(r?.message.contains("wrong_party") == true)
    }
    func testContactMissingCampaignAndAgent() throws {
        let c = try cleanser(.contact, contactHeader)
        XCTAssertEqual(rejection(c.cleanse(row(["A1", "", "AG7", "2025-03-07", "", "13912345678", "接通", ""])))?.code, ReasonCode.campaignMissing)
        XCTAssertEqual(rejection(c.cleanse(row(["A1", "C1", " ", "2025-03-07", "", "13912345678", "接通", ""])))?.code, ReasonCode.agentMissing)
    }
    func testContactNegativeSaleAmountIsInvalid() throws {
        let c = try cleanser(.contact, contactHeader)
        XCTAssertEqual(rejection(c.cleanse(row(["A1", "C1", "AG7", "2025-03-07", "", "13912345678", "成交", "-5"])))?.code, ReasonCode.amountInvalid)
    }
    func testRepeatedValuesComeFromCacheWithSameResult() throws {
        let c = try cleanser(.sales, salesHeader)
        let fields = ["SO-1", "2025-03-07", "張偉", "13912345678", "臺北", "冰箱", "", "10"]
        guard let (first, _) = clean(c.cleanse(row(fields))), let (second, _) = clean(c.cleanse(row(fields))) else { return }
        XCTAssertEqual(first.person, second.person)
        XCTAssertEqual(c.nameCache.count, 1)
        XCTAssertEqual(c.cityCache.count, 1)
    }
}
