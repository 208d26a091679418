import Cleanse
@testable import Warehouse
import XCTest

/// The SCD2 input: per customer, each attribute's newest non-null value.
final class IncomingCustomerTests: XCTestCase {
    func day(_ d: Int) -> Day { Day(year: 2025, month: 1, day: d) }

    func sighting(_ key: String, _ p: Person, first: Int, last: Int) -> PersonSighting {
        PersonSighting(key: key, person: p, count: 1, firstSeen: day(first), lastSeen: day(last))
    }

    func testNewerAddressWinsButANewerRecordWithoutMobileKeepsTheOlderMobile() {
        let old = sighting("a", Person(name: "张伟", mobile: "13800000001", address: "旧地址1号"), first: 1, last: 5)
        let new = sighting("b", Person(name: "张伟", mobile: nil, address: "新地址2号"), first: 9, last: 20)
        let out = IncomingCustomer.build([new, old], assignment: ["a": 7, "b": 7])
        XCTAssertEqual(out.count, 1)
        XCTAssertEqual(out[0].person.address, "新地址2号")
        XCTAssertEqual(out[0].person.mobile, "13800000001")
        XCTAssertEqual(out[0].firstSeen, day(1))
        XCTAssertEqual(out[0].lastSeen, day(20))
    }

    func testSameDayTieGoesToTheSmallerPersonKeyWhateverTheInputOrder() {
        let x = sighting("k1", Person(city: "广州市"), first: 3, last: 3)
        let y = sighting("k2", Person(city: "深圳市"), first: 3, last: 3)
        let a = IncomingCustomer.build([x, y], assignment: ["k1": 1, "k2": 1])
        let b = IncomingCustomer.build([y, x], assignment: ["k1": 1, "k2": 1])
        XCTAssertEqual(a[0].person.city, "广州市")
        XCTAssertEqual(b[0].person.city, "广州市")
    }

    func testCustomersComeOutInIdOrderAndUnassignedPersonsAreLeftOut() {
        let out = IncomingCustomer.build([sighting("p", Person(name: "李娜"), first: 1, last: 1),
                                          sighting("q", Person(name: "王芳"), first: 1, last: 1),
                                          sighting("r", Person(name: "无主"), first: 1, last: 1)],
                                         assignment: ["p": 9, "q": 3])
        XCTAssertEqual(out.map(\.customerId), [3, 9])
    }
}
