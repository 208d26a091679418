import XCTest
@testable import Synth

final class SimulationTests: XCTestCase {
    private func simulate(customers: Int, seed: UInt64) -> ([SimPerson], History) {
        let config = SynthConfig(customers: customers, seed: seed)
        var builder = PopulationBuilder(rng: Xoshiro(seed: seed))
        let persons = builder.build(count: customers)
        var simulation = Simulation(persons: persons, config: config, rng: Xoshiro(seed: seed &+ 1))
        return (persons, simulation.run())
    }

    /// Order value relative to the customer's own mean, so the comparison is not about who gets called.
    func testCustomersReachedByACallSpendMoreThanThoseNeverReached() {
        let (persons, history) = simulate(customers: 6000, seed: 77)
        var firstReached = [Int: Int32]()
        for c in history.calls where c.outcome >= 2 {
            firstReached[Int(c.person)] = min(firstReached[Int(c.person)] ?? .max, c.day)
        }
        var firstOrder = [Int: Int32]()
        for s in history.sales { firstOrder[Int(s.person)] = min(firstOrder[Int(s.person)] ?? .max, s.day) }
        var afterCall: [Double] = [], neverCalled: [Double] = []
        for s in history.sales where s.channel != .phone {
            let p = Int(s.person)
            let expected = persons[p].meanSpend * Catalogue.categories[Int(s.category)].basePrice / 3000
            let ratio = Double(s.unitPrice) / expected
            if let reached = firstReached[p] {
                if s.day > reached { afterCall.append(ratio) }
            } else if s.day - firstOrder[p]! > 365 {
                neverCalled.append(ratio)
            }
        }
        XCTAssertGreaterThan(afterCall.count, 300)
        XCTAssertGreaterThan(neverCalled.count, 300)
        let lift = (afterCall.reduce(0, +) / Double(afterCall.count)) / (neverCalled.reduce(0, +) / Double(neverCalled.count))
        XCTAssertEqual(lift, 1.06 / 0.92, accuracy: 0.08)
    }

    func testSoldCallsBecomePhoneOrdersAndLapsedOnesDoNot() {
        let (_, history) = simulate(customers: 4000, seed: 5)
        let sold = history.calls.filter { $0.outcome == 4 }
        let lapsed = history.calls.filter { $0.outcome == 5 }
        let phone = history.sales.filter { $0.channel == .phone && $0.lineNo == 1 }
        XCTAssertFalse(sold.isEmpty)
        XCTAssertEqual(phone.count, sold.count)
        XCTAssertEqual(Set(phone.map { "\($0.person)-\($0.day)-\($0.unitPrice)" }),
                       Set(sold.map { "\($0.person)-\($0.day)-\($0.amount)" }))
        XCTAssertTrue(lapsed.allSatisfy { $0.amount > 0 })
    }

    func testNoPurchaseAfterTheLastDayAndCardsWithinSixtyDays() {
        let (_, history) = simulate(customers: 2000, seed: 9)
        let last = Int32(SynthDate(2025, 6, 30).dayNumber)
        XCTAssertTrue(history.sales.allSatisfy { $0.day <= last })
        XCTAssertTrue(history.warranty.allSatisfy { $0.registeredDay >= $0.purchaseDay && $0.registeredDay - $0.purchaseDay <= 60 })
        let cardShare = Double(history.warranty.count) / Double(history.sales.count)
        XCTAssertEqual(cardShare, 0.6, accuracy: 0.06, "cards registered after the last day are not written")
    }
}
