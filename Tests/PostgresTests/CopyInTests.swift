import Foundation
import XCTest
import TestSupport

private struct GeneratorFailed: Error {}

final class CopyInTests: XCTestCase {
    /// Every value COPY's text format treats specially, plus multi-byte text and NULL.
    private static let awkward: [String?] = [
        "tab\there", "new\nline", "carriage\r\nreturn", "back\\slash", "\\N", "\\", "张伟\t北京市\n朝阳区",
        "", nil, "trailing\\", "😀 emoji", "plain",
    ]

    private func row(_ index: Int) -> [String?] {
        let first = Self.awkward[index % Self.awkward.count]
        let second = Self.awkward[(index / 7) % Self.awkward.count].map { "\($0)#\(index)" }
        return [String(index), first, second]
    }

    func testHundredThousandRowsWithTabsNewlinesBackslashesNullsAndChineseRoundTripExactly() throws {
        let connection = try PostgresConnection.connect(try TestDatabase.fresh())
        try connection.execute("CREATE TABLE t (id int PRIMARY KEY, a text, b text)")
        let count = 100_000
        let stored = try connection.copyIn("COPY t (id, a, b) FROM STDIN") { writer in
            for index in 0..<count { try writer.writeRow(row(index)) }
            XCTAssertEqual(writer.rowsWritten, count)
        }
        XCTAssertEqual(stored, count)
        let result = try connection.query("SELECT id, a, b FROM t ORDER BY id")
        XCTAssertEqual(result.rowCount, count)
        for index in 0..<count where result.rows[index] != row(index) {
            return XCTFail("row \(index) came back as \(result.rows[index]), sent \(row(index))")
        }
    }

    func testBadIntegerReports22P02WithTheCopyLine() throws {
        let connection = try PostgresConnection.connect(try TestDatabase.fresh())
        try connection.execute("CREATE TABLE t (id int, name text)")
        XCTAssertThrowsError(try connection.copyIn("COPY t FROM STDIN") { writer in
            try writer.writeRow(["1", "a"])
            try writer.writeRow(["2", "b"])
            try writer.writeRow(["x3", "c"])
        }) { error in
            let error = error as! PostgresError
            XCTAssertEqual(error.sqlState, "22P02")
            XCTAssertEqual(error.message, "invalid input syntax for type integer: \"x3\"")
            XCTAssertTrue(error.context?.contains("line 3") == true, String(describing: error.context))
            XCTAssertTrue(error.description.contains("CONTEXT: COPY t, line 3"), error.description)
        }
        XCTAssertEqual(try connection.query("SELECT count(*) AS n FROM t").value(0, "n"), "0")
    }

    func testErrorThrownByTheBodyCancelsTheCopyAndIsRethrown() throws {
        let connection = try PostgresConnection.connect(try TestDatabase.fresh())
        try connection.execute("CREATE TABLE t (v text)")
        XCTAssertThrowsError(try connection.copyIn("COPY t FROM STDIN") { writer in
            try writer.writeRow(["kept in the buffer only"])
            throw GeneratorFailed()
        }) { error in XCTAssertTrue(error is GeneratorFailed, "\(error)") }
        XCTAssertEqual(try connection.query("SELECT count(*) AS n FROM t").value(0, "n"), "0")
    }

    func testCopyIntoMissingTableReports42P01() throws {
        let connection = try PostgresConnection.connect(try TestDatabase.fresh())
        XCTAssertThrowsError(try connection.copyIn("COPY missing FROM STDIN") { _ in }) { error in
            XCTAssertEqual((error as? PostgresError)?.sqlState, "42P01")
        }
    }

    func testStatementThatIsNotCopyFromStdinIsRefused() throws {
        let connection = try PostgresConnection.connect(try TestDatabase.fresh())
        XCTAssertThrowsError(try connection.copyIn("SELECT 1") { _ in }) { error in
            XCTAssertEqual((error as? PostgresError)?.kind, .protocolViolation)
        }
        XCTAssertEqual(try connection.query("SELECT 2 AS n").value(0, "n"), "2")
    }

    func testCopyInsideTransactionIsUndoneByRollback() throws {
        let connection = try PostgresConnection.connect(try TestDatabase.fresh())
        try connection.execute("CREATE TABLE t (v int)")
        struct Abort: Error {}
        XCTAssertThrowsError(try connection.transaction {
            _ = try connection.copyIn("COPY t FROM STDIN") { writer in try writer.writeRow(["1"]) }
            throw Abort()
        })
        XCTAssertEqual(try connection.query("SELECT count(*) AS n FROM t").value(0, "n"), "0")
    }

    /// The sales-line load shape: 1M rows of 13 columns. Slow in debug builds, so it runs only
    /// when asked: `STARCARD_BENCH=1 swift test -c release --filter CopyInTests`.
    func testMillionSalesLinesOfThirteenColumnsThroughput() throws {
        try XCTSkipUnless(ProcessInfo.processInfo.environment["STARCARD_BENCH"] == "1", "set STARCARD_BENCH=1")
        let connection = try PostgresConnection.connect(try TestDatabase.fresh())
        defer { try? connection.execute("DROP TABLE sales") }
        try connection.execute("CREATE UNLOGGED TABLE sales (" + (1...13).map { "c\($0) text" }.joined(separator: ", ") + ")")
        let fields: [String?] = ["SO-20240101-000123", "2024-01-01", "STORE-0042", "张伟", "13800138000", "北京市",
                                 "朝阳区建国路88号", "SKU-998877", "空调 KFR-35GW", "1", "3999.00", "CNY", nil]
        let start = Date()
        let rows = try connection.copyIn("COPY sales FROM STDIN") { writer in
            for _ in 0..<1_000_000 { try writer.writeRow(fields) }
        }
        let seconds = Date().timeIntervalSince(start)
        print("COPY 1M x 13: \(String(format: "%.2f", seconds)) s")
        XCTAssertEqual(rows, 1_000_000)
    }
}
