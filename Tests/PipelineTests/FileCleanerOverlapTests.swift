import Cleanse
import Dedupe
import Extract
import Foundation
@testable import Pipeline
import Postgres
import Warehouse
import XCTest

/// The overlapped stage loop must hand `body` exactly what the one-thread loop does, in the same
/// order, and leave the same tallies, whatever the batch size and however the loop ends.
final class FileCleanerOverlapTests: XCTestCase {
    private static let header = "order_id,line_no,order_date,store_code,store_name,channel,member_card,customer_name,mobile,landline,province,city,address,sku,model,category,quantity,unit_price,amount"

    /// 250 lines: every 7th has no order date (rejected), every 11th a bad mobile (a field issue),
    /// names repeat so persons are sighted more than once, and some values hold tabs and backslashes.
    private func salesFile(lines: Int = 250, gzipTruncated: Bool = false) throws -> URL {
        var text = Self.header + "\n"
        for i in 1...lines {
            let date = i % 7 == 0 ? "" : "2024-0\(1 + i % 9)-1\(i % 10)"
            let mobile = i % 11 == 0 ? "12345" : "1380000\(String(format: "%04d", i % 40))"
            let store = i % 13 == 0 ? "\"店\t\\名\"" : "北京中山店"
            text += "SO\(i),1,\(date),S01,\(store),store,,张伟\(i % 40),\(mobile),,北京市,北京市,海淀区\(i % 40)号,SK1,M-1,洗碗机,1,2399.00,2399.00\n"
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("overlap-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        return url
    }

    private func cleaner(_ url: URL) throws -> FileCleaner {
        let source = SourceConfig(name: "sales", kind: .sales, path: ".", pattern: "*", extract: .init(), columns: [:], positions: nil)
        return try FileCleaner(path: url.path, name: "sales.csv", source: source, rules: .default)
    }

    /// The staging text and tallies of a whole file, through either loop.
    private func staged(_ url: URL, overlapped: Bool, batchSize: Int = 1024) throws -> (text: [UInt8], read: Int, rejects: [Rejection], issues: [FieldIssue], persons: Int, latest: Day?) {
        let c = try cleaner(url)
        var encoder = CopyBinaryEncoder()
        let body: (CleanRecord, PersonDigest) throws -> Void = { record, key in
            encoder.beginRow(fieldCount: StagingTable.fieldCount(for: .sales))
            try StagingTable.encode(record, personKey: key, into: &encoder)
        }
        if overlapped { try c.forEachCleanOverlapped(batchSize: batchSize, body) } else { try c.forEachClean(body) }
        return (encoder.bytes, c.read, c.rejects, c.issues, c.persons.count, c.latest)
    }

    func testEveryBatchSizeGivesTheOneThreadLoopsRowsRejectsIssuesAndPersons() throws {
        let url = try salesFile()
        defer { try? FileManager.default.removeItem(at: url) }
        let serial = try staged(url, overlapped: false)
        XCTAssertEqual(serial.read, 250)
        XCTAssertFalse(serial.rejects.isEmpty)
        XCTAssertFalse(serial.issues.isEmpty)
        // 1: a batch per record; 3: the last batch partial; 64: more batches than the queue holds;
        // 4096: the whole file in one partial batch.
        for size in [1, 3, 64, 4096] {
            let overlapped = try staged(url, overlapped: true, batchSize: size)
            XCTAssertEqual(overlapped.text, serial.text, "batch size \(size)")
            XCTAssertEqual(overlapped.read, serial.read, "batch size \(size)")
            XCTAssertEqual(overlapped.rejects, serial.rejects, "batch size \(size)")
            XCTAssertEqual(overlapped.issues, serial.issues, "batch size \(size)")
            XCTAssertEqual(overlapped.persons, serial.persons, "batch size \(size)")
            XCTAssertEqual(overlapped.latest, serial.latest, "batch size \(size)")
        }
    }

    func testHeaderOnlyFileCallsBodyNever() throws {
        let url = try salesFile(lines: 1)
        defer { try? FileManager.default.removeItem(at: url) }
        try Data((Self.header + "\n").utf8).write(to: url)
        let c = try cleaner(url)
        var calls = 0
        try c.forEachCleanOverlapped { _, _ in calls += 1 }
        XCTAssertEqual(calls, 0)
        XCTAssertEqual(c.read, 0)
    }

    private struct CopyBroke: Error {}

    func testErrorInBodyStopsTheReaderAndIsRethrownAfterItHasFinished() throws {
        let url = try salesFile(lines: 5000)
        defer { try? FileManager.default.removeItem(at: url) }
        let c = try cleaner(url)
        var calls = 0
        XCTAssertThrowsError(try c.forEachCleanOverlapped(batchSize: 16) { _, _ in
            calls += 1
            if calls == 40 { throw CopyBroke() }
        }) { XCTAssertTrue($0 is CopyBroke, "\($0)") }
        XCTAssertEqual(calls, 40)
        // The reader stopped at a bounded queue, well before the end, and its tally no longer moves.
        let readWhenReturned = c.read
        XCTAssertLessThan(readWhenReturned, 5000)
        Thread.sleep(forTimeInterval: 0.05)
        XCTAssertEqual(c.read, readWhenReturned)
    }

    func testReadersErrorComesAfterTheRowsReadBeforeIt() throws {
        // A gzip file cut short: the reader fails mid-file, after handing over what it decoded.
        let plain = try salesFile(lines: 3000)
        defer { try? FileManager.default.removeItem(at: plain) }
        let gz = plain.appendingPathExtension("gz")
        defer { try? FileManager.default.removeItem(at: gz) }
        let writer = try GzipWriter(path: gz.path)
        try writer.write([UInt8](Data(contentsOf: plain)))
        try writer.close()
        let whole = try Data(contentsOf: gz)
        try whole.prefix(whole.count * 2 / 3).write(to: gz)

        var serialRows = 0, overlappedRows = 0
        var serialError: Error?, overlappedError: Error?
        do { try cleaner(gz).forEachClean { _, _ in serialRows += 1 } } catch { serialError = error }
        do { try cleaner(gz).forEachCleanOverlapped(batchSize: 7) { _, _ in overlappedRows += 1 } } catch { overlappedError = error }
        XCTAssertNotNil(serialError)
        XCTAssertEqual(overlappedError.map { "\($0)" }, serialError.map { "\($0)" })
        XCTAssertEqual(overlappedRows, serialRows)
        XCTAssertGreaterThan(overlappedRows, 0)
    }
}
