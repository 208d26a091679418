import Foundation
import XCTest
@testable import Synth

final class DirtAndBehaviourTests: XCTestCase {
    /// 5k customers with every fault at 1% (and re-exports at 2%), so each count is large enough
    /// to hold the generator to ±35% of the configured rate.
    static let dirty = try! GeneratedSet(name: "dirty", config: SynthConfig(
        customers: 5000, seed: 11,
        dirt: DirtRates(maskedMobile: 0.01, placeholderMobile: 0.01, spreadsheetMobile: 0.01, unknownCategory: 0.01,
                        impossibleBirthYear: 0.01, unknownProvince: 0.01, raggedRow: 0.01, missingKey: 0.01,
                        missingDate: 0.01, invalidDate: 0.01, invalidAmount: 0.01, invalidOutcome: 0.01,
                        unidentifiable: 0.01, reExportedRows: 0.02)))

    private func count(_ file: String, where predicate: ([String]) -> Bool) throws -> Int {
        try Self.dirty.table(file).rows.values.filter(predicate).count
    }

    private func assertRate(_ observed: Int, of rows: Int, expected: Double, _ what: String,
                            file: StaticString = #filePath, line: UInt = #line) {
        let rate = Double(observed) / Double(rows)
        XCTAssertGreaterThan(rate, expected * 0.65, "\(what): \(observed)/\(rows)", file: file, line: line)
        XCTAssertLessThan(rate, expected * 1.35, "\(what): \(observed)/\(rows)", file: file, line: line)
    }

    func testRejectRatesMatchConfiguration() throws {
        let s = Self.dirty.summary
        let all = s.salesLines + s.warrantyCards + s.contactAttempts
        for code in ["csv.ragged", "key.missing", "date.missing", "date.invalid", "customer.unidentifiable"] {
            assertRate(try count("truth/rejects.csv") { $0[2] == code }, of: all, expected: 0.01, code)
        }
        assertRate(try count("truth/rejects.csv") { $0[2] == "amount.invalid" }, of: s.salesLines, expected: 0.01, "amount")
        assertRate(try count("truth/rejects.csv") { $0[2] == "outcome.invalid" }, of: s.contactAttempts, expected: 0.01, "outcome")
        XCTAssertEqual(try count("truth/rejects.csv") { $0[2] == "amount.invalid" && !$0[0].contains("/sales/") }, 0)
    }

    func testFieldIssueRatesMatchConfiguration() throws {
        let s = Self.dirty.summary
        let salesAndCards = s.salesLines + s.warrantyCards
        // Mobile faults are skipped on rows with no other identifier (about a tenth of them).
        for code in ["mobile.masked", "mobile.placeholder", "mobile.spreadsheet_damage"] {
            assertRate(try count("truth/field_issues.csv") { $0[3] == code }, of: salesAndCards, expected: 0.009, code)
        }
        assertRate(try count("truth/field_issues.csv") { $0[3] == "category.unknown" }, of: salesAndCards, expected: 0.01, "category")
        assertRate(try count("truth/field_issues.csv") { $0[3] == "birth_year.impossible" }, of: s.warrantyCards,
                   expected: 0.01, "birth year")
        XCTAssertEqual(try count("truth/field_issues.csv") { $0[0].contains("/contacts/") }, 0)
    }

    func testMaskedMobileRowsKeepAnotherIdentifier() throws {
        let issues = try Self.dirty.table("truth/field_issues.csv").rows.values.filter {
            $0[3].hasPrefix("mobile.") && $0[0].hasPrefix("base/sales/sales_20")
        }
        XCTAssertFalse(issues.isEmpty)
        for issue in issues {
            let table = try Self.dirty.table(issue[0])
            let fields = table.rows[Int(issue[1])!]!
            XCTAssertFalse(fields[table.column("landline")].isEmpty && fields[table.column("member_card")].isEmpty,
                           "\(issue[0]):\(issue[1]) has no identifier left")
            if issue[3] == "mobile.masked" { XCTAssertTrue(fields[table.column("mobile")].contains("****")) }
        }
    }

    func testBaseReExportRateMatchesConfiguration() throws {
        let late = "base/sales/sales_2023_2025.csv"
        let duplicates = try count("truth/duplicates.csv") { $0[0] == late }
        assertRate(duplicates, of: Self.dirty.summary.files[late]!, expected: 0.02, "re-exports")
    }

    func testCleanRatesWriteNoFaultsAndPlainForms() throws {
        let set = try GeneratedSet(name: "clean", config: SynthConfig(customers: 500, seed: 5, nights: 1, dirt: .clean))
        XCTAssertEqual(set.summary.rejectsExpected, 0)
        XCTAssertEqual(set.summary.fieldIssuesExpected, 0)
        XCTAssertEqual(set.summary.duplicatesExpected, 0)
        let sales = try set.table("base/sales/sales_2019_2022.csv")
        for row in sales.rows.values {
            XCTAssertEqual(row[sales.column("mobile")].count, 11)
            XCTAssertEqual(row[sales.column("order_date")].count, 10)
            XCTAssertTrue(row[sales.column("amount")].hasSuffix(".00"))
        }
    }

    func testTopFifthOfCustomersBringsMostRevenue() throws {
        let persons = try Self.dirty.table("truth/persons.csv")
        let revenue = persons.rows.values.map { Double($0[persons.column("revenue")])! }.filter { $0 > 0 }.sorted(by: >)
        let share = revenue.prefix(revenue.count / 5).reduce(0, +) / revenue.reduce(0, +)
        XCTAssertGreaterThanOrEqual(share, 0.5)
        XCTAssertLessThan(share, 0.9)
        XCTAssertEqual(share, Self.dirty.summary.topQuintileRevenueShare, accuracy: 0.01)
    }

    func testMostOwnersOwnOneCategoryAndAboutFortyPercentHoldACard() throws {
        let persons = try Self.dirty.table("truth/persons.csv")
        let owners = persons.rows.values.filter { !$0[persons.column("categories")].isEmpty }
        let single = owners.filter { !$0[persons.column("categories")].contains(";") }.count
        XCTAssertEqual(Double(single) / Double(owners.count), 0.75, accuracy: 0.06)
        let cards = persons.rows.values.filter { !$0[persons.column("member_card")].isEmpty }.count
        XCTAssertEqual(Double(cards) / Double(persons.rows.count), 0.4, accuracy: 0.04)
    }

    func testCallsFollowTheFunnelAndHappenAtPlausibleHours() throws {
        let table = try Self.dirty.table("base/contacts/contacts_2019_2022.csv")
        let outcome = table.column("outcome"), at = table.column("called_at")
        let valid = table.rows.values.filter { $0.count == table.header.count && !$0[at].isEmpty && $0[at].contains(":") }
        func share(_ values: Set<String>) -> Double {
            Double(valid.filter { values.contains($0[outcome]) }.count) / Double(valid.count)
        }
        XCTAssertGreaterThan(valid.count, 500)
        // Retries after no answer lower the per-attempt connect rate below the per-customer 60%.
        XCTAssertEqual(share(["unreachable"]), 0.5, accuracy: 0.12)
        for row in valid {
            let hour = Int(row[at].split(separator: " ")[1].prefix(2))!
            XCTAssertTrue((9...11).contains(hour) || (14...20).contains(hour), row[at])
        }
    }
}
