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

/// The field-by-field form must write exactly what the whole-row form writes for the same text.
final class CopyTextEncoderFieldTests: XCTestCase {
    private static let awkward: [String?] = [
        "tab\there", "new\nline", "carriage\r\nreturn", "back\\slash", "\\N", "\\", "张伟\t北京市\n朝阳区",
        "", nil, "trailing\\", "😀 emoji", "plain", "\t", "\\\\\t\n\r", "[]^_", "\u{0B}\u{0C}\u{0E}\u{1F}",
    ]

    func testFieldByFieldEqualsWholeRowForEveryAwkwardValue() {
        var whole = CopyTextEncoder(), fields = CopyTextEncoder()
        whole.append(row: Self.awkward)
        for value in Self.awkward { fields.append(field: value) }
        fields.endRow()
        XCTAssertEqual(fields.bytes, whole.bytes)
    }

    func testOnlyTheFourSpecialBytesAreEscapedNotTheirNeighbours() {
        // 0x08, 0x0B, 0x0C, 0x0E sit next to tab, newline and carriage return; [ and ] next to backslash.
        var e = CopyTextEncoder()
        e.append(field: "\u{08}\u{09}\u{0A}\u{0B}\u{0C}\u{0D}\u{0E}[\\]")
        e.endRow()
        XCTAssertEqual(e.bytes, [0x08, 0x5C, 0x74, 0x5C, 0x6E, 0x0B, 0x0C, 0x5C, 0x72, 0x0E, 0x5B, 0x5C, 0x5C, 0x5D, 0x0A])
    }

    func testDigitsPrintAsStringDoesAtTheEdges() {
        for value in [0, 7, -1, 10, -10, 1_000_000, Int.max, Int.min] {
            var e = CopyTextEncoder()
            e.append(digits: value)
            XCTAssertEqual(String(decoding: e.bytes, as: UTF8.self), String(value))
        }
    }

    func testNullIsNotEmptyAndTheFirstFieldHasNoTab() {
        var e = CopyTextEncoder()
        e.appendNull(); e.append(field: ""); e.append(field: nil); e.endRow()
        e.append(field: ""); e.endRow()
        XCTAssertEqual(String(decoding: e.bytes, as: UTF8.self), "\\N\t\t\\N\n\n")
    }

    func testPlainFieldsAndTheirContinuationJoinIntoOneField() {
        var e = CopyTextEncoder()
        e.append(field: "a")
        e.append(plain: 4) { b in b[0] = 0x31; b[1] = 0x32; return 2 }
        e.continueField(plain: 3) { b in b[0] = 0x3A; b[1] = 0x33; b[2] = 0x34; return 3 }
        e.append(plain: 1) { _ in 0 }
        e.endRow()
        XCTAssertEqual(String(decoding: e.bytes, as: UTF8.self), "a\t12:34\t\n")
    }

    func testRemoveAllMidRowStartsTheNextRowWithoutATab() {
        var e = CopyTextEncoder()
        e.append(field: "half")
        e.removeAll()
        e.append(field: "x"); e.endRow()
        XCTAssertEqual(String(decoding: e.bytes, as: UTF8.self), "x\n")
    }
}
