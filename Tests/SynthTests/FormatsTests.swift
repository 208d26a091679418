import XCTest
@testable import Synth

final class FormatsTests: XCTestCase {
    func testDayNumberRoundTripsAcrossLeapDayAndKnowsWeekdays() {
        let leap = SynthDate(2024, 2, 29)
        XCTAssertEqual(SynthDate(dayNumber: leap.dayNumber), leap)
        XCTAssertEqual(SynthDate(dayNumber: leap.dayNumber + 1), SynthDate(2024, 3, 1))
        XCTAssertEqual(SynthDate(1970, 1, 1).dayNumber, 0)
        XCTAssertEqual(SynthDate(2025, 6, 30).weekday, 0, "2025-06-30 is a Monday")
        XCTAssertEqual(SynthDate(2025, 7, 6).weekday, 6, "2025-07-06 is a Sunday")
    }

    func testRocDateOfTaiwanExport() {
        XCTAssertEqual(Formats.rocDate(SynthDate(2025, 3, 7)), "114/03/07")
    }

    func testFullWidthDigitsAndGroupedThousands() {
        XCTAssertEqual(Formats.fullWidth("138"), "１３８")
        XCTAssertEqual(Formats.grouped(12000), "12,000")
        XCTAssertEqual(Formats.grouped(999), "999")
        XCTAssertEqual(Formats.grouped(1_234_567), "1,234,567")
    }

    func testLandlineSplitsAtTheAreaCode() {
        var rng = Xoshiro(seed: 1)
        XCTAssertEqual(Formats.landline("07551234567", areaLength: 4, variety: false, rng: &rng), "0755-1234567")
        XCTAssertEqual(Formats.landline("0227123456", areaLength: 2, variety: false, rng: &rng), "02-27123456")
    }

    func testEveryMobileVariantKeepsTheElevenDigits() {
        var rng = Xoshiro(seed: 9)
        for _ in 0..<50 {
            let written = Formats.mobile("13812345678", variety: true, rng: &rng)
            XCTAssertEqual(normalizedMobile(written), "13812345678", written)
        }
    }

    func testDecimalHasThreePlacesWithoutStringFormat() {
        XCTAssertEqual(TruthWriter.decimal(0.05), "0.050")
        XCTAssertEqual(TruthWriter.decimal(3012.3456), "3012.346")
    }

    func testGammaAndBetaDrawsHaveTheirMeans() {
        var rng = Xoshiro(seed: 123)
        let n = 20_000
        let g = (0..<n).map { _ in rng.gamma(shape: 1.2, scale: 0.25) }.reduce(0, +) / Double(n)
        let small = (0..<n).map { _ in rng.gamma(shape: 0.5, scale: 2) }.reduce(0, +) / Double(n)
        let b = (0..<n).map { _ in rng.beta(1, 4) }.reduce(0, +) / Double(n)
        XCTAssertEqual(g, 0.3, accuracy: 0.01)
        XCTAssertEqual(small, 1.0, accuracy: 0.05)
        XCTAssertEqual(b, 0.2, accuracy: 0.01)
    }
}
