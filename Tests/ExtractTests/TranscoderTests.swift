@testable import Extract
import XCTest

final class TranscoderTests: XCTestCase {
    func testSimplifiedChineseEncodesToKnownGB18030Bytes() throws {
        // 中文 is D6D0 CEC4 in GB2312/GBK/GB18030.
        XCTAssertEqual(try Transcoder.encode("中文,a", as: .gb18030), [0xD6, 0xD0, 0xCE, 0xC4, 0x2C, 0x61])
    }

    func testTraditionalChineseEncodesToKnownBig5Bytes() throws {
        // 中文 is A4A4 A4E5 in Big5.
        XCTAssertEqual(try Transcoder.encode("中文", as: .big5), [0xA4, 0xA4, 0xA4, 0xE5])
    }

    func testEuroSignEncodesInBig5AsWindowsWritesIt() throws {
        XCTAssertEqual(try Transcoder.encode("€", as: .big5), [0xA3, 0xE1])
    }

    func testCharacterOutsideBMPEncodesToFourByteGB18030() throws {
        XCTAssertEqual(try Transcoder.encode("😀", as: .gb18030).count, 4)
    }

    func testUTF8IsPassedThrough() throws {
        XCTAssertEqual(try Transcoder.encode("台北 ü", as: .utf8), Array("台北 ü".utf8))
    }

    func testSimplifiedCharacterWithoutBig5CodeThrowsNamingCharacterAndOffset() {
        // 们 (simplified) has no Big5 code; 我 (3 UTF-8 bytes) and "," come before it.
        XCTAssertThrowsError(try Transcoder.encode("我,们", as: .big5)) { error in
            XCTAssertEqual(error as? ExtractError, .unencodable(character: "们", encoding: .big5, byteOffset: 4))
            XCTAssertTrue("\(error)".contains("们"))
        }
    }

    func testLongTextLargerThanScratchBufferRoundTripsThroughIconv() throws {
        let text = String(repeating: "保固卡,銷售,台北市信義區\n", count: 20_000)
        let bytes = try Transcoder.encode(text, as: .big5)
        let back = try IconvConverter(from: .big5, to: .utf8)
        var output: [UInt8] = []
        XCTAssertEqual(bytes.withUnsafeBufferPointer { back.convert($0, appendingTo: &output) }, .complete)
        XCTAssertEqual(String(decoding: output, as: UTF8.self), text)
    }
}
