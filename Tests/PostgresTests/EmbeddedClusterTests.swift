import Foundation
import XCTest
import TestSupport

final class EmbeddedClusterTests: XCTestCase {
    private var scratch: URL!
    private var cluster: EmbeddedCluster?

    override func setUpWithError() throws {
        scratch = URL(fileURLWithPath: "/tmp/sc-\(UUID().uuidString.prefix(8).lowercased())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try cluster?.stop()
        if let recorded = cluster.flatMap({ try? String(contentsOf: $0.home.appendingPathComponent("cluster.path"), encoding: .utf8) }) {
            try? FileManager.default.removeItem(atPath: recorded.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        try? FileManager.default.removeItem(at: scratch)
    }

    /// The CI case: the project sits in a folder (like /root, mode 700) the postgres account cannot
    /// enter, so the cluster must move to /tmp, be recorded in cluster.path, and still work.
    func testStartInHomeThePostgresAccountCannotReachIsIdempotentThenStopReportsStopped() throws {
        let privateFolder = scratch.appendingPathComponent("private")
        try FileManager.default.createDirectory(at: privateFolder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let cluster = EmbeddedCluster(home: privateFolder.appendingPathComponent(".starcard"))
        self.cluster = cluster
        XCTAssertEqual(cluster.status(), .notInitialised)

        let url = try cluster.start()
        XCTAssertEqual(try cluster.start(), url, "a second start returns the same URL")
        guard case .running(let statusURL, let pid) = cluster.status() else { return XCTFail("not running: \(cluster.status())") }
        XCTAssertEqual(statusURL, url)
        XCTAssertEqual(kill(pid_t(pid), 0), 0)
        XCTAssertEqual(cluster.url, url)
        XCTAssertTrue(url.hasPrefix("postgresql:///starcard?host=/"), url)

        if geteuid() == 0 {
            let recorded = try String(contentsOf: cluster.home.appendingPathComponent("cluster.path"), encoding: .utf8)
            XCTAssertTrue(recorded.hasPrefix("/tmp/starcard-"), recorded)
            XCTAssertTrue(url.contains("host=\(recorded.trimmingCharacters(in: .whitespacesAndNewlines))&"), url)
        }
        let connection = try PostgresConnection.connect(url)
        XCTAssertEqual(try connection.query("SELECT current_database() AS db, current_setting('server_encoding') AS enc, "
                                            + "current_setting('listen_addresses') AS listen").rows,
                       [["starcard", "UTF8", ""]])
        XCTAssertEqual(try psql(url, "SELECT 40 + 2"), "42")

        try cluster.stop()
        XCTAssertEqual(cluster.status(), .stopped)
        XCTAssertNil(cluster.url)
        try cluster.stop()
        XCTAssertEqual(cluster.status(), .stopped, "stopping a stopped cluster changes nothing")

        let recorded = try? String(contentsOf: cluster.home.appendingPathComponent("cluster.path"), encoding: .utf8)
        let root = recorded.map { URL(fileURLWithPath: $0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            ?? cluster.home.appendingPathComponent("cluster")
        let conf = root.appendingPathComponent("data/postgresql.conf")

        // A block an earlier starcard wrote (another shared_buffers) is replaced at the next start,
        // and the file keeps the owner and mode the server's account gave it.
        let before = try FileManager.default.attributesOfItem(atPath: conf.path)
        let old = try String(contentsOf: conf, encoding: .utf8).replacingOccurrences(of: "shared_buffers = 1GB", with: "shared_buffers = 200MB")
        try Data(old.utf8).write(to: conf)
        let restarted = try cluster.start()
        XCTAssertEqual(try PostgresConnection.connect(restarted).query("SELECT current_setting('shared_buffers')").rows, [["1GB"]])
        let after = try FileManager.default.attributesOfItem(atPath: conf.path)
        for key in [FileAttributeKey.ownerAccountID, .posixPermissions] {
            XCTAssertEqual(after[key] as? NSNumber, before[key] as? NSNumber, "\(key)")
        }
        try cluster.stop()

        // A setting the server rejects (one starcard's own block, rewritten at start, leaves alone):
        // start must fail and quote the server log saying why.
        let config = try FileHandle(forWritingTo: conf)
        try config.seekToEnd()
        try config.write(contentsOf: Data("effective_cache_size = 'lots'\n".utf8))
        try config.close()
        XCTAssertThrowsError(try cluster.start()) { error in
            guard case EmbeddedClusterError.startFailed = error else { return XCTFail("unexpected \(error)") }
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("the embedded PostgreSQL server did not start — see \(root.path)/server.log"), text)
            XCTAssertTrue(text.contains("effective_cache_size"), text)
        }
        XCTAssertEqual(cluster.status(), .stopped)
    }

    func testStatusOfHomeThatDoesNotExistIsNotInitialisedAndStopDoesNothing() throws {
        let cluster = EmbeddedCluster(home: scratch.appendingPathComponent("never-created"))
        XCTAssertEqual(cluster.status(), .notInitialised)
        XCTAssertNoThrow(try cluster.stop())
        XCTAssertFalse(FileManager.default.fileExists(atPath: cluster.home.path))
    }

    func testHomeWithSocketPathOverHundredBytesPutsClusterUnderTmp() throws {
        let deep = scratch.appendingPathComponent(String(repeating: "long-folder-name/", count: 6))
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        let cluster = EmbeddedCluster(home: deep.appendingPathComponent(".starcard"))
        let folder = try cluster.clusterFolder()
        XCTAssertTrue(folder.path.hasPrefix("/tmp/starcard-"), folder.path)
        XCTAssertLessThan(folder.path.utf8.count + "/.s.PGSQL.65535".utf8.count, 100)
        XCTAssertEqual(try EmbeddedCluster(home: cluster.home).clusterFolder(), folder, "the same home always maps to the same folder")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path), "asking changes nothing on disk")
    }

    func testReachableShortHomeKeepsClusterInside() throws {
        let cluster = EmbeddedCluster(home: scratch.appendingPathComponent(".starcard"))
        XCTAssertEqual(try cluster.clusterFolder().path, scratch.appendingPathComponent(".starcard/cluster").path)
    }

    func testDefaultHomeIsDotStarcardInWorkingFolder() {
        let cwd = URL(fileURLWithPath: "/work/project")
        XCTAssertEqual(EmbeddedCluster.defaultHome(environment: [:], cwd: cwd).path, "/work/project/.starcard")
        XCTAssertEqual(EmbeddedCluster.defaultHome(environment: ["STARCARD_HOME": ""], cwd: cwd).path, "/work/project/.starcard")
    }

    func testDefaultHomeTakesStarcardHomeResolvingRelativePaths() {
        let cwd = URL(fileURLWithPath: "/work/project")
        XCTAssertEqual(EmbeddedCluster.defaultHome(environment: ["STARCARD_HOME": "/srv/sc"], cwd: cwd).path, "/srv/sc")
        XCTAssertEqual(EmbeddedCluster.defaultHome(environment: ["STARCARD_HOME": "../state"], cwd: cwd).path, "/work/state")
    }

    private func psql(_ url: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", url, "-XAtqc", sql]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
