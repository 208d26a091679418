@testable import Extract
import XCTest

/// Texts built from known pieces, so the first fault and its offset are known by construction,
/// at every alignment the eight-byte and multi-byte fast paths can meet.
final class UTF8ValidationTests: XCTestCase {
    private static let good: [[UInt8]] = ["a", "12345678", ",", "é", "ß", "王", "北京", "\u{FFFD}", "\u{E000}", "\u{D7FF}", "😀", "𠀀", "\u{10FFFF}", "\u{800}"]
        .map { Array($0.utf8) }
    private static let bad: [[UInt8]] = [[0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80],
                                         [0xF0, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF],
                                         [0xE4, 0xB8, 0x41], [0xE4, 0x41, 0x80], [0xC3, 0x41], [0xF0, 0x9F, 0x98, 0x41]]
    private static let truncated: [[UInt8]] = [[0xE4], [0xE4, 0xB8], [0xC3], [0xF0, 0x9F, 0x98], [0xED, 0x9F]]

    private func check(_ bytes: [UInt8]) -> UTF8Validation { bytes.withUnsafeBufferPointer { UTF8Validation.check($0) } }

    func testFaultsAreFoundAtTheirOffsetAfterAnyPrefix() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            var prefix: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) { prefix += Self.good.randomElement(using: &generator)! }
            var suffix: [UInt8] = []
            for _ in 0..<Int.random(in: 0...4, using: &generator) { suffix += Self.good.randomElement(using: &generator)! }
            XCTAssertEqual(check(prefix + suffix), .valid)
            let fault = Self.bad.randomElement(using: &generator)!
            XCTAssertEqual(check(prefix + fault + suffix), .invalid(offset: prefix.count), "\(prefix + fault + suffix)")
            let cut = Self.truncated.randomElement(using: &generator)!
            XCTAssertEqual(check(prefix + cut), .incomplete(validCount: prefix.count), "\(prefix + cut)")
        }
    }
}
