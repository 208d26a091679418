import Cleanse
import XCTest
@testable import Dedupe

/// Linking against only the history a run asks for (`HistoryRequest`) must decide exactly what
/// linking against the whole history decides: the pipeline reads just that part from PostgreSQL.
final class LinkerHistoryTests: XCTestCase {
    func testLinkingAgainstTheRequestedSubsetEqualsLinkingAgainstTheWholeHistory() throws {
        var rng = SeededGenerator(state: 11)
        let records = SyntheticPeople.make(people: 3_000, rng: &rng).map(\.person)
        // Yesterday saw two thirds of the records; today sees the rest and a third of the old ones
        // again, so today meets history through exact keys, through blocks and through merges.
        let yesterday = Array(records.prefix(records.count * 2 / 3))
        let today = Array(records.suffix(records.count / 3)) + yesterday.enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
        let history = IdentityMap.empty.applying(customerIds(yesterday).result)

        let whole = Linker.link(today.map { PersonObservation(person: $0) }, known: history)
        var requested: HistoryRequest?
        let subset = Linker.link(today.map { PersonObservation(person: $0) }) { request in
            requested = request
            return history.subset(for: request)
        }

        XCTAssertEqual(subset.assignment, whole.assignment)
        XCTAssertEqual(subset.customers, whole.customers)
        XCTAssertEqual(subset.newIdentityKeys.map(\.key), whole.newIdentityKeys.map(\.key))
        XCTAssertEqual(subset.newIdentityKeys.map(\.customerId), whole.newIdentityKeys.map(\.customerId))
        XCTAssertEqual(subset.merges.map { [$0.from, $0.to] }, whole.merges.map { [$0.from, $0.to] })
        XCTAssertEqual(subset.stats, whole.stats)
        XCTAssertGreaterThan(whole.stats.matchedExisting, 0)
        let asked = history.subset(for: try XCTUnwrap(requested)).keys.count
        XCTAssertLessThan(asked, history.keys.count, "the request leaves out history today cannot touch")
        XCTAssertGreaterThan(asked, 0)
    }

    func testATypoTodayFindsYesterdaysNameThroughItsBlockAlone() throws {
        let history = IdentityMap(keys: ["m:13812345678|zhangwei": 42, "m:13999999999|zhangwei": 7, "c:VIP0001": 9],
                                  nextCustomerId: 43)
        var requested: HistoryRequest?
        let result = Linker.link([PersonObservation(person: person("ZhangWie", "zhangwie", mobile: "13812345678"))]) { request in
            requested = request
            return history.subset(for: request)
        }
        let request = try XCTUnwrap(requested)
        XCTAssertEqual(request.blocks, ["m:13812345678"])
        XCTAssertEqual(request.keys, [], "a name-bearing key is covered by its block")
        XCTAssertEqual(history.subset(for: request).keys, ["m:13812345678|zhangwei": 42])
        XCTAssertEqual(result.customers, [42])
    }

    func testKeysWithoutABlockAreRequestedExactly() {
        var asked: HistoryRequest?
        _ = Linker.link([PersonObservation(person: person(nil, nil, mobile: "13812345678", card: "VIP0001"))]) {
            asked = $0
            return .empty
        }
        XCTAssertEqual(asked.map { Set($0.keys) }, ["c:VIP0001", "n:13812345678"])
        XCTAssertEqual(asked?.blocks, ["m:13812345678"])
    }
}
