import XCTest
@testable import Cleanse

/// `Text.field` finds full-width forms eight bytes at a time: a wide form at any offset of a
/// long CJK or ASCII value must be made half-width, and lookalike bytes must be left alone.
final class TextFieldTests: XCTestCase {
    private func field(_ s: String) -> String? {
        Array(s.utf8).withUnsafeBufferPointer { Text.field($0) }
    }

    func testWideFormIsFoundAtEveryOffset() {
        for filler in ["北", "a"] {
            for before in 0...12 {
                for (wide, narrow) in [("Ａ", "A"), ("１", "1"), ("\u{3000}", " "), ("～", "~")] {
                    let text = String(repeating: filler, count: before) + wide + String(repeating: filler, count: 12 - before)
                    let expected = String(repeating: filler, count: before) + narrow + String(repeating: filler, count: 12 - before)
                    XCTAssertEqual(field(text), expected.trimmingCharacters(in: .whitespaces), "\(filler) × \(before) then \(wide)")
                }
            }
        }
    }

    func testCharactersSharingALeadByteWithWideFormsStayAsTheyAre() {
        // 、。 (E3 80 81/82) start like U+3000 (E3 80 80) and take the slow path; ｡ (EF BD A1)
        // is already half-width; ￥ (EF BF A5) is outside FF01–FF5E.
        for text in ["北京、上海。", "ぁあ北京ぃ", "北京北京北京￥", "北京北京｡北京北京ん"] {
            XCTAssertEqual(field(text), text)
        }
    }
}
