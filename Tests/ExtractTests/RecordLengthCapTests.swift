import Extract
import XCTest

/// A quote that is never closed must not turn the rest of a large file into one record in memory.
final class RecordLengthCapTests: XCTestCase {
    func testUnclosedQuoteEarlyInALargeFileFailsWithItsLineAfterTheGoodRecords() throws {
        var text = "id,name\n1,ok\n2,\"never closed\n"
        // Past the 64 KiB the reader samples for detection, so the file really streams.
        for i in 0..<8000 { text += "\(i + 3),filler row \(i)\n" }
        let path = try temporaryFile("unclosed_quote_in_large_file.csv", Array(text.utf8))
        let (records, error) = readUntilError(path, ExtractOptions(chunkSize: 512, maxRecordBytes: 4096))
        XCTAssertEqual(records.count, 1, "only the record before the open quote")
        XCTAssertEqual(records.first?.fields, ["1", "ok"])
        guard case .recordTooLong(_, let line, let limit)? = error else {
            return XCTFail("expected recordTooLong, got \(String(describing: error))")
        }
        XCTAssertEqual(line, 3)
        XCTAssertEqual(limit, 4096)
        XCTAssertTrue(error!.description.contains("line 3"), error!.description)
        XCTAssertTrue(error!.description.contains("4096 bytes"), error!.description)
    }

    func testLongButClosedQuotedFieldsUnderTheCapReadWhole() throws {
        let long = String(repeating: "长", count: 1000)   // 3,000 bytes, across several chunks
        let text = "id,note\n1,\"\(long)\nstill the same field\"\n2,x\n"
        let path = try temporaryFile("long_quoted_field_under_cap.csv", Array(text.utf8))
        let result = try readAll(path, ExtractOptions(chunkSize: 256, maxRecordBytes: 4096))
        XCTAssertEqual(result.records.count, 2)
        XCTAssertEqual(result.records.first?.fields.last, long + "\nstill the same field")
        XCTAssertEqual(result.records.last?.line, 4)
    }
}
