import XCTest
@testable import Cleanse

final class MoneyTextTests: XCTestCase {
    private func cents(_ s: String) -> Int64? {
        if case .value(let m) = MoneyText.parseAmount(s) { return m.cents }
        return nil
    }
    private func isInvalid(_ s: String) -> Bool { MoneyText.parseAmount(s) == .invalid }

    func testYenSignWithThousandsAndDecimals() { XCTAssertEqual(cents("¥1,299.00"), 129_900) }
    func testFullWidthYenSign() { XCTAssertEqual(cents("￥1299"), 129_900) }
    func testYuanSuffix() { XCTAssertEqual(cents("1299元"), 129_900) }
    func testNewTaiwanDollarWithSpace() { XCTAssertEqual(cents("NT$ 12,000"), 1_200_000) }
    func testRMBPrefixLowerCase() { XCTAssertEqual(cents("rmb 99"), 9_900) }
    func testFullWidthDigits() { XCTAssertEqual(cents("１２９９．５"), 129_950) }
    func testOneDecimal() { XCTAssertEqual(cents("12.5"), 1_250) }
    func testNegativeReturn() { XCTAssertEqual(cents("-1,299.00"), -129_900) }
    func testSignAfterCurrency() { XCTAssertEqual(cents("¥-50"), -5_000) }
    func testAccountingParentheses() { XCTAssertEqual(cents("(12.00)"), -1_200) }
    func testTrailingZeroDecimalsBeyondCents() { XCTAssertEqual(cents("99.000"), 9_900) }
    func testEmptyAndNullAreEmpty() {
        XCTAssertEqual(MoneyText.parseAmount("  "), .empty)
        XCTAssertEqual(MoneyText.parseAmount("NULL"), .empty)
    }
    func testDecimalCommaIsRefused() { XCTAssertTrue(isInvalid("1.299,00")) }
    func testCommaNotBetweenThousandsIsRefused() { XCTAssertTrue(isInvalid("12,5")) }
    func testThreeSignificantDecimalsAreRefused() { XCTAssertTrue(isInvalid("12.345")) }
    func testLettersAreRefused() { XCTAssertTrue(isInvalid("about 100")) }
    func testSixteenDigitsOverflowIsRefused() { XCTAssertTrue(isInvalid("1234567890123456")) }
    func testCurrencyOnlyIsRefused() { XCTAssertTrue(isInvalid("¥")) }

    private func qty(_ s: String) -> MoneyText.Count { MoneyText.parseQuantity(s) }
    func testQuantityPlain() { XCTAssertEqual(qty("2"), .value(2)) }
    func testQuantityWithChineseUnit() { XCTAssertEqual(qty("2件"), .value(2)) }
    func testQuantityWithEnglishUnit() { XCTAssertEqual(qty("3 pcs"), .value(3)) }
    func testQuantityAsSpreadsheetFloat() { XCTAssertEqual(qty("2.0"), .value(2)) }
    func testQuantityNegativeForReturn() { XCTAssertEqual(qty("-1"), .value(-1)) }
    func testQuantityZeroIsInvalid() { XCTAssertEqual(qty("0"), .invalid) }
    func testQuantityFractionIsInvalid() { XCTAssertEqual(qty("1.5"), .invalid) }
    func testQuantityWordIsInvalid() { XCTAssertEqual(qty("two"), .invalid) }
}
