import Foundation
import XCTest
import Postgres
import TestSupport

/// Binary COPY must store exactly what text COPY of the same values' text stores; each test
/// writes both ways into twin tables and compares what the server prints back.
final class CopyBinaryTests: XCTestCase {
    private var db: PostgresConnection!

    override func setUpWithError() throws {
        db = try PostgresConnection.connect(try TestDatabase.fresh())
    }

    /// Text COPY of `texts` into `a`, binary COPY by `encode` into `b` (one column of `type`),
    /// and both tables read back as text in insertion order.
    private func both(_ type: String, _ texts: [String?], _ encode: (Int, inout CopyBinaryEncoder) throws(PostgresError) -> Void) throws -> (text: [String?], binary: [String?]) {
        try db.execute("DROP TABLE IF EXISTS a, b; CREATE TABLE a (n serial, v \(type)); CREATE TABLE b (n serial, v \(type))")
        _ = try db.copyIn("COPY a (v) FROM STDIN") { w in for t in texts { try w.writeRow([t]) } }
        _ = try db.copyInBinary("COPY b (v) FROM STDIN (FORMAT binary)") { w in
            for i in texts.indices { try w.writeRow(fieldCount: 1) { row throws(PostgresError) in try encode(i, &row) } }
        }
        let a = try db.query("SELECT v::text FROM a ORDER BY n").rows.map { $0[0] }
        let b = try db.query("SELECT v::text FROM b ORDER BY n").rows.map { $0[0] }
        return (a, b)
    }

    func testTextWithEscapesChineseEmptyAndNullIsStoredAsTextCopyStoresIt() throws {
        let values: [String?] = ["tab\there", "new\nline\r\n", "back\\slash", "\\N", "", nil, "张伟\t北京市", "😀", "trailing\\"]
        let r = try both("text", values) { i, row in row.append(text: values[i]) }
        XCTAssertEqual(r.binary, r.text)
        XCTAssertEqual(r.binary, values)
    }

    func testIntegersAtTheEdgesAndOneTooLargeThrowsBeforeSending() throws {
        let values = [0, 1, -1, Int(Int32.max), Int(Int32.min)]
        let r = try both("integer", values.map { String($0) }) { i, row throws(PostgresError) in try row.append(int4: values[i]) }
        XCTAssertEqual(r.binary, r.text)
        var e = CopyBinaryEncoder()
        XCTAssertThrowsError(try e.append(int4: Int(Int32.max) + 1))
    }

    func testBigintsAndSmallintsAtTheEdgesAndASmallintTooLargeThrows() throws {
        let big: [Int64] = [0, 1, -1, Int64.max, Int64.min, 4_294_967_296]
        let r = try both("bigint", big.map { String($0) }) { i, row in row.append(int8: big[i]) }
        XCTAssertEqual(r.binary, r.text)
        let small = [0, 1, -1, Int(Int16.max), Int(Int16.min), 1987]
        let s = try both("smallint", small.map { String($0) }) { i, row throws(PostgresError) in try row.append(int2: small[i]) }
        XCTAssertEqual(s.binary, s.text)
        var e = CopyBinaryEncoder()
        XCTAssertThrowsError(try e.append(int2: Int(Int16.max) + 1))
    }

    func testNumericsOfTwoDecimalsAcrossGroupBoundariesAndSigns() throws {
        let hundredths: [Int64] = [0, 1, -1, 10, 50, -50, 99, 100, 101, 9_999, 10_000, 999_999, 1_000_000, 1_000_001,
                                   123_456, -123_456, 100_000_000, 99_999_999_999_999, -99_999_999_999_999, 1_234_500_000_000]
        let texts: [String?] = hundredths.map { h in
            let sign = h < 0 ? "-" : ""
            let m = h.magnitude
            return "\(sign)\(m / 100).\(m % 100 < 10 ? "0" : "")\(m % 100)"
        }
        let r = try both("numeric(14,2)", texts) { i, row in row.append(numericHundredths: hundredths[i]) }
        XCTAssertEqual(r.binary, r.text)
        XCTAssertEqual(r.binary, texts, "the scale stays 2, as numeric_in gives it")
        let unbounded = try both("numeric", texts) { i, row in row.append(numericHundredths: hundredths[i]) }
        XCTAssertEqual(unbounded.binary, unbounded.text, "the display scale is sent, not made by the column's typmod")
    }

    func testNumericTooLargeForItsColumnIsTheServersOverflowError() throws {
        try db.execute("CREATE TABLE m (v numeric(14,2))")
        XCTAssertThrowsError(try db.copyInBinary("COPY m FROM STDIN (FORMAT binary)") { w in
            try w.writeRow(fieldCount: 1) { row in row.append(numericHundredths: 100_000_000_000_000) }
        }) { XCTAssertEqual(($0 as? PostgresError)?.sqlState, "22003", "\($0)") }
    }

