import Foundation
import TestSupport
import XCTest

/// Runs the built `starcard` binary as a user would and checks exit codes and what it prints.
final class StarcardBinaryTests: XCTestCase {
    static let root = StarcardBinary.packageRoot
    static var binary: URL { StarcardBinary.url ?? root.appendingPathComponent(".build/debug/starcard") }

    struct Result { var status: Int32; var stdout: String; var stderr: String }

    func starcard(_ args: [String], env: [String: String] = [:]) throws -> Result {
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = args
        p.currentDirectoryURL = Self.root
        var environment = ProcessInfo.processInfo.environment
        environment["STARCARD_DATABASE_URL"] = nil
        environment["DATABASE_URL"] = nil
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                      stderr: String(decoding: e, as: UTF8.self))
    }

    func testGenerateThenRunPrintsTheLedgerAndRerunAddsNothing() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else {
            return XCTFail("build the binary first: swift build --product starcard (\(Self.binary.path))")
        }
        let data = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("starcard-e2e-\(getpid())")
        try? FileManager.default.removeItem(at: data)
        let gen = try starcard(["generate", "--out", data.path, "--customers", "300", "--seed", "3"])
        XCTAssertEqual(gen.status, 0, gen.stderr)

        let url = try TestDatabase.fresh()
        let first = try starcard(["run", "pipelines/nightly.toml", "--data", data.appendingPathComponent("base").path, "--db", url])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("succeeded"), first.stdout)
        XCTAssertTrue(first.stdout.contains("marts.mart_customer_value"), first.stdout)

        let second = try starcard(["run", "pipelines/nightly.toml", "--data", data.appendingPathComponent("base").path, "--db", url])
        XCTAssertEqual(second.status, 0, second.stderr)
        let total = second.stdout.split(separator: "\n").first { $0.hasPrefix("total") } ?? ""
        XCTAssertEqual(total.split(separator: " ").map(String.init)[2], "0", "loaded column of the rerun: \(total)")

        let status = try starcard(["status", "--db", url])
        XCTAssertEqual(status.status, 0, status.stderr)
        XCTAssertTrue(status.stdout.contains("succeeded"), status.stdout)
    }

    func testBadDataPathIsOneClearLine() throws {
        let r = try starcard(["run", "pipelines/nightly.toml", "--data", "/nonexistent/folder", "--db", try TestDatabase.fresh()])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("/nonexistent/folder does not exist"), r.stderr)
    }

    func testMissingPipelineFileIsOneClearLine() throws {
        let r = try starcard(["run", "pipelines/nope.toml"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("pipelines/nope.toml"), r.stderr)
    }

    func testMalformedTomlKeyNamesFileLineAndKey() throws {
        let file = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("bad-\(getpid()).toml")
        try "[pipeline]\nname = \"x\"\n[sources.sales]\nkind = \"sales\"\ndelimitter = \";\"\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try starcard(["run", file.path])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains(":5: sources.sales.delimitter"), r.stderr)
    }

    func testUnreachableServerIsOneClearLine() throws {
        let r = try starcard(["status", "--db", "postgresql:///starcard?host=/nonexistent-socket-dir&port=1"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("/nonexistent-socket-dir"), r.stderr)
    }
}
