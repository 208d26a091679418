@testable import Extract
import Foundation
import XCTest

final class CSVFileReaderTests: XCTestCase {
    func testEveryFixtureReadsTheSameThroughFilesAtSmallChunkSizes() throws {
        for fixture in CSVFixtures.all {
            let path = try temporaryFile("\(fixture.name).csv", fixture.bytes)
            for chunkSize in [1, 2, 3, 5, 64] {
                let options = ExtractOptions(hasHeader: false, chunkSize: chunkSize)
                let result = try readAll(path, options)
                XCTAssertEqual(result.records, fixture.expected, "\(fixture.name) chunk \(chunkSize)")
                XCTAssertEqual(result.delimiter, fixture.delimiterByte, "\(fixture.name) sniffed delimiter")
            }
        }
    }

    func testHeaderIsAvailableAfterInitAndNotReturnedAsARecord() throws {
        let path = try temporaryFile("h.csv", Array("a;b\n1;2\n".utf8))
        let reader = try CSVFileReader(path: path, displayName: "shop/h.csv")
        XCTAssertEqual(reader.header, ["a", "b"])
        XCTAssertEqual(reader.delimiter, UInt8(ascii: ";"))
        XCTAssertEqual(reader.file, "shop/h.csv")
        XCTAssertEqual(try reader.next(), RawRecord(line: 2, fields: ["1", "2"], raw: "1;2"))
        XCTAssertNil(try reader.next())
        XCTAssertNil(try reader.next(), "stays at the end")
    }

    func testConfiguredDelimiterOverridesSniffing() throws {
        let path = try temporaryFile("c.csv", Array("a;b,c\n1;2,3\n".utf8))
        let result = try readAll(path, ExtractOptions(delimiter: UInt8(ascii: ","), hasHeader: false))
        XCTAssertEqual(result.records.map(\.fields), [["a;b", "c"], ["1;2", "3"]])
    }

    func testHeaderOnlyFileHasHeaderAndNoRecords() throws {
        let result = try readAll(try temporaryFile("header_only.csv", Array("a,b\r\n".utf8)))
        XCTAssertEqual(result.header, ["a", "b"])
        XCTAssertEqual(result.records, [])
    }

    func testEmptyAndBlankOnlyFilesThrowEmptyNamingTheDisplayName() throws {
        for (name, bytes) in [("empty.csv", [UInt8]()), ("blank.csv", Array("\n\r\n\n".utf8)), ("bom_only.csv", [0xEF, 0xBB, 0xBF])] {
            let path = try temporaryFile(name, bytes)
            for hasHeader in [true, false] {
                XCTAssertThrowsError(try CSVFileReader(path: path, displayName: name, options: ExtractOptions(hasHeader: hasHeader))) {
                    XCTAssertEqual($0 as? ExtractError, .empty(file: name))
                }
            }
        }
    }

    func testMissingFileThrowsFileNotFound() {
        XCTAssertThrowsError(try CSVFileReader(path: "/nonexistent/sales.csv")) {
            XCTAssertEqual($0 as? ExtractError, .fileNotFound(path: "/nonexistent/sales.csv"))
            XCTAssertTrue("\($0)".contains("/nonexistent/sales.csv"))
        }
    }

    func testDirectoryThrowsUnreadableWithErrno() {
        let folder = temporaryPath("folder")
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        XCTAssertThrowsError(try CSVFileReader(path: folder)) {
            XCTAssertEqual($0 as? ExtractError, .unreadable(path: folder, errno: EISDIR))
        }
    }

    func testRecordsSpanningManyChunksKeepLinesAndRawText() throws {
        let rows = (1...2_000).map { "\($0),\"note \($0)\nsecond line\",王\($0)" }
        let path = try temporaryFile("many.csv", Array(("id,note,name\n" + rows.joined(separator: "\r\n") + "\r\n").utf8))
        let result = try readAll(path, ExtractOptions(chunkSize: 7))
        XCTAssertEqual(result.records.count, 2_000)
        XCTAssertEqual(result.records.last, RawRecord(line: 4_000, fields: ["2000", "note 2000\nsecond line", "王2000"], raw: rows.last!))
    }
}

final class FingerprintTests: XCTestCase {
    private let text = ChineseSamples.simplifiedCSV

    func testPlainAndGzippedFileWithSameTextHaveSameFingerprint() throws {
        let plain = try temporaryFile("x.csv", Array(text.utf8))
        let zipped = try systemGzip(plain)
        let fingerprint = try readAll(plain).fingerprint
        XCTAssertEqual(fingerprint.count, 32)
        XCTAssertTrue(fingerprint.allSatisfy(\.isHexDigit))
        XCTAssertEqual(try readAll(zipped).fingerprint, fingerprint)
    }

    func testFingerprintDoesNotDependOnChunkSizeOrSourceEncoding() throws {
        let fingerprint = try readAll(try temporaryFile("x.csv", Array(text.utf8))).fingerprint
        let gb = try temporaryFile("x_gb.csv", try Transcoder.encode(text, as: .gb18030))
        for chunkSize in [1, 3, 7, 4096] {
            XCTAssertEqual(try readAll(gb, ExtractOptions(chunkSize: chunkSize)).fingerprint, fingerprint, "chunk \(chunkSize)")
        }
    }

    func testFingerprintChangesWhenOneRowChanges() throws {
        let original = try readAll(try temporaryFile("x.csv", Array(text.utf8))).fingerprint
        let edited = text.replacingOccurrences(of: "13800138000", with: "13800138001")
        XCTAssertNotEqual(try readAll(try temporaryFile("y.csv", Array(edited.utf8))).fingerprint, original)
        let swapped = text.replacingOccurrences(of: "王小明", with: "明小王")
        XCTAssertNotEqual(try readAll(try temporaryFile("z.csv", Array(swapped.utf8))).fingerprint, original)
    }

    func testFingerprintSeparatesInputsThatDifferOnlyInTrailingZeroBytesOrLength() {
        var seen: Set<String> = []
        for length in 0..<40 {
            var hash = ContentFingerprint()
            let bytes = [UInt8](repeating: 0, count: length)
            bytes.withUnsafeBufferPointer { hash.update($0) }
            seen.insert(hash.hex)
        }
        XCTAssertEqual(seen.count, 40)
    }
}
