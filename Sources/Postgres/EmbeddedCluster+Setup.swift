import Foundation
#if canImport(Glibc)
import Glibc
#endif
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
        try applySettings(layout)
    }

    /// Puts this version's settings block into postgresql.conf, replacing the one an earlier
    /// starcard wrote, so a cluster made before a setting changed gets it at its next start.
    func applySettings(_ layout: ClusterLayout) throws {
        let file = layout.dataDirectory.appendingPathComponent("postgresql.conf")
        let current = try String(contentsOf: file, encoding: .utf8)
        let updated = Self.replacingSettings(in: current, with: Self.settings(socketDirectory: layout.socketDirectory.path))
        guard updated != current else { return }
        // Written beside it and renamed over it, with the original's owner and mode: the file
        // belongs to the server's account when starcard runs as root, and is private to it.
        let fm = FileManager.default
        let attributes = try fm.attributesOfItem(atPath: file.path)
        let staged = file.appendingPathExtension("starcard-new")
        try Data(updated.utf8).write(to: staged)
        try fm.setAttributes(attributes.filter { [.ownerAccountID, .groupOwnerAccountID, .posixPermissions].contains($0.key) },
                             ofItemAtPath: staged.path)
        // rename(2) replaces the file in one step; FileManager's replaceItemAt on Linux had moved
        // the original away and then failed, leaving no postgresql.conf at all.
        guard rename(staged.path, file.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? fm.removeItem(at: staged)
            throw EmbeddedClusterError.folderUnusable(path: file.path, reason: "cannot replace it: \(reason)")
        }
    }

    static let settingsBegin = "# --- starcard embedded cluster ---"
    static let settingsEnd = "# --- end of starcard settings ---"

    /// `conf` with its starcard block (from the begin marker to the end marker, or to the end of
    /// the file for blocks written before there was an end marker) replaced by `settings`.
    static func replacingSettings(in conf: String, with settings: String) -> String {
        var kept = conf
        if let begin = conf.range(of: settingsBegin) {
            let lineStart = conf[..<begin.lowerBound].lastIndex(of: "\n").map { conf.index(after: $0) } ?? conf.startIndex
            var after = conf.endIndex
            if let end = conf.range(of: settingsEnd, range: begin.upperBound..<conf.endIndex) {
                after = conf[end.upperBound...].firstIndex(of: "\n").map { conf.index(after: $0) } ?? conf.endIndex
            }
            kept = String(conf[..<lineStart]) + String(conf[after...])
        }
        while kept.hasSuffix("\n\n") { kept.removeLast() }
        if !kept.isEmpty && !kept.hasSuffix("\n") { kept += "\n" }
        return kept + settings
    }

    private func runInitdb(_ layout: ClusterLayout, tools: ServerTools, locale: String) throws {
        try tools.run("initdb", ["-D", layout.dataDirectory.path, "-E", "UTF8", "--locale=\(locale)", "--lc-collate=C",
                                 "--auth=trust", "-U", Self.userName], in: layout.root)
    }

    /// The block at the end of postgresql.conf; later lines win over initdb's defaults.
    static func settings(socketDirectory: String) -> String {
        """

        \(settingsBegin)
        # Only the unix socket in our own folder: nothing on the network can reach this server.
        listen_addresses = ''
        unix_socket_directories = '\(socketDirectory.replacingOccurrences(of: "'", with: "''"))'
        # A batch ETL box: big loads, few sessions. A night's run reads and updates pages all over
        # a warehouse of millions of rows: with 256MB of buffers the server evicted and wrote back
        # pages it needed again (a benchmark night 4.5 s; 1GB 4.0 s, 2GB 3.95 s).
        shared_buffers = 1GB
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
        \(settingsEnd)

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
