import Cleanse
import XCTest
@testable import Dedupe

final class PersonKeyTests: XCTestCase {
    func testMurmur3MatchesThePublishedVectorForTheQuickBrownFox() {
        let (h1, h2) = StableHash128.hash(Array("The quick brown fox jumps over the lazy dog".utf8))
        XCTAssertEqual(h1, 0xe34b_bc7b_bc07_1b6c)
        XCTAssertEqual(h2, 0x7a43_3ca9_c49a_9347)
    }

    func testKeyIs32HexDigitsAndStableAcrossCalls() {
        let p = Person(name: "张伟", namePinyin: "zhangwei", mobile: "13812345678")
        let key = PersonKey.of(p)
        XCTAssertEqual(key.count, 32)
        XCTAssertTrue(key.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        XCTAssertEqual(key, PersonKey.of(p))
    }

    func testNilAndEmptyFieldGiveDifferentKeys() {
        XCTAssertNotEqual(PersonKey.of(Person(address: nil)), PersonKey.of(Person(address: "")))
    }

    func testTextMovingBetweenAdjacentFieldsGivesDifferentKeys() {
        XCTAssertNotEqual(PersonKey.of(Person(province: "广东省广州市", city: nil)),
                          PersonKey.of(Person(province: "广东省", city: "广州市")))
    }
}
