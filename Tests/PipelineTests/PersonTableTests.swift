import Cleanse
import Dedupe
@testable import Pipeline
import XCTest

final class PersonTableTests: XCTestCase {
    func testRepeatedPersonCountsAndWidensItsDatesAndKeepsOneKey() {
        var t = PersonTable()
        var h = PersonKeyHasher()
        let p = Person(name: "张伟", mobile: "13800000001")
        let k1 = t.sight(p, digest: h.digest(p), on: Day(year: 2025, month: 3, day: 5))
        let k2 = t.sight(p, digest: h.digest(p), on: Day(year: 2024, month: 1, day: 1))
        XCTAssertEqual(k1, k2)
        XCTAssertEqual(k1, PersonKey.of(p))
        XCTAssertEqual(t.count, 1)
        XCTAssertEqual(t.sightings[0].count, 2)
        XCTAssertEqual(t.sightings[0].firstSeen, Day(year: 2024, month: 1, day: 1))
        XCTAssertEqual(t.sightings[0].lastSeen, Day(year: 2025, month: 3, day: 5))
    }

    func testAbsorbingAFileTableAddsNewPersonsAndFoldsKnownOnes() {
        var h = PersonKeyHasher()
        let a = Person(name: "甲"), b = Person(name: "乙")
        var run = PersonTable(), file = PersonTable()
        _ = run.sight(a, digest: h.digest(a), on: Day(year: 2025, month: 1, day: 1))
        _ = file.sight(a, digest: h.digest(a), on: Day(year: 2025, month: 2, day: 1))
        _ = file.sight(b, digest: h.digest(b), on: Day(year: 2025, month: 2, day: 1))
        run.absorb(file)
        XCTAssertEqual(run.count, 2)
        let first = run.sightings.first { $0.person == a }
        XCTAssertEqual(first?.count, 2)
        XCTAssertEqual(first?.lastSeen, Day(year: 2025, month: 2, day: 1))
    }
}
