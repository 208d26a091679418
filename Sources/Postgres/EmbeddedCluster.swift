import Foundation
import Logging

/// starcard's private PostgreSQL cluster: created with `initdb` on first use, started and stopped
/// with `pg_ctl`, reachable only through a unix socket in its own folder.
public struct EmbeddedCluster: Sendable {
    /// Whether the cluster exists and runs.
    public enum Status: Equatable, Sendable {
        case notInitialised
        case stopped
        /// Running; `url` reaches the `starcard` database, `pid` is the postmaster.
        case running(url: String, pid: Int)
    }

    /// The database `start` creates and returns a URL for.
    public static let databaseName = "starcard"
    /// The superuser `initdb` creates; trust authentication, socket only.
    static let userName = "starcard"

    /// The project's starcard folder (`.starcard`); the cluster lives in `<home>/cluster` or,
    /// when that cannot work, in the folder `<home>/cluster.path` names.
    public let home: URL

    /// How hard the server works to survive a crash or power cut.
    public enum Durability: Sendable {
        /// fsync on: a crash loses at most the last moments of commits, never consistency.
        case crashSafe
        /// fsync and full-page writes off: much faster checkpoints and CREATE/DROP DATABASE, but a
        /// crash of the machine can corrupt the cluster. Only for data you can throw away (tests).
        case disposable
    }

    /// The durability the server runs with; applied at every start, so it can change between starts.
    public let durability: Durability

    /// A cluster whose files belong to `home`.
    public init(home: URL, durability: Durability = .crashSafe) {
        self.home = home.standardizedFileURL
        self.durability = durability
    }

