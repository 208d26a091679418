@testable import Extract
import XCTest

final class GzipReadingTests: XCTestCase {
    private let text = "id,name,city\n1,王小明,北京\n2,\"Li, Wei\",\"上海\n浦东\"\n3,陳志明,台北\n"
    private var expected: [RawRecord] {
        [
            RawRecord(line: 2, fields: ["1", "王小明", "北京"], raw: "1,王小明,北京"),
            RawRecord(line: 3, fields: ["2", "Li, Wei", "上海\n浦东"], raw: "2,\"Li, Wei\",\"上海\n浦东\""),
            RawRecord(line: 5, fields: ["3", "陳志明", "台北"], raw: "3,陳志明,台北"),
        ]
    }

    /// Chunk size k puts the first split of the compressed stream at offset k, so running every
    /// k up to the file size splits it at every offset (and the inflated output too).
    private func assertReadsAtEveryChunkSize(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let size = try fileBytes(path).count
        for chunkSize in 1...(size + 1) {
            let result = try readAll(path, ExtractOptions(chunkSize: chunkSize))
            XCTAssertEqual(result.header, ["id", "name", "city"], "chunk \(chunkSize)", file: file, line: line)
            XCTAssertEqual(result.records, expected, "chunk \(chunkSize)", file: file, line: line)
        }
    }

    func testGzipWriterFileSplitAtEveryOffset() throws {
        try assertReadsAtEveryChunkSize(try gzipWithWriter(Array(text.utf8), name: "writer.csv.gz"))
    }

    func testSystemGzipFileWithNameInHeaderSplitAtEveryOffset() throws {
        let plain = try temporaryFile("sales.csv", Array(text.utf8))
        try assertReadsAtEveryChunkSize(try systemGzip(plain))
    }

    func testGzipIsRecognisedByMagicBytesNotByName() throws {
        let path = temporaryPath("misnamed.csv")
        try Data(try fileBytes(try gzipWithWriter(Array(text.utf8), name: "x.gz"))).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(try readAll(path).records, expected)
    }

    func testPlainFileNamedGzIsReadAsPlainText() throws {
        let path = try temporaryFile("not-really.csv.gz", Array(text.utf8))
        XCTAssertEqual(try readAll(path).records, expected)
    }

    func testTwoMemberGzipFromCatReadsWhole() throws {
        let first = try fileBytes(try gzipWithWriter(Array("id,name,city\n1,王小明,北京\n".utf8), name: "a.gz"))
        let second = try fileBytes(try gzipWithWriter(Array("2,\"Li, Wei\",\"上海\n浦东\"\n3,陳志明,台北\n".utf8), name: "b.gz"))
        let path = try temporaryFile("ab.csv.gz", first + second)
        for chunkSize in [1, 3, 64, 256 * 1024] {
            XCTAssertEqual(try readAll(path, ExtractOptions(chunkSize: chunkSize)).records, expected, "chunk \(chunkSize)")
        }
    }

    func testTruncatedGzipThrowsTruncatedGzipAfterTheRecordsItCouldRead() throws {
        let whole = try fileBytes(try gzipWithWriter(Array(text.utf8), name: "whole.gz"))
        // Cutting only the 8-byte trailer, or deep into the deflate data, must both be caught.
        for cut in [1, 4, 8, whole.count / 2] {
            let path = try temporaryFile("cut\(cut).csv.gz", Array(whole.dropLast(cut)))
            let (_, error) = readUntilError(path, ExtractOptions(chunkSize: 16))
            XCTAssertEqual(error, .truncatedGzip(file: path), "cut \(cut)")
        }
    }

    func testCorruptDeflateDataThrowsGzipErrorWithZlibCodeAndFile() throws {
        var bytes = try fileBytes(try gzipWithWriter(Array(String(repeating: text, count: 50).utf8), name: "ok.gz"))
        for index in 20..<40 { bytes[index] ^= 0x5A }
        let path = try temporaryFile("corrupt.csv.gz", bytes)
        let (_, error) = readUntilError(path)
        guard case .gzip(let file, let code, let message)? = error else {
            return XCTFail("expected a gzip error, got \(String(describing: error))")
        }
        XCTAssertEqual(file, path)
        XCTAssertEqual(code, -3, "Z_DATA_ERROR")
        XCTAssertFalse(message.isEmpty)
        XCTAssertTrue(error!.description.contains(path))
    }

    func testBytesReadCountsCompressedBytesUpToTheFileSize() throws {
        let path = try gzipWithWriter(Array(String(repeating: text, count: 100).utf8), name: "progress.gz")
        let reader = try CSVFileReader(path: path, options: ExtractOptions(chunkSize: 64))
        var records = 0
        while try reader.next() != nil { records += 1 }
        XCTAssertEqual(records, 100 * 4 - 1)
        XCTAssertEqual(reader.bytesRead, try fileBytes(path).count)
    }
}
