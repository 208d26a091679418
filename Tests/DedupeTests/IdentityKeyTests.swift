import Cleanse
import XCTest
@testable import Dedupe

/// Identity keys are persisted: their text must not drift.
final class IdentityKeyTests: XCTestCase {
    func testHanNameGivesCardMobileLandlineAndAddressKeysWithPlainPinyin() {
        let p = person("张伟", "zhangwei", mobile: "13812345678", landline: "02087654321", card: "VIP1",
                       address: "天河区体育西路1号")
        let identity = IdentityKeys(of: p, personKey: PersonKey.of(p), rules: .default)
        XCTAssertEqual(identity.keys, [
            "c:VIP1", "m:13812345678|zhangwei", "l:02087654321|zhangwei",
            "a:" + StableHash128.hex("天河区体育西路1号") + "|zhangwei",
        ])
        XCTAssertEqual(identity.blocks.map(\.block), ["m:13812345678", "l:02087654321", "a:" + StableHash128.hex("天河区体育西路1号")])
    }

    func testLatinNameIsMarkedRomanisedWithATilde() {
        let p = person("ZhangWie", "zhangwie", mobile: "13812345678")
        XCTAssertEqual(IdentityKeys(of: p, personKey: "k", rules: .default).keys, ["m:13812345678|~zhangwie"])
    }

    func testNamelessMobileGetsItsOwnKeyAndNoLandlineOrAddressKey() {
        let p = person(nil, nil, mobile: "13812345678", landline: "02087654321", address: "天河区体育西路1号")
        let identity = IdentityKeys(of: p, personKey: "k", rules: .default)
        XCTAssertEqual(identity.keys, ["n:13812345678"])
        XCTAssertEqual(identity.blocks.count, 1)
        XCTAssertNil(identity.blocks[0].pinyin)
    }

    func testRecordWithOnlyANameFallsBackToItsPersonKey() {
        let p = person("王伟", "wangwei", city: "北京市")
        XCTAssertEqual(IdentityKeys(of: p, personKey: PersonKey.of(p), rules: .default).keys, ["p:" + PersonKey.of(p)])
    }

    func testSwitchedOffMemberCardIsNotAKey() {
        let p = person("张伟", "zhangwei", card: "VIP1")
        XCTAssertEqual(IdentityKeys(of: p, personKey: "k", rules: LinkRules(linkOnMemberCard: false)).keys, ["p:k"])
    }

    func testNameWithBarOrTildeCannotBreakTheKeyLayout() {
        let token = NameToken(of: person("a|b", "~a|b"))
        XCTAssertEqual(token, NameToken(pinyin: "ab", romanised: true))
    }

    func testSplitTakesTheLastBarSoAddressesMayContainOne() {
        let split = IdentityKeys.split("a:x|y|~zhangwie")
        XCTAssertEqual(split?.block, "a:x|y")
        XCTAssertEqual(split?.pinyin, "~zhangwie")
        XCTAssertNil(IdentityKeys.split("c:VIP1"))
    }
}