    /// A cluster in the default home for the current directory (see `defaultHome`).
    public init() {
        self.init(home: Self.defaultHome(cwd: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)))
    }

    /// `$STARCARD_HOME` (`~` expanded, relative paths resolved against `cwd`) or `<cwd>/.starcard`.
    public static func defaultHome(environment: [String: String] = ProcessInfo.processInfo.environment,
                                   cwd: URL) -> URL {
        if let configured = environment["STARCARD_HOME"], !configured.isEmpty {
            let expanded = NSString(string: configured).expandingTildeInPath
            // `URL(fileURLWithPath:relativeTo:)` would treat a base without a trailing slash as a
            // file and resolve against its parent.
            return (expanded.hasPrefix("/") ? URL(fileURLWithPath: expanded) : cwd.appendingPathComponent(expanded))
                .standardizedFileURL
        }
        return cwd.appendingPathComponent(".starcard").standardizedFileURL
    }

    /// Starts the cluster, creating it first if needed, and makes sure database `starcard` exists.
    /// Does nothing but return the URL when it already runs. Safe to call from several processes
    /// at once: they take turns on a lock file in the home.
    ///
    /// - Returns: a libpq URL, `postgresql:///starcard?host=<socket folder>&port=<port>&user=starcard`.
    public func start(logger: Logger? = nil) throws -> String {
        // Searchable by all regardless of umask: as root, the server account must pass through it.
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
        return try withHomeLock {
            let layout = try resolveLayout(record: true, logger: logger)
            if case .running(let url, _) = status(of: layout) {
                try ensureDatabase(layout: layout, logger: logger)
                return url
            }
            let tools = try ServerTools.locate()
            if status(of: layout) == .notInitialised {
                try initialise(layout, tools: tools, logger: logger)
            }
            try applySettings(layout)
            let port = try freePort(for: layout)
            logger?.info("starting the embedded PostgreSQL server",
                         metadata: ["dataDirectory": "\(layout.dataDirectory.path)", "port": "\(port)"])
            do {
                try tools.run("pg_ctl", ["-D", layout.dataDirectory.path, "-l", layout.logFile.path,
                                         "-w", "-t", "120", "-o", serverOptions(port: port), "start"], in: layout.root)
            } catch EmbeddedClusterError.commandFailed(_, _, let output) {
                throw EmbeddedClusterError.startFailed(logFile: layout.logFile.path,
                                                       logTail: Self.tail(of: layout.logFile, lines: 20), output: output)
            }
            guard case .running(let url, _) = status(of: layout) else {
                throw EmbeddedClusterError.startFailed(logFile: layout.logFile.path,
                                                       logTail: Self.tail(of: layout.logFile, lines: 20), output: "")
            }
            try ensureDatabase(layout: layout, logger: logger)
            return url
        }
    }

    /// Options for the postmaster command line (pg_ctl hands them to a shell, so only fixed words
    /// and numbers go here).
    private func serverOptions(port: Int) -> String {
        switch durability {
        case .crashSafe: return "-p \(port)"
        case .disposable: return "-p \(port) -c fsync=off -c full_page_writes=off"
        }
    }

    /// Stops the cluster (fast shutdown: open sessions are ended, work is not lost). Does nothing
    /// when it does not run.
    public func stop() throws {
        guard FileManager.default.fileExists(atPath: home.path) else { return }
        try withHomeLock {
            let layout = try resolveLayout(record: false, logger: nil)
            guard case .running = status(of: layout) else { return }
            try ServerTools.locate().run("pg_ctl", ["-D", layout.dataDirectory.path, "-m", "fast", "-w", "-t", "120", "stop"],
                                         in: layout.root)
        }
    }

    /// Reads the cluster's state from its files, without starting or changing anything.
    public func status() -> Status {
        guard FileManager.default.fileExists(atPath: home.path),
              let layout = try? resolveLayout(record: false, logger: nil) else { return .notInitialised }
        return status(of: layout)
    }

    /// The folder that holds (or will hold) `data/`, `server.log` and the socket: `<home>/cluster`,
    /// or a private folder under /tmp when the server account cannot reach the home or the socket
    /// path would be too long. Changes nothing on disk.
    public func clusterFolder() throws -> URL {
        try resolveLayout(record: false, logger: nil).root
    }

    /// The URL of database `starcard` while the cluster runs, else `nil`.
    public var url: String? { url(database: Self.databaseName) }

    /// The URL of `database` on this cluster while it runs, else `nil`.
    public func url(database: String) -> String? {
        guard case .running = status(), let layout = try? resolveLayout(record: false, logger: nil),
              let port = Self.postmasterInfo(layout)?.port else { return nil }
        return Self.url(socketDirectory: layout.socketDirectory.path, port: port, database: database)
    }

    func status(of layout: ClusterLayout) -> Status {
        guard FileManager.default.fileExists(atPath: layout.dataDirectory.appendingPathComponent("PG_VERSION").path) else {
            return .notInitialised
        }
        guard let postmaster = Self.postmasterInfo(layout), postmaster.ready else { return .stopped }
        return .running(url: Self.url(socketDirectory: postmaster.socketDirectory, port: postmaster.port,
                                      database: Self.databaseName),
                        pid: postmaster.pid)
    }

    /// `postmaster.pid` lines: pid, data dir, start time, port, socket dir, listen address,
    /// shared memory key, state. A pid whose process is gone is a leftover from a crash.
    static func postmasterInfo(_ layout: ClusterLayout) -> (pid: Int, port: Int, socketDirectory: String, ready: Bool)? {
        let file = layout.dataDirectory.appendingPathComponent("postmaster.pid")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard lines.count >= 5, let pid = Int(lines[0]), pid > 0, let port = Int(lines[3]) else { return nil }
        guard kill(pid_t(pid), 0) == 0 || errno == EPERM else { return nil }
        let ready = lines.count > 7 && lines[7] == "ready"
        return (pid, port, lines[4].isEmpty ? layout.socketDirectory.path : lines[4], ready)
    }

    static func url(socketDirectory: String, port: Int, database: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "/-._~")
        let host = socketDirectory.addingPercentEncoding(withAllowedCharacters: allowed) ?? socketDirectory
        let name = database.addingPercentEncoding(withAllowedCharacters: allowed) ?? database
        return "postgresql:///\(name)?host=\(host)&port=\(port)&user=\(userName)"
    }

    /// The last `lines` lines of a log file, for error messages.
    static func tail(of file: URL, lines: Int) -> String {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return "(\(file.path) is missing or unreadable)" }
        return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }

    /// Serialises start/stop across threads and processes (tests of several targets may share a
    /// cluster); `flock` is tied to the open file, so it is released even if we crash.
    private func withHomeLock<T>(_ body: () throws -> T) throws -> T {
        let lockPath = home.appendingPathComponent("cluster.lock").path
        let descriptor = open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw EmbeddedClusterError.folderUnusable(path: lockPath, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw EmbeddedClusterError.folderUnusable(path: lockPath, reason: String(cString: strerror(errno)))
            }
        }
        return try body()
    }
}
