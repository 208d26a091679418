import Cleanse
import XCTest
@testable import Dedupe

final class PersonKeyTests: XCTestCase {
    func testMurmur3MatchesThePublishedVectorForTheQuickBrownFox() {
        let (h1, h2) = Array("The quick brown fox jumps over the lazy dog".utf8).withUnsafeBytes { StableHash128.hash($0) }
        XCTAssertEqual(h1, 0xe34b_bc7b_bc07_1b6c)
        XCTAssertEqual(h2, 0x7a43_3ca9_c49a_9347)
    }

    func testHexDigestOfTextAndOfItsBytesAgreeAcrossTailLengths() {
        for length in 0...40 {
            let text = String(repeating: "张", count: length / 3) + String(repeating: "x", count: length % 3)
            XCTAssertEqual(StableHash128.hex(text), StableHash128.hex(Array(text.utf8)))
        }
        XCTAssertEqual(StableHash128.hex(""), String(repeating: "0", count: 32), "Murmur3 of nothing with seed 0")
    }

    func testKeyIs32HexDigitsAndStableAcrossCalls() {
        let p = Person(name: "张伟", namePinyin: "zhangwei", mobile: "13812345678")
        let key = PersonKey.of(p)
        XCTAssertEqual(key.count, 32)
        XCTAssertTrue(key.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        XCTAssertEqual(key, PersonKey.of(p))
    }

    func testDigestReadBackFromItsHexWithLeadingZerosAndUppercase() {
        var hasher = PersonKeyHasher()
        for p in [Person(name: "张伟"), Person(), Person(mobile: "13812345678", city: "广州市")] {
            let digest = hasher.digest(p)
            XCTAssertEqual(PersonDigest(hex: digest.hex), digest)
            XCTAssertEqual(PersonDigest(hex: digest.hex.uppercased()), digest)
        }
        let small = PersonDigest(high: 1, low: 0xF)
        XCTAssertEqual(small.hex, "0000000000000001000000000000000f")
        XCTAssertEqual(PersonDigest(hex: small.hex), small)
        // One digit short, one too many, a letter past f, a sign: not a key.
        for bad in [String(small.hex.dropLast()), small.hex + "0", "g" + small.hex.dropFirst(), "-" + small.hex.dropFirst()] {
            XCTAssertNil(PersonDigest(hex: bad), bad)
        }
    }

    func testNilAndEmptyFieldGiveDifferentKeys() {
        XCTAssertNotEqual(PersonKey.of(Person(address: nil)), PersonKey.of(Person(address: "")))
    }

    func testTextMovingBetweenAdjacentFieldsGivesDifferentKeys() {
        XCTAssertNotEqual(PersonKey.of(Person(province: "广东省广州市", city: nil)),
                          PersonKey.of(Person(province: "广东省", city: "广州市")))
    }
}
