import Cleanse
import XCTest
@testable import Dedupe

/// The linker cuts its work into shards run concurrently; whatever the number of shards and
/// however the threads interleave, it must decide exactly the same thing.
final class LinkerShardTests: XCTestCase {
    func testEveryShardCountGivesTheSameCustomersKeysMergesAndStatistics() throws {
        var rng = SeededGenerator(state: 7)
        let records = SyntheticPeople.make(people: 4_000, rng: &rng).map(\.person)
        // Two earlier runs that never met saw disjoint halves of the first two thirds: the same
        // person often got an id in each, so today, seeing records of both, must merge them.
        let earlier = Array(records.prefix(records.count * 2 / 3))
        let first = Linker.link(observations(earlier.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)), known: .empty)
        let second = Linker.link(observations(earlier.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)),
                                 known: IdentityMap(nextCustomerId: first.nextCustomerId))
        let history = IdentityMap.empty.applying(first).applying(second)
        let today = observations(Array(records.suffix(records.count / 3)) + earlier.enumerated().filter { $0.offset % 3 == 0 }.map(\.element))

        let reference = Linker.link(today, rules: .default, shards: 1) { history.subset(for: $0) }
        XCTAssertGreaterThan(reference.merges.count, 0, "the fixture must exercise merges")
        XCTAssertGreaterThan(reference.stats.matchedExisting, 0)
        XCTAssertGreaterThan(reference.stats.newCustomers, 0)
        XCTAssertGreaterThan(reference.stats.fuzzyNameLinks, 0)
        for shards in [2, 3, 5, 8, 8, 2] {
            var request: HistoryRequest?
            let sharded = Linker.link(today, rules: .default, shards: shards) {
                request = $0
                return history.subset(for: $0)
            }
            assertSame(sharded, reference, "\(shards) shards")
            let asked = try XCTUnwrap(request)
            XCTAssertEqual(Set(asked.keys).count, asked.keys.count, "\(shards) shards ask for a key twice")
            XCTAssertEqual(Set(asked.blocks).count, asked.blocks.count, "\(shards) shards ask for a block twice")
        }
        // Ranges are cut in the caller's order; another order (repeats included) decides the same.
        var shuffled = today + today.prefix(500)
        shuffled.shuffle(using: &rng)
        let reordered = Linker.link(shuffled, rules: .default, shards: 3) { history.subset(for: $0) }
        XCTAssertEqual(reordered.assignment, reference.assignment)
        XCTAssertEqual(reordered.newIdentityKeys.map(\.key), reference.newIdentityKeys.map(\.key))
        XCTAssertEqual(reordered.newIdentityKeys.map(\.customerId), reference.newIdentityKeys.map(\.customerId))
        XCTAssertEqual(reordered.merges.map { [$0.from, $0.to] }, reference.merges.map { [$0.from, $0.to] })
        XCTAssertEqual(reordered.nextCustomerId, reference.nextCustomerId)
    }

    func testMoreShardsThanObservationsLinkLikeOne() {
        let people = [person("张伟", "zhangwei", mobile: "13812345678"), person("ZhangWie", "zhangwie", mobile: "13812345678"),
                      person(nil, nil, mobile: "13812345678")]
        let one = Linker.link(observations(people), rules: .default, shards: 1) { _ in .empty }
        let many = Linker.link(observations(people), rules: .default, shards: 16) { _ in .empty }
        assertSame(many, one, "16 shards")
        XCTAssertEqual(Set(one.customers).count, 1)
        XCTAssertEqual(Linker.link([], rules: .default, shards: 4) { _ in .empty }.stats.clusters, 0)
    }

    private func observations(_ people: [Person]) -> [PersonObservation] { people.map { PersonObservation(person: $0) } }

    private func assertSame(_ a: LinkResult, _ b: LinkResult, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.personKeys, b.personKeys, what, file: file, line: line)
        XCTAssertEqual(a.customerOfPerson, b.customerOfPerson, what, file: file, line: line)
        XCTAssertEqual(a.customers, b.customers, what, file: file, line: line)
        XCTAssertEqual(a.newIdentityKeys.map(\.key), b.newIdentityKeys.map(\.key), what, file: file, line: line)
        XCTAssertEqual(a.newIdentityKeys.map(\.customerId), b.newIdentityKeys.map(\.customerId), what, file: file, line: line)
        XCTAssertEqual(a.merges.map { [$0.from, $0.to] }, b.merges.map { [$0.from, $0.to] }, what, file: file, line: line)
        XCTAssertEqual(a.nextCustomerId, b.nextCustomerId, what, file: file, line: line)
        XCTAssertEqual(a.stats, b.stats, what, file: file, line: line)
    }
}
