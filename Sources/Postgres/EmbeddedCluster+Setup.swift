import Foundation
import Logging

extension EmbeddedCluster {
    /// Runs `initdb` and appends the settings that make this a private, batch-friendly server.
    func initialise(_ layout: ClusterLayout, tools: ServerTools, logger: Logger?) throws {
        try prepareRoot(layout)
        // A half-made data folder from an interrupted initdb would make initdb refuse to run.
        try? FileManager.default.removeItem(at: layout.dataDirectory)
        logger?.info("creating the embedded PostgreSQL cluster", metadata: ["dataDirectory": "\(layout.dataDirectory.path)"])
        // C.UTF-8 knows upper/lower case beyond ASCII; plain C is the fallback where that locale is
        // not installed. Collation is C either way: the same codepoint order as C.UTF-8, but
        // PostgreSQL 15 compares C with memcmp and abbreviated keys, where C.UTF-8 goes through
        // strcoll — sorting 1.7M identity keys took 0.72 s instead of 1.16 s.
        do {
            try runInitdb(layout, tools: tools, locale: "C.UTF-8")
        } catch EmbeddedClusterError.commandFailed(_, _, let output) where output.localizedCaseInsensitiveContains("locale") {
            logger?.info("locale C.UTF-8 is not available; the embedded cluster uses locale C")
            try? FileManager.default.removeItem(at: layout.dataDirectory)
            try runInitdb(layout, tools: tools, locale: "C")
        }
        let settings = Self.settings(socketDirectory: layout.socketDirectory.path)
        let config = try FileHandle(forWritingTo: layout.dataDirectory.appendingPathComponent("postgresql.conf"))
        defer { try? config.close() }
        try config.seekToEnd()
        try config.write(contentsOf: Data(settings.utf8))
    }

    private func runInitdb(_ layout: ClusterLayout, tools: ServerTools, locale: String) throws {
        try tools.run("initdb", ["-D", layout.dataDirectory.path, "-E", "UTF8", "--locale=\(locale)", "--lc-collate=C",
                                 "--auth=trust", "-U", Self.userName], in: layout.root)
    }

    /// Appended to postgresql.conf; later lines win over initdb's defaults.
    static func settings(socketDirectory: String) -> String {
        """

        # --- starcard embedded cluster ---
        # Only the unix socket in our own folder: nothing on the network can reach this server.
        listen_addresses = ''
        unix_socket_directories = '\(socketDirectory.replacingOccurrences(of: "'", with: "''"))'
        # A batch ETL box: big loads, few sessions.
        shared_buffers = 256MB
        work_mem = 64MB
        maintenance_work_mem = 512MB
        max_wal_size = 4GB
        checkpoint_timeout = 30min
        # Nothing replicates from a private server, and minimal WAL lets COPY into a table created
        # in the same transaction skip WAL entirely.
        wal_level = minimal
        max_wal_senders = 0
        # fsync stays on so a crash cannot corrupt the cluster. synchronous_commit off only risks
        # losing the last few hundred milliseconds of commits on a power cut, never consistency;
        # a run is idempotent and the next run redoes any work lost that way.
        fsync = on
        synchronous_commit = off

        """
    }

    /// Picks the port (it names the socket file `.s.PGSQL.<port>`): stable per home, skipping any
    /// port another postmaster has claimed in our folder or the usual shared socket folders.
    func freePort(for layout: ClusterLayout) throws -> Int {
        let preferred = 15432 + Int(UInt64(Self.shortHash(home.path), radix: 16)! % 2000)
        let folders = [layout.socketDirectory.path, "/tmp", "/var/run/postgresql"]
        for offset in 0..<200 {
            let port = preferred + offset
            let claimed = folders.contains { FileManager.default.fileExists(atPath: "\($0)/.s.PGSQL.\(port).lock") }
            if !claimed { return port }
        }
        throw EmbeddedClusterError.folderUnusable(path: layout.socketDirectory.path,
                                                  reason: "no free port between \(preferred) and \(preferred + 199)")
    }

    /// Creates the `starcard` database unless it exists; connects to the `postgres` maintenance
    /// database that initdb always creates.
    func ensureDatabase(layout: ClusterLayout, logger: Logger?) throws {
        guard let postmaster = Self.postmasterInfo(layout) else { return }
        let maintenance = Self.url(socketDirectory: postmaster.socketDirectory, port: postmaster.port, database: "postgres")
        do {
            let connection = try PostgresConnection.connect(maintenance, logger: logger)
            let existing = try connection.query("SELECT 1 FROM pg_database WHERE datname = $1", [Self.databaseName])
            if existing.rowCount == 0 {
                try connection.execute("CREATE DATABASE \(PostgresConnection.quoteIdentifier(Self.databaseName))")
            }
        } catch {
            throw EmbeddedClusterError.databaseSetup(error)
        }
    }
}
