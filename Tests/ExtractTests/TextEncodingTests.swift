@testable import Extract
import XCTest

final class TextEncodingTests: XCTestCase {
    func testNamesAsWrittenInConfigurationMapToEncodings() {
        let expected: [String: TextEncoding] = [
            "utf8": .utf8, "UTF-8": .utf8, "utf_8": .utf8,
            "GB18030": .gb18030, "gbk": .gb18030, "GBK": .gb18030, "gb2312": .gb18030, "CP936": .gb18030,
            "big5": .big5, "BIG-5": .big5, "Big5": .big5, "cp950": .big5,
        ]
        for (name, encoding) in expected {
            XCTAssertEqual(TextEncoding(name: name), encoding, name)
        }
    }

    func testUnknownNamesAreRejected() {
        for name in ["latin1", "", "utf16", "shift_jis", "big"] {
            XCTAssertNil(TextEncoding(name: name), name)
        }
    }

    func testRawValueReadsBackThroughNameInitializer() {
        for encoding in TextEncoding.allCases {
            XCTAssertEqual(TextEncoding(name: encoding.rawValue), encoding)
        }
    }
}
