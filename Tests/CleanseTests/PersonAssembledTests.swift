import XCTest
@testable import Cleanse

/// `Person.assembled` initialises fields through pointers, so a field it misses would be read
/// uninitialised; these fail first.
final class PersonAssembledTests: XCTestCase {
    func testAssembledSetsEveryStoredFieldOfPerson() {
        XCTAssertEqual(Mirror(reflecting: Person()).children.count, Person.assembledFieldCount,
                       "Person gained or lost a stored field: initialise it in Person.assembled and update assembledFieldCount")
    }

    func testAssembledEqualsTheInitWithTheSameArguments() {
        let long = String(repeating: "广州市天河区", count: 5)
        let viaInit = Person(name: "张伟", namePinyin: "zhangwei", gender: "M", birthYear: 1980, mobile: "13812345678",
                             landline: "02112345678", memberCard: "M123", province: "广东省", city: "广州市", address: long)
        let assembled = Person.assembled(name: "张伟", namePinyin: "zhangwei", gender: "M", birthYear: 1980, mobile: "13812345678",
                                         landline: "02112345678", memberCard: "M123", province: "广东省", city: "广州市", address: long)
        XCTAssertEqual(assembled, viaInit)
        XCTAssertEqual(String(describing: assembled), String(describing: viaInit))
        let empty = Person.assembled(name: nil, namePinyin: nil, gender: nil, birthYear: nil, mobile: nil,
                                     landline: nil, memberCard: nil, province: nil, city: nil, address: nil)
        XCTAssertEqual(empty, Person())
    }
}
