import XCTest
import Postgres

final class CopyTextEncoderTests: XCTestCase {
    private func encoded(_ fields: [String?]) -> String {
        var encoder = CopyTextEncoder()
        encoder.append(row: fields)
        return String(decoding: encoder.bytes, as: UTF8.self)
    }

    func testFieldsAreTabSeparatedAndRowEndsWithNewline() {
        XCTAssertEqual(encoded(["a", "b", "c"]), "a\tb\tc\n")
    }

    func testNilIsBackslashNButTheTextBackslashNIsEscaped() {
        XCTAssertEqual(encoded([nil, "\\N"]), "\\N\t\\\\N\n")
    }

    func testEmptyStringStaysEmptyNotNull() {
        XCTAssertEqual(encoded(["", nil]), "\t\\N\n")
    }

    func testTabNewlineCarriageReturnAndBackslashInsideValuesAreEscaped() {
        XCTAssertEqual(encoded(["a\tb\nc\r\nd\\e"]), "a\\tb\\nc\\r\\nd\\\\e\n")
    }

    func testChineseAndEmojiBytesPassUntouched() {
        XCTAssertEqual(encoded(["张伟\t😀"]), "张伟\\t😀\n")
    }

    func testTrailingBackslashIsEscapedSoItCannotSwallowTheTab() {
        XCTAssertEqual(encoded(["x\\", "y"]), "x\\\\\ty\n")
    }

    func testRemoveAllEmptiesBufferForTheNextRows() {
        var encoder = CopyTextEncoder()
        encoder.append(row: ["first"])
        encoder.removeAll()
        encoder.append(row: ["second"])
        XCTAssertEqual(String(decoding: encoder.bytes, as: UTF8.self), "second\n")
    }
}

/// Only tab, newline, carriage return and backslash are escaped; the bytes beside them in the
/// code table pass as they are.
final class CopyTextEncoderEscapeTests: XCTestCase {
    func testOnlyTheFourSpecialBytesAreEscapedNotTheirNeighbours() {
        // 0x08, 0x0B, 0x0C, 0x0E sit next to tab, newline and carriage return; [ and ] next to backslash.
        var e = CopyTextEncoder()
        e.append(row: ["\u{08}\u{09}\u{0A}\u{0B}\u{0C}\u{0D}\u{0E}[\\]", ""])
        XCTAssertEqual(e.bytes, [0x08, 0x5C, 0x74, 0x5C, 0x6E, 0x0B, 0x0C, 0x5C, 0x72, 0x0E, 0x5B, 0x5C, 0x5C, 0x5D, 0x09, 0x0A])
    }

    func testRemoveAllBetweenRowsStartsTheNextRowWithoutATab() {
        var e = CopyTextEncoder()
        e.append(row: ["a", nil])
        e.removeAll()
        e.append(row: [nil, "b"])
        XCTAssertEqual(String(decoding: e.bytes, as: UTF8.self), "\\N\tb\n")
    }
}
