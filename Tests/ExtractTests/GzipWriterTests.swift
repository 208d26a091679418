@testable import Extract
import Foundation
import XCTest

final class GzipWriterTests: XCTestCase {
    func testOutputIsReadByTheSystemGunzip() throws {
        let path = temporaryPath("writer.csv.gz")
        let text = (0..<5_000).map { "\($0),台北,\"a,b\"\n" }.joined()
        let writer = try GzipWriter(path: path)
        // Several writes of uneven size, so the stream is not produced in one deflate call.
        let bytes = Array(text.utf8)
        var start = 0
        for size in [1, 7, 4096, 100_000] where start < bytes.count {
            let end = min(bytes.count, start + size)
            try writer.write(Array(bytes[start..<end]))
            start = end
        }
        try writer.write(Array(bytes[start...]))
        try writer.close()
        XCTAssertEqual(try runGunzip(path), Data(bytes))
    }

    func testEmptyInputStillMakesAValidGzipFile() throws {
        let path = temporaryPath("empty.gz")
        let writer = try GzipWriter(path: path)
        try writer.close()
        XCTAssertEqual(try runGunzip(path), Data())
    }

    func testUnwritableFolderThrowsNamingPath() {
        XCTAssertThrowsError(try GzipWriter(path: "/nonexistent-folder/x.gz")) { error in
            guard case .unwritable(let path, let code)? = error as? ExtractError else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(path, "/nonexistent-folder/x.gz")
            XCTAssertEqual(code, ENOENT)
        }
    }

    private func runGunzip(_ path: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return data
    }
}
