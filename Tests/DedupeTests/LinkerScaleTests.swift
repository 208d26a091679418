import Cleanse
import Foundation
import XCTest
@testable import Dedupe

final class LinkerScaleTests: XCTestCase {
    func test200kSyntheticObservationsLinkQuicklyAndAccurately() {
        var rng = SeededGenerator(state: 2026)
        var records: [SyntheticPeople.Record] = []
        while records.count < 200_000 {
            records += SyntheticPeople.make(people: 1_000, firstId: records.count, rng: &rng)
        }
        var truth: [String: String] = [:]
        let observations = records.map { r -> PersonObservation in
            let o = PersonObservation(person: r.person)
            truth[o.key] = r.truth
            return o
        }

        let start = Date()
        let result = Linker.link(observations, known: .empty)
        let seconds = Date().timeIntervalSince(start)
        let quality = LinkQuality.pairwise(predicted: result.assignment, truth: truth)
        print(String(format: "linked %d observations into %d customers in %.2f s (pairs compared %d); precision %.4f recall %.4f f1 %.4f",
                     result.stats.observations, result.stats.clusters, seconds, result.stats.pairsCompared,
                     quality.precision, quality.recall, quality.f1))

        XCTAssertEqual(result.assignment.count, result.stats.observations)
        XCTAssertLessThan(seconds, 30, "debug build on a shared 2-core machine; release is several times faster")
        XCTAssertGreaterThan(quality.precision, 0.99)
        XCTAssertGreaterThan(quality.recall, 0.99)

        let rerun = Linker.link(observations, known: IdentityMap.empty.applying(result))
        XCTAssertEqual(rerun.assignment, result.assignment)
        XCTAssertEqual(rerun.stats.newCustomers, 0)
    }
}
