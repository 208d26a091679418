import Foundation
import XCTest

extension XCTestCase {
    /// A fresh path in a folder private to this test, removed when the test ends.
    func temporaryPath(_ name: String) -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("starcard-extract-tests-\(getpid())-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder.appendingPathComponent(name).path
    }

    /// Writes `bytes` to a fresh temporary file and returns its path.
    func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = temporaryPath(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
