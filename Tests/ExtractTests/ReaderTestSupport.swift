@testable import Extract
import Foundation
import XCTest

/// Everything a reader gave for one file.
struct ReadResult: Equatable {
    var header: [String]?
    var records: [RawRecord]
    var encoding: TextEncoding
    var delimiter: UInt8
    var fingerprint: String
}

extension XCTestCase {
    func readAll(_ path: String, _ options: ExtractOptions = .init()) throws -> ReadResult {
        let reader = try CSVFileReader(path: path, options: options)
        var records: [RawRecord] = []
        while let record = try reader.next() {
            records.append(record)
        }
        return ReadResult(
            header: reader.header, records: records, encoding: reader.detectedEncoding,
            delimiter: reader.delimiter, fingerprint: reader.fingerprint)
    }

    /// Reads `path` and returns the records before the error and the error (nil when none).
    func readUntilError(_ path: String, _ options: ExtractOptions = .init()) -> (records: [RawRecord], error: ExtractError?) {
        var records: [RawRecord] = []
        do {
            let reader = try CSVFileReader(path: path, options: options)
            while let record = try reader.next() {
                records.append(record)
            }
            return (records, nil)
        } catch {
            return (records, error)
        }
    }

    /// Gzips `path` with the system gzip, keeping the original; returns the `.gz` path.
    func systemGzip(_ path: String, arguments: [String] = ["-k", "-9"]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = arguments + [path]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return path + ".gz"
    }

    func gzipWithWriter(_ bytes: [UInt8], name: String) throws -> String {
        let path = temporaryPath(name)
        let writer = try GzipWriter(path: path)
        try writer.write(bytes)
        try writer.close()
        return path
    }

    func fileBytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
