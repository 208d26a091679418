import XCTest
@testable import Cleanse

final class PhoneNumberTests: XCTestCase {
    private let placeholders = PhoneNumber.placeholderSet(["13912341234"])
    private func mobile(_ s: String) -> PhoneNumber.Reading { PhoneNumber.readMobile(s, placeholders: placeholders) }

    func testPlainMobile() { XCTAssertEqual(mobile("13912345678"), .mobile("13912345678")) }
    func testPlus86WithSpaces() { XCTAssertEqual(mobile("+86 139 1234 5678"), .mobile("13912345678")) }
    func testDoubleZero86() { XCTAssertEqual(mobile("0086-13912345678"), .mobile("13912345678")) }
    func test86DashWithoutPlus() { XCTAssertEqual(mobile("86-139-1234-5678"), .mobile("13912345678")) }
    func testDotsAndParentheses() { XCTAssertEqual(mobile("(139).1234.5678"), .mobile("13912345678")) }
    func testFullWidthDigits() { XCTAssertEqual(mobile("１３９１２３４５６７８"), .mobile("13912345678")) }
    func testMaskedWithStars() { XCTAssertEqual(mobile("138****5678"), .issue(ReasonCode.mobileMasked)) }
    func testMaskedWithXs() { XCTAssertEqual(mobile("138xxxx5678"), .issue(ReasonCode.mobileMasked)) }
    func testBuiltInPlaceholder() { XCTAssertEqual(mobile("13800138000"), .issue(ReasonCode.mobilePlaceholder)) }
    func testElevenOnesPlaceholder() { XCTAssertEqual(mobile("11111111111"), .issue(ReasonCode.mobilePlaceholder)) }
    func testElevenEqualDigitsPlaceholderWithoutList() { XCTAssertEqual(mobile("15555555555"), .issue(ReasonCode.mobilePlaceholder)) }
    func testPlaceholderFromRules() { XCTAssertEqual(mobile("139-1234-1234"), .issue(ReasonCode.mobilePlaceholder)) }
    func testScientificNotationIsSpreadsheetDamage() { XCTAssertEqual(mobile("1.38123E+10"), .issue(ReasonCode.mobileSpreadsheetDamage)) }
    func testTrailingPointZeroIsSpreadsheetDamage() { XCTAssertEqual(mobile("13812345679.0"), .issue(ReasonCode.mobileSpreadsheetDamage)) }
    func testTaiwanMobile() { XCTAssertEqual(mobile("0912345678"), .mobile("0912345678")) }
    func testTaiwanInternational() { XCTAssertEqual(mobile("+886 912 345 678"), .mobile("0912345678")) }
    func testTaiwanLeadingZeroLostInSpreadsheet() { XCTAssertEqual(mobile("912345678"), .mobile("0912345678")) }
    func testShanghaiLandlineInMobileColumnMoves() { XCTAssertEqual(mobile("021-12345678"), .landline("02112345678")) }
    func testShenzhenLandlineWithParenthesesInMobileColumnMoves() { XCTAssertEqual(mobile("(0755)8888 6666"), .landline("075588886666")) }
    func testSecondDigitTwoIsInvalid() { XCTAssertEqual(mobile("12912345678"), .issue(ReasonCode.mobileInvalid)) }
    func testTenDigitsIsInvalid() { XCTAssertEqual(mobile("1391234567"), .issue(ReasonCode.mobileInvalid)) }
    func testOtherCountryIsInvalid() { XCTAssertEqual(mobile("+1 415 555 0100"), .issue(ReasonCode.mobileInvalid)) }
    func testWordsAreInvalid() { XCTAssertEqual(mobile("无"), .empty) ; XCTAssertEqual(mobile("call me"), .issue(ReasonCode.mobileInvalid)) }
    func testBlankIsEmpty() { XCTAssertEqual(mobile("   "), .empty) }

    private func landline(_ s: String) -> PhoneNumber.Reading { PhoneNumber.readLandline(s) }
    func testLandlineWithDash() { XCTAssertEqual(landline("021-12345678"), .landline("02112345678")) }
    func testLandlineExtensionAfterDashDropped() { XCTAssertEqual(landline("021-12345678-801"), .landline("02112345678")) }
    func testLandlineExtensionAfterChineseMarkDropped() { XCTAssertEqual(landline("0755-88886666转123"), .landline("075588886666")) }
    func testLandlineExtensionAfterExtDropped() { XCTAssertEqual(landline("010 8888 6666 ext. 12"), .landline("01088886666")) }
    func testLandlineWithPlus86AndNoTrunkZero() { XCTAssertEqual(landline("+86 21 1234 5678"), .landline("02112345678")) }
    func testLandlineWithoutAreaCodeIsInvalid() { XCTAssertEqual(landline("12345678"), .issue(ReasonCode.landlineInvalid)) }
    func testLandlineStartingWithExtensionMarkIsInvalid() { XCTAssertEqual(landline("#021-12345678"), .issue(ReasonCode.landlineInvalid)) }
    func testLandlineExtensionAfterXDropped() { XCTAssertEqual(landline("(021)12345678x801"), .landline("02112345678")) }
    func testLandlineWithLetterBeforeExtensionIsInvalid() { XCTAssertEqual(landline("021-1234567a8"), .issue(ReasonCode.landlineInvalid)) }
    func testTaiwanMobileInLandlineColumnMoves() { XCTAssertEqual(landline("0912-345-678"), .mobile("0912345678")) }
    func testMobileInLandlineColumnMoves() { XCTAssertEqual(landline("139 1234 5678"), .mobile("13912345678")) }
}
