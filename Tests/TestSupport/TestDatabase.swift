import Foundation

/// Real, empty PostgreSQL databases for tests, on one embedded cluster shared by every test
/// process on the machine and kept running between test runs (starting it costs seconds).
public enum TestDatabase {
    /// The shared test cluster; fixed so repeated runs reuse it. Test data is disposable, so the
    /// server skips fsync: CREATE/DROP DATABASE force checkpoints, which fsync would make slow.
    public static let cluster = EmbeddedCluster(home: URL(fileURLWithPath: "/tmp/starcard-tests-cluster"),
                                                durability: .disposable)

    /// Returns the URL of a new, empty database named after `name` (the calling test by default).
    ///
    /// Names are stable per checkout, so a database left behind by an earlier run is dropped and
    /// recreated; the checkout's hash keeps worktrees apart; asking twice in one process for the
    /// same name gives two databases.
    public static func fresh(_ name: String = #function) throws -> String {
        let serverURL = try registry.startedCluster()
        let database = registry.claim(databaseName(for: name))
        let connection = try PostgresConnection.connect(serverURL)
        let quoted = PostgresConnection.quoteIdentifier(database)
        try connection.execute("DROP DATABASE IF EXISTS \(quoted) WITH (FORCE)")
        try connection.execute("CREATE DATABASE \(quoted)")
        guard let url = cluster.url(database: database) else { throw TestDatabaseError.clusterStopped(home: cluster.home.path) }
        return url
    }

    /// `testCopyRoundTrip()` in /work/x → `t_testcopyroundtrip_1a2b3c4d`: lower-case letters,
    /// digits and underscores only, within PostgreSQL's 63-byte identifier limit.
    static func databaseName(for name: String) -> String {
        let cleaned = String(name.lowercased().unicodeScalars.map { scalar -> Character in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) ? Character(scalar) : "_"
        })
        let trimmed = cleaned.split(separator: "_").joined(separator: "_").prefix(40)
        return "t_\(trimmed)_\(checkoutHash)"
    }

    private static let checkoutHash = String(FileManager.default.currentDirectoryPath.utf8
        .reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }, radix: 16).suffix(8)

    private static let registry = Registry()

    /// Starts the cluster once per process and hands out names not yet used in this process.
    private final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var serverURL: String?
        private var used: Set<String> = []

        func startedCluster() throws -> String {
            lock.lock()
            defer { lock.unlock() }
            if let serverURL, case .running = cluster.status() { return serverURL }
            let url = try cluster.start()
            serverURL = url
            return url
        }

        func claim(_ base: String) -> String {
            lock.lock()
            defer { lock.unlock() }
            var candidate = base
            var counter = 1
            while used.contains(candidate) {
                counter += 1
                candidate = "\(base)_\(counter)"
            }
            used.insert(candidate)
            return candidate
        }
    }
}

/// The shared test cluster went away between starting it and handing out a database.
public enum TestDatabaseError: Error, CustomStringConvertible {
    case clusterStopped(home: String)

    public var description: String {
        switch self {
        case .clusterStopped(let home):
            return "the shared test PostgreSQL cluster in \(home) stopped while tests were using it — "
                + "did another test or a person stop it? Run the tests again"
        }
    }
}
