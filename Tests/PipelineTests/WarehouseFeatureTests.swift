import Foundation
import Pipeline
import TestSupport
import Warehouse
import XCTest

/// Warehouse rules beyond the nightly basics: corrected files, the holiday calendar, geography.
final class WarehouseFeatureTests: XCTestCase {
    /// A private copy of the fixture's base deliveries, so a test can edit files in place.
    private func copyOfBase() throws -> URL {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("starcard-dw-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.copyItem(at: PipelineFixture.dataDir.appendingPathComponent("base"), to: dir)
        return dir
    }

    private func run(_ url: String, _ data: URL) throws -> RunSummary {
        try PipelineFixture.runner(url).run(RunOptions(dataDir: data))
    }

    func testCorrectedFileReplacesWhatItsPreviousVersionLoaded() throws {
        let data = try copyOfBase()
        let url = try TestDatabase.fresh()
        let first = try run(url, data)
        let db = try PostgresConnection.connect(url)
        let name = "sales/sales_2023_2025.csv"

        // Two order lines this file loaded itself (not merged from another file), without quoted fields.
        let file = data.appendingPathComponent(name)
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        let owned = try db.query("SELECT source_line FROM dw.fct_sales_line WHERE source_file = $1 ORDER BY source_line", [name])
            .rows.compactMap { $0[0].flatMap { Int($0) } }
            .filter { !lines[$0 - 1].contains("\"") && lines[$0 - 1].split(separator: ",", omittingEmptySubsequences: false).count == 19 }
        XCTAssertGreaterThan(owned.count, 10)
        let (corrected, removed) = (owned[3], owned[7])
        func key(_ line: Int) -> [String] { Array(lines[line - 1].split(separator: ",", omittingEmptySubsequences: false).prefix(2).map(String.init)) }
        let correctedKey = key(corrected), removedKey = key(removed)
        var fields = lines[corrected - 1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[16] = "1"; fields[17] = "12345.00"; fields[18] = "12345.00"
        lines[corrected - 1] = fields.joined(separator: ",")
        lines.remove(at: removed - 1)
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let rowsBefore = try db.int("SELECT count(*) FROM dw.fct_sales_line WHERE source_file = $1", [name])

        let second = try run(url, data)
        let amount = try db.query("SELECT amount::text FROM dw.fct_sales_line WHERE order_id = $1 AND line_no = $2", correctedKey).rows
        XCTAssertEqual(amount.map { $0[0] }, ["12345.00"], "the corrected amount replaced the old one")
        XCTAssertEqual(try db.int("SELECT count(*) FROM dw.fct_sales_line WHERE order_id = $1 AND line_no = $2", removedKey), 0,
                       "a row removed from the file disappears")
        XCTAssertEqual(try db.int("SELECT count(*) FROM dw.fct_sales_line WHERE source_file = $1", [name]), rowsBefore - 1)
        let ledger = try XCTUnwrap(second.files.first { $0.fileName == name })
        XCTAssertEqual(ledger.status, .loaded)
        XCTAssertTrue(ledger.message?.contains("replaces the version loaded in run \(first.runId)") == true, ledger.message ?? "")
        XCTAssertTrue(second.files.filter { $0.fileName != name }.allSatisfy { $0.status == .skipped })

        // The corrected version, delivered again, changes nothing.
        let tables = try db.warehouseTables()
        let before = try db.contentChecksums(tables)
        let third = try run(url, data)
        XCTAssertEqual(third.rowsLoaded, 0)
        XCTAssertEqual(try db.contentChecksums(tables), before)
    }
}
