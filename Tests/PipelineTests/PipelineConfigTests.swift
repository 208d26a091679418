import Foundation
import Pipeline
import XCTest

final class PipelineConfigTests: XCTestCase {
    let file = URL(fileURLWithPath: "/tmp/test.toml")

    func testTheShippedNightlyPipelineIsValid() throws {
        let c = try PipelineFixture.config()
        XCTAssertEqual(Set(c.sources.map(\.kind.rawValue)), ["sales", "warranty", "contact"])
    }

    func testMisspelledKeyIsReportedWithItsLineAndASuggestion() {
        let text = """
            [pipeline]
            name = "n"

            [sources.sales]
            kind = "sales"
            encodng = "big5"
            """
        XCTAssertThrowsError(try PipelineConfig.parse(text, file: file)) { error in
            let e = error as! ConfigError
            XCTAssertEqual(e.problems.count, 1)
            XCTAssertEqual(e.problems.first?.line, 6)
            XCTAssertEqual(e.problems.first?.key, "sources.sales.encodng")
            XCTAssertTrue(e.description.contains("did you mean \"encoding\""), e.description)
        }
    }

    func testEveryProblemIsReportedAtOnce() {
        let text = """
            [pipeline]
            name = "n"
            [sources.sales]
            kind = "invoices"
            [sources.calls]
            kind = "contact"
            encoding = "latin9"
            [scoring]
            current_high_share = 2
            """
        XCTAssertThrowsError(try PipelineConfig.parse(text, file: file)) { error in
            let e = error as! ConfigError
            XCTAssertEqual(e.problems.map(\.line), [4, 7, 9], e.description)
        }
    }

    func testSyntaxErrorNamesItsLine() {
        XCTAssertThrowsError(try PipelineConfig.parse("[pipeline]\nname = \"x\nkind = 1", file: file)) { error in
            XCTAssertEqual((error as! ConfigError).problems.first?.line, 2, "\(error)")
        }
    }

    func testHeaderlessSourceWithoutPositionsIsRejected() {
        let text = "[pipeline]\nname = \"n\"\n[sources.s]\nkind = \"sales\"\nheader = false\n"
        XCTAssertThrowsError(try PipelineConfig.parse(text, file: file)) { error in
            XCTAssertEqual((error as! ConfigError).problems.first?.key, "sources.s.header")
        }
    }

    func testColumnAliasesMustNameCanonicalFields() {
        let text = "[pipeline]\nname = \"n\"\n[sources.s]\nkind = \"sales\"\n[sources.s.columns]\nphone = \"电话号码\"\n"
        XCTAssertThrowsError(try PipelineConfig.parse(text, file: file)) { error in
            let e = error as! ConfigError
            XCTAssertEqual(e.problems.first?.line, 6)
            XCTAssertTrue(e.description.contains("mobile"), e.description)
        }
    }

    func testOutcomeSynonymsMustNameAnOutcome() throws {
        let ok = "[pipeline]\nname = \"n\"\n[sources.c]\nkind = \"contact\"\n[cleanse.outcome_synonyms]\n\"挂断\" = \"reached\"\n"
        XCTAssertEqual(try PipelineConfig.parse(ok, file: file).cleanse.outcomeSynonyms["挂断"], "reached")
        let bad = ok.replacingOccurrences(of: "\"reached\"", with: "\"hung_up\"")
        XCTAssertThrowsError(try PipelineConfig.parse(bad, file: file)) { error in
            XCTAssertEqual((error as! ConfigError).problems.first?.line, 6, "\(error)")
        }
    }
}
