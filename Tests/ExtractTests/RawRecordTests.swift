@testable import Extract
import XCTest

/// The field accessors must agree with `fields` whether a record shares its chunk's bytes
/// (plain fields) or holds strings (unescaped quotes, or built by hand).
final class RawRecordTests: XCTestCase {
    private func parsed(_ text: String) -> [RawRecord] {
        var parser = CSVParser(delimiter: UInt8(ascii: ","))
        parser.feed(Array(text.utf8))
        parser.finish()
        return parser.drain()
    }

    private func assertAccessorsAgree(_ record: RawRecord, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(record.fieldCount, record.fields.count, file: file, line: line)
        for i in record.fields.indices {
            XCTAssertEqual(record.field(i), record.fields[i], file: file, line: line)
            XCTAssertEqual(record.withFieldBytes(i) { Array($0) }, Array(record.fields[i].utf8), file: file, line: line)
        }
    }

    func testSharedBytesRecordReadsEachFieldAndItsRawText() {
        let records = parsed("1,王小明,\"北京, 朝阳\",\n2,,x,y\n")
        XCTAssertEqual(records.map(\.fields), [["1", "王小明", "北京, 朝阳", ""], ["2", "", "x", "y"]])
        XCTAssertEqual(records.map(\.raw), ["1,王小明,\"北京, 朝阳\",", "2,,x,y"])
        records.forEach { assertAccessorsAgree($0) }
    }

    func testRecordWithDoubledQuotesReadsUnescapedFields() {
        let record = parsed("\"say \"\"hi\"\"\",张\n")[0]
        XCTAssertEqual(record.field(0), "say \"hi\"")
        XCTAssertEqual(record.raw, "\"say \"\"hi\"\"\",张")
        assertAccessorsAgree(record)
    }

    func testSettingFieldsAndRawReplacesTheParsedOnes() {
        var record = parsed("a,b\n")[0]
        record.fields = ["c"]
        record.raw = "c"
        XCTAssertEqual(record, RawRecord(line: 1, fields: ["c"], raw: "c"))
        assertAccessorsAgree(record)
    }
}
