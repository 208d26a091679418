import XCTest
@testable import Dedupe

final class NameAgreementTests: XCTestCase {
    private let agreement = NameAgreement(rules: .default)

    func testAdjacentSwapZhangweiZhangwieIsOneEdit() {
        XCTAssertEqual(NameAgreement.osaDistance(Array("zhangwei".utf8), Array("zhangwie".utf8), limit: 3), 1)
        XCTAssertEqual(agreement.compare("zhangwei", "zhangwie"), .fuzzy)
    }

    func testDroppedLetterInGivenNameAgrees() {
        XCTAssertEqual(agreement.compare("liuyang", "liuyng"), .fuzzy)
    }

    func testEditInsideTheSurnameDiffers() {
        XCTAssertEqual(agreement.compare("zhangwei", "zhengwei"), .differ)
    }

    func testCompoundSurnameOuyangIsOneSyllable() {
        XCTAssertEqual(SurnamePinyin.surname(of: "ouyangfeng"), "ouyang")
        XCTAssertEqual(SurnamePinyin.surname(of: "zhangwei"), "zhang")
        XCTAssertEqual(SurnamePinyin.surname(of: "xyz"), "xy", "unknown surname falls back to two letters")
    }

    func testShortPinyinLinaVsLiuaMustMatchExactly() {
        XCTAssertEqual(agreement.compare("lina", "liua"), .differ)
    }

    func testTwoEditsApartDiffer() {
        XCTAssertEqual(agreement.compare("zhangwei", "zhangqiang"), .differ)
        XCTAssertEqual(NameAgreement.osaDistance(Array("wangwei".utf8), Array("wangfang".utf8), limit: 1), 2)
    }

    func testFuzzyOffWhenMaxEditDistanceIsZero() {
        let strict = NameAgreement(rules: LinkRules(maxNameEditDistance: 0))
        XCTAssertEqual(strict.compare("zhangwei", "zhangwie"), .differ)
        XCTAssertEqual(strict.compare("zhangwei", "zhangwei"), .exact)
    }
}
