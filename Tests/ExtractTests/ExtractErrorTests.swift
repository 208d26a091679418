@testable import Extract
import XCTest

final class ExtractErrorTests: XCTestCase {
    func testEveryDescriptionIsOneLineNamingTheFileAndAFix() {
        let cases: [ExtractError] = [
            .fileNotFound(path: "in/sales.csv"),
            .unreadable(path: "in/sales.csv", errno: EACCES),
            .unwritable(path: "in/sales.csv", errno: ENOSPC),
            .gzip(file: "in/sales.csv", zlibCode: -3, message: "invalid stored block lengths"),
            .truncatedGzip(file: "in/sales.csv"),
            .undecodable(file: "in/sales.csv", encoding: .big5, line: 3, byteOffset: 40),
            .empty(file: "in/sales.csv"),
        ]
        for error in cases {
            XCTAssertFalse(error.description.contains("\n"), "\(error)")
            XCTAssertTrue(error.description.contains("in/sales.csv"), "\(error)")
            XCTAssertTrue(error.description.contains(" — "), "names a fix: \(error)")
        }
    }

    func testUnreadableNamesTheSystemReason() {
        XCTAssertTrue(ExtractError.unreadable(path: "x.csv", errno: EACCES).description.contains("Permission denied"))
    }

    func testUndecodableBig5SuggestsGB18030First() {
        XCTAssertTrue(ExtractError.undecodable(file: "x.csv", encoding: .big5, line: 3, byteOffset: 40).description
            .contains("x.csv line 3 byte 40: bytes are not valid Big5 — set `encoding = \"gb18030\"`"))
    }

    func testUnsupportedEncodingListsTheSupportedNames() {
        XCTAssertTrue(ExtractError.unsupportedEncoding(name: "latin1").description.contains("utf-8, gb18030, big5"))
    }
}
