import Cleanse
import XCTest
@testable import Dedupe

final class SurvivorshipTests: XCTestCase {
    func testMostFrequentNonNilValueWinsEachField() {
        let golden = Survivorship.golden([
            person("张伟", "zhangwei", mobile: "13812345678", birthYear: 1980),
            person("张伟", "zhangwei", mobile: "13987654321", birthYear: nil),
            person(nil, nil, mobile: "13812345678", birthYear: 1980),
            person("ZhangWie", "zhangwie", mobile: nil, birthYear: 1981),
        ])
        XCTAssertEqual(golden.name, "张伟")
        XCTAssertEqual(golden.namePinyin, "zhangwei")
        XCTAssertEqual(golden.mobile, "13812345678")
        XCTAssertEqual(golden.birthYear, 1980)
    }

    func testTieGoesToTheLongerMoreCompleteAddressWhateverTheOrder() {
        let short = person(city: "广州市", address: "天河区体育西路")
        let long = person(city: "广州市", address: "天河区体育西路1号")
        XCTAssertEqual(Survivorship.golden([short, long]).address, "天河区体育西路1号")
        XCTAssertEqual(Survivorship.golden([long, short]).address, "天河区体育西路1号")
    }

    func testPinyinFollowsTheChosenNameNotTheOverallMajority() {
        let golden = Survivorship.golden([
            person("张伟", "zhangwei"), person("张伟", "zhangwei"), person("张伟", "zhangwie"),
            person("章伟", "zhangwie"), person("章伟", "zhangwie"),
        ])
        XCTAssertEqual(golden.name, "张伟")
        XCTAssertEqual(golden.namePinyin, "zhangwei")
    }

    func testAddressComesFromTheChosenCity() {
        let golden = Survivorship.golden([
            person(city: "广州市", address: "天河区体育西路1号"),
            person(city: "广州市", address: "天河区体育西路1号"),
            person(city: "深圳市", address: "南山区科技园一路100号"),
            person(city: "广州市"),
        ])
        XCTAssertEqual(golden.city, "广州市")
        XCTAssertEqual(golden.address, "天河区体育西路1号")
    }

    func testEmptyClusterGivesAllNilPerson() {
        XCTAssertEqual(Survivorship.golden([]), Person())
    }
}
