import XCTest
@testable import Dedupe

final class DigestIndexTests: XCTestCase {
    func testSlotsSurviveGrowingFromATinyTableAndAbsentKeysAreNotFound() {
        var index = DigestIndex(capacity: 1)
        let keys = (0..<5_000).map { KeyDigest("m:139\($0)") }
        for (i, k) in keys.enumerated() { XCTAssertEqual(index.slot(k, insertingIfAbsent: Int32(i)), Int32(i)) }
        for (i, k) in keys.enumerated() {
            XCTAssertEqual(index.slot(k), Int32(i))
            XCTAssertEqual(index.slot(k, insertingIfAbsent: 99_999), Int32(i), "present keys keep their slot")
        }
        XCTAssertEqual(index.count, keys.count)
        XCTAssertNil(index.slot(KeyDigest("m:13900000000|absent")))
        // Digests equal in their low word (the bucket) but not the high one are different keys.
        var clash = DigestIndex(capacity: 4)
        XCTAssertEqual(clash.slot(KeyDigest(high: 1, low: 42), insertingIfAbsent: 0), 0)
        XCTAssertEqual(clash.slot(KeyDigest(high: 2, low: 42), insertingIfAbsent: 1), 1)
        XCTAssertEqual(clash.slot(KeyDigest(high: 1, low: 42)), 0)
        XCTAssertNil(clash.slot(KeyDigest(high: 3, low: 42)))
    }
}
