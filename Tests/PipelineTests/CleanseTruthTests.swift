import Foundation
import Pipeline
import TestSupport
import Warehouse
import XCTest

/// Cleanse against the generator's truth on a real server: every unusable field value the truth
/// plants is nulled and recorded with its field and code, and nothing else is; the nightly
/// increments are held to the same standard as the base delivery. (The base delivery's rejects
/// are checked in `NightlyRunTests`.)
final class CleanseTruthTests: XCTestCase {
    func testFieldIssuesMatchTheTruthExactly() throws {
        let url = try TestDatabase.fresh()
        let summary = try PipelineFixture.run(url)
        let db = try PostgresConnection.connect(url)

        let got = Set(try db.query("SELECT file_name, line, field, code FROM etl.field_issue WHERE run_id = $1", [String(summary.runId)])
            .rows.map { "base/\($0[0]!)#\($0[1]!)#\($0[2]!)#\($0[3]!)" })
        let want = Set(try PipelineFixture.truth("field_issues.csv").filter { $0["file"]!.hasPrefix("base/") }
            .map { "\($0["file"]!)#\($0["line"]!)#\($0["field"]!)#\($0["code"]!)" })
        XCTAssertGreaterThan(want.count, 0, "the generator must plant some unusable field values")
        XCTAssertEqual(want.subtracting(got).sorted().prefix(10), [], "planted but not recorded with that field and code")
        XCTAssertEqual(got.subtracting(want).sorted().prefix(10), [], "recorded but not planted")

        // The ledger counts what the table holds, file by file.
        XCTAssertEqual(try db.int("""
            SELECT count(*) FROM etl.run_file f
            WHERE f.run_id = $1 AND f.field_issues <> (SELECT count(*) FROM etl.field_issue i WHERE i.run_id = f.run_id AND i.file_name = f.file_name)
            """, [String(summary.runId)]), 0)
    }

    func testNightlyIncrementsRejectAndFlagExactlyWhatTheTruthSays() throws {
        let url = try TestDatabase.fresh()
        try PipelineFixture.run(url)
        let db = try PostgresConnection.connect(url)
        let rejectTruth = try PipelineFixture.truth("rejects.csv")
        let issueTruth = try PipelineFixture.truth("field_issues.csv")
        let nights = try FileManager.default.contentsOfDirectory(atPath: PipelineFixture.dataDir.appendingPathComponent("nights").path).sorted()
        XCTAssertFalse(nights.isEmpty)
        for night in nights {
            let summary = try PipelineFixture.run(url, data: "nights/\(night)")
            let run = [String(summary.runId)]
            XCTAssertTrue(summary.files.allSatisfy { $0.status == .loaded }, night)
            let prefix = "nights/\(night)/"
            let rejects = Set(try db.query("SELECT file_name, line, reason_code FROM etl.reject WHERE run_id = $1", run)
                .rows.map { "\(prefix)\($0[0]!)#\($0[1]!)#\($0[2]!)" })
            let wantRejects = Set(rejectTruth.filter { $0["file"]!.hasPrefix(prefix) }
                .map { "\($0["file"]!)#\($0["line"]!)#\($0["reason_code"]!)" })
            XCTAssertEqual(rejects.symmetricDifference(wantRejects).sorted().prefix(10), [], night)
            let issues = Set(try db.query("SELECT file_name, line, field, code FROM etl.field_issue WHERE run_id = $1", run)
                .rows.map { "\(prefix)\($0[0]!)#\($0[1]!)#\($0[2]!)#\($0[3]!)" })
            let wantIssues = Set(issueTruth.filter { $0["file"]!.hasPrefix(prefix) }
                .map { "\($0["file"]!)#\($0["line"]!)#\($0["field"]!)#\($0["code"]!)" })
            XCTAssertEqual(issues.symmetricDifference(wantIssues).sorted().prefix(10), [], night)
            XCTAssertGreaterThan(summary.rowsLoaded, 0, night)
        }
    }
}
