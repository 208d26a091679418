import XCTest
@testable import Cleanse

final class DateTextTests: XCTestCase {
    private func day(_ s: String, _ order: DateOrder = .dayFirst) -> Day? { try? DateText.parseDay(s, order: order).get() }
    private func failure(_ s: String) -> DateText.Failure? {
        if case .failure(let f) = DateText.parseTimestamp(s, order: .dayFirst) { return f }
        return nil
    }
    private let march7 = Day(year: 2025, month: 3, day: 7)

    func testISODashes() { XCTAssertEqual(day("2025-03-07"), march7) }
    func testSlashesWithoutLeadingZeros() { XCTAssertEqual(day("2025/3/7"), march7) }
    func testDots() { XCTAssertEqual(day("2025.03.07"), march7) }
    func testCompactEightDigits() { XCTAssertEqual(day("20250307"), march7) }
    func testChineseYearMonthDay() { XCTAssertEqual(day("2025年3月7日"), march7) }
    func testFullWidthDigits() { XCTAssertEqual(day("２０２５－０３－０７"), march7) }
    func testSurroundingSpaces() { XCTAssertEqual(day("  2025-03-07 "), march7) }
    func testSlashDateDayFirst() { XCTAssertEqual(day("07/03/2025", .dayFirst), march7) }
    func testSlashDateMonthFirst() { XCTAssertEqual(day("03/07/2025", .monthFirst), march7) }
    func testSlashDateWhoseConfiguredReadingIsImpossibleTakesTheOnlyPossibleOne() {
        XCTAssertEqual(day("03/25/2025", .dayFirst), Day(year: 2025, month: 3, day: 25))
    }
    func testROCYearWithSlashes() { XCTAssertEqual(day("114/03/07"), march7) }
    func testROCYearInChineseWords() { XCTAssertEqual(day("民國114年3月7日"), march7) }
    func testROCTwoDigitYearWithMarker() { XCTAssertEqual(day("民国99年1月2日"), Day(year: 2010, month: 1, day: 2)) }
    func testDateColumnWithMidnightTimeFromExcelExport() { XCTAssertEqual(day("2025-03-07 00:00:00"), march7) }

    func testFebruary30IsImpossible() { XCTAssertEqual(failure("2025-02-30"), .impossible) }
    func testFebruary29InLeapYearIsFine() { XCTAssertEqual(day("2024-02-29"), Day(year: 2024, month: 2, day: 29)) }
    func testFebruary29In1900IsImpossible() { XCTAssertEqual(failure("1900-02-29"), .impossible) }
    func testMonth13IsImpossible() { XCTAssertEqual(failure("2025-13-01"), .impossible) }
    func testExcelSerialIsRejected() { XCTAssertEqual(failure("45723"), .excelSerial) }
    func testExcelSerialWithFractionIsRejected() { XCTAssertEqual(failure("45723.5"), .excelSerial) }
    func testTwoDigitYearIsRejected() { XCTAssertEqual(failure("07/03/25"), .twoDigitYear) }
    func testWordsAreUnrecognised() { XCTAssertEqual(failure("March 7, 2025"), .unrecognised) }
    func testYear1066IsImpossible() { XCTAssertEqual(failure("1066-10-14"), .impossible) }

    private func stamp(_ s: String) -> String? { (try? DateText.parseTimestamp(s, order: .dayFirst).get())?.description }
    func testTimestampWithSeconds() { XCTAssertEqual(stamp("2025-03-07 14:05:09"), "2025-03-07 14:05:09") }
    func testTimestampTwelveHourPM() { XCTAssertEqual(stamp("2025/3/7 2:05 PM"), "2025-03-07 14:05:00") }
    func testTimestampTwelveAMIsMidnight() { XCTAssertEqual(stamp("2025/3/7 12:30 am"), "2025-03-07 00:30:00") }
    func testTimestampChineseAfternoon() { XCTAssertEqual(stamp("2025/3/7 下午2:05"), "2025-03-07 14:05:00") }
    func testTimestampWithTSeparator() { XCTAssertEqual(stamp("2025-03-07T14:05"), "2025-03-07 14:05:00") }
    func testTimestampWithMilliseconds() { XCTAssertEqual(stamp("2025-03-07T14:05:09.123"), "2025-03-07 14:05:09") }
    func testTimestampFourteenDigits() { XCTAssertEqual(stamp("20250307140509"), "2025-03-07 14:05:09") }
    func testDateOnlyTimestampIsMidnight() { XCTAssertEqual(stamp("2025-03-07"), "2025-03-07 00:00:00") }
    func testHour25IsImpossible() { XCTAssertEqual(failure("2025-03-07 25:00"), .impossible) }
    func testPMWithHour14IsImpossible() { XCTAssertEqual(failure("2025-03-07 14:00 PM"), .impossible) }
    /// `read` takes `YYYY-MM-DD` from fixed positions: it must agree with the general scan on
    /// good, impossible and malformed dates of that length, in either date order.
    func testISODayFastPathAgreesWithTheGeneralReading() {
        let texts = ["2019-01-01", "2024-02-29", "2023-02-29", "2100-12-31", "2101-01-01", "1899-12-31", "2019-13-01",
                     "2019-00-10", "2019-04-31", "2019-1a-01", "2019/01/01", "20190101AB", "0000-00-00", "9999-99-99"]
        for text in texts {
            for order in [DateOrder.dayFirst, .monthFirst] {
                let fast = Array(text.utf8).withUnsafeBufferPointer { DateText.read($0, order: order) }
                let general = Array(text.utf8).withUnsafeBufferPointer { DateText.interpret(DateText.scan($0), order: order) }
                XCTAssertEqual(fast, general, text)
            }
        }
    }
}