    func testDatesAroundTheEpochLeapDaysAndCenturiesAndAnImpossibleDayThrows() throws {
        let days = [(2000, 1, 1), (1999, 12, 31), (2000, 2, 29), (2024, 2, 29), (1900, 3, 1), (1900, 2, 28), (2100, 12, 31), (1, 1, 1), (9999, 12, 31)]
        let texts: [String?] = days.map { String(format: "%04d-%02d-%02d", $0.0, $0.1, $0.2) }
        let r = try both("date", texts) { i, row throws(PostgresError) in try row.append(dateYear: days[i].0, month: days[i].1, day: days[i].2) }
        XCTAssertEqual(r.binary, r.text)
        var e = CopyBinaryEncoder()
        XCTAssertThrowsError(try e.append(dateYear: 2023, month: 2, day: 29))
        XCTAssertThrowsError(try e.append(dateYear: 1900, month: 2, day: 29))
        XCTAssertThrowsError(try e.append(dateYear: 2024, month: 13, day: 1))
    }

    func testTimestampsAtMidnightAndTheLastSecondOfTheDayAndAnImpossibleTimeThrows() throws {
        let times = [(2000, 1, 1, 0, 0, 0), (1999, 12, 31, 23, 59, 59), (2025, 7, 3, 9, 5, 7), (1900, 1, 1, 12, 0, 0), (2100, 12, 31, 23, 59, 59)]
        let texts: [String?] = times.map { String(format: "%04d-%02d-%02d %02d:%02d:%02d", $0.0, $0.1, $0.2, $0.3, $0.4, $0.5) }
        let r = try both("timestamp", texts) { i, row throws(PostgresError) in
            let t = times[i]
            try row.append(timestampYear: t.0, month: t.1, day: t.2, hour: t.3, minute: t.4, second: t.5)
        }
        XCTAssertEqual(r.binary, r.text)
        var e = CopyBinaryEncoder()
        XCTAssertThrowsError(try e.append(timestampYear: 2025, month: 1, day: 1, hour: 24, minute: 0, second: 0))
        XCTAssertThrowsError(try e.append(timestampYear: 2025, month: 1, day: 1, hour: 0, minute: 60, second: 0))
    }

    func testUuidBitsAreTheOrderOfItsHexDigits() throws {
        let keys: [(UInt64, UInt64)] = [(0, 0), (0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210), (.max, 1)]
        let texts: [String?] = keys.map { String(format: "%016llx%016llx", $0.0, $0.1) }
        let r = try both("uuid", texts) { i, row in row.append(uuidHigh: keys[i].0, low: keys[i].1) }
        XCTAssertEqual(r.binary, r.text)
    }

    /// Rows far longer than one send, so every ~1 MiB send ends inside a row's text (of backslashes,
    /// tabs and multi-byte characters); the trailer goes only after the last row.
    func testRowsAcrossManySendsArriveWhole() throws {
        try db.execute("CREATE TABLE big (id integer, a text, b text)")
        let piece = "\\\t\\\n张\r\\"
        func a(_ i: Int) -> String? { i % 5 == 0 ? nil : String(repeating: piece, count: 1 + (i * 37) % 3000) }
        func b(_ i: Int) -> String? { i % 3 == 0 ? "" : "北京\(i)\t" }
        let count = 3000
        let stored = try db.copyInBinary("COPY big FROM STDIN (FORMAT binary)") { w in
            for i in 0..<count {
                try w.writeRow(fieldCount: 3) { row throws(PostgresError) in
                    try row.append(int4: i - 1500); row.append(text: a(i)); row.append(text: b(i))
                }
            }
            XCTAssertEqual(w.rowsWritten, count)
        }
        XCTAssertEqual(stored, count)
        let sent = (0..<count).reduce(0) { $0 + (a($1)?.utf8.count ?? 0) }
        XCTAssertGreaterThan(sent, 3 * BinaryCopyInWriter.flushThreshold, "the rows must span several sends")
        let result = try db.query("SELECT id, a, b FROM big ORDER BY id")
        for i in 0..<count where result.rows[i] != [String(i - 1500), a(i), b(i)] {
            return XCTFail("row \(i) came back as \(result.rows[i].map { $0?.prefix(40) })")
        }
    }

    func testTooFewFieldsInARowIsTheServersErrorAndTheConnectionStaysUsable() throws {
        try db.execute("CREATE TABLE two (x integer, y text)")
        XCTAssertThrowsError(try db.copyInBinary("COPY two FROM STDIN (FORMAT binary)") { w in
            try w.writeRow(fieldCount: 1) { row throws(PostgresError) in try row.append(int4: 1) }
        }) { XCTAssertEqual(($0 as? PostgresError)?.sqlState, "22P04", "\($0)") }
        XCTAssertEqual(try db.query("SELECT 1 AS one").value(0, "one"), "1")
    }
}
