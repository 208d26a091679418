import XCTest
@testable import Postgres

/// The embedded cluster's settings block is rewritten at every start, so a cluster made by an
/// earlier starcard gets changed settings; what initdb and the user wrote around it stays.
final class EmbeddedClusterSettingsTests: XCTestCase {
    private let initdb = "# initdb's own\nmax_connections = 100\n"
    private var block: String { EmbeddedCluster.settings(socketDirectory: "/tmp/s") }

    func testBlockIsAppendedOnceAndAgainChangesNothing() {
        let once = EmbeddedCluster.replacingSettings(in: initdb, with: block)
        XCTAssertTrue(once.hasPrefix(initdb))
        XCTAssertTrue(once.contains("shared_buffers = 1GB"))
        XCTAssertEqual(EmbeddedCluster.replacingSettings(in: once, with: block), once)
    }

    func testBlockWithoutEndMarkerFromAnEarlierVersionIsReplacedWhole() {
        let earlier = initdb + "\n# --- starcard embedded cluster ---\nlisten_addresses = ''\nshared_buffers = 256MB\nfsync = on\n\n"
        let updated = EmbeddedCluster.replacingSettings(in: earlier, with: block)
        XCTAssertFalse(updated.contains("shared_buffers = 256MB"))
        XCTAssertEqual(updated.components(separatedBy: "# --- starcard embedded cluster ---").count, 2, "one block")
        XCTAssertEqual(updated, EmbeddedCluster.replacingSettings(in: initdb, with: block))
    }

    func testLinesAUserAddedAfterTheBlockStay() {
        let withUser = EmbeddedCluster.replacingSettings(in: initdb, with: block) + "log_min_duration_statement = 500\n"
        let updated = EmbeddedCluster.replacingSettings(in: withUser, with: block)
        XCTAssertTrue(updated.contains("log_min_duration_statement = 500"))
        XCTAssertTrue(updated.hasSuffix(block), "the block stays last, so its lines win")
    }
}
