import Cleanse
import XCTest

/// The text forms COPY reads: exact for the awkward values.
final class RecordTextTests: XCTestCase {
    func testMoneyPrintsTwoDecimalsForZeroNegativeAndLargeAmounts() {
        XCTAssertEqual(Money(cents: 0).description, "0.00")
        XCTAssertEqual(Money(cents: 5).description, "0.05")
        XCTAssertEqual(Money(cents: -50).description, "-0.50")
        XCTAssertEqual(Money(cents: 129_900).description, "1299.00")
        XCTAssertEqual(Money(cents: -123_456_789).description, "-1234567.89")
        XCTAssertEqual(Money(cents: Int64.min + 1).description, "-92233720368547758.07")
    }

    func testDayPadsMonthsDaysAndEarlyYears() {
        XCTAssertEqual(Day(year: 2025, month: 3, day: 7).description, "2025-03-07")
        XCTAssertEqual(Day(year: 999, month: 12, day: 31).description, "0999-12-31")
        XCTAssertEqual(LocalTimestamp(day: Day(year: 2025, month: 1, day: 2), hour: 9, minute: 5, second: 0).description,
                       "2025-01-02 09:05:00")
    }
}
