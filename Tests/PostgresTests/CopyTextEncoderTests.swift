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
