import Foundation
import Logging

/// Where one embedded cluster keeps its files: `data/`, `server.log` and the unix socket all
/// live in `root`, a folder the server account owns.
struct ClusterLayout {
    let root: URL

    var dataDirectory: URL { root.appendingPathComponent("data") }
    var logFile: URL { root.appendingPathComponent("server.log") }
    var socketDirectory: URL { root }

    /// Unix socket paths are limited to 107 bytes; `.s.PGSQL.NNNNN` must fit after the folder.
    var socketPathFits: Bool { root.path.utf8.count + "/.s.PGSQL.65535".utf8.count <= 100 }
}

extension EmbeddedCluster {
    /// Records the cluster folder when it is not inside the home, so every later call finds it.
    var redirectFile: URL { home.appendingPathComponent("cluster.path") }

    /// Decides where the cluster lives, in order: a recorded `cluster.path`; an existing
    /// `<home>/cluster`; `<home>/cluster` when the server account can reach it and the socket path
    /// fits; otherwise a private folder under /tmp named after a hash of the home path.
    ///
    /// With `record`, a /tmp choice is written to `cluster.path` and logged (once, since later
    /// calls read it back).
    func resolveLayout(record: Bool, logger: Logger?) throws -> ClusterLayout {
        if let recorded = try? String(contentsOf: redirectFile, encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines), !recorded.isEmpty {
            return ClusterLayout(root: URL(fileURLWithPath: recorded))
        }
        let inside = ClusterLayout(root: home.appendingPathComponent("cluster"))
        if FileManager.default.fileExists(atPath: inside.root.path) { return inside }
        if inside.socketPathFits && serverAccountCanReach(home) { return inside }

        let outside = ClusterLayout(root: URL(fileURLWithPath: "/tmp/starcard-\(Self.shortHash(home.path))"))
        if record {
            try Data((outside.root.path + "\n").utf8).write(to: redirectFile)
            logger?.info("the embedded PostgreSQL server keeps its files outside the project folder",
                         metadata: ["folder": "\(outside.root.path)", "reason": "\(inside.socketPathFits ? "the postgres account cannot reach \(home.path)" : "the socket path would be too long")",
                                    "recordedIn": "\(redirectFile.path)"])
        }
        return outside
    }

    /// As root the server runs as `postgres`, which needs search permission on every folder down
    /// to the home; `test -x` run as that account checks exactly that, ACLs included. A home not
    /// made yet is judged by its nearest existing parent, as `start` creates it world-searchable.
    private func serverAccountCanReach(_ folder: URL) -> Bool {
        guard ServerTools.runningAsRoot else { return true }
        var existing = folder
        while !FileManager.default.fileExists(atPath: existing.path) && existing.path != "/" {
            existing = existing.deletingLastPathComponent()
        }
        return (try? ServerTools.capture("/usr/sbin/runuser", ["-u", "postgres", "--", "test", "-x", existing.path])) != nil
    }

    /// Creates the cluster folder owned by the server account, private to it; refuses a folder
    /// someone else already owns (it could be a trap planted in /tmp).
    func prepareRoot(_ layout: ClusterLayout) throws {
        let path = layout.root.path
        let owner = try ServerAccount.current()
        if !FileManager.default.fileExists(atPath: path) {
            do {
                try FileManager.default.createDirectory(at: layout.root, withIntermediateDirectories: true)
            } catch {
                throw EmbeddedClusterError.folderUnusable(path: path, reason: "\(error.localizedDescription)")
            }
            guard chown(path, owner.uid, owner.gid) == 0, chmod(path, 0o700) == 0 else {
                throw EmbeddedClusterError.folderUnusable(path: path, reason: "cannot give it to \(owner.name): \(String(cString: strerror(errno)))")
            }
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw EmbeddedClusterError.folderUnusable(path: path, reason: String(cString: strerror(errno)))
        }
        guard info.st_uid == owner.uid else {
            throw EmbeddedClusterError.folderUnusable(
                path: path, reason: "it belongs to user id \(info.st_uid), not \(owner.name); remove it or set STARCARD_HOME elsewhere")
        }
    }

    /// FNV-1a: stable across runs and platforms, unlike `Hasher`, which is seeded per process.
    static func shortHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(String(hash, radix: 16).suffix(8))
    }
}

/// The account the server runs as: `postgres` when we are root, otherwise ourselves.
struct ServerAccount {
    let name: String
    let uid: uid_t
    let gid: gid_t

    static func current() throws -> ServerAccount {
        guard ServerTools.runningAsRoot else { return ServerAccount(name: "the current user", uid: geteuid(), gid: getegid()) }
        guard let entry = getpwnam("postgres") else {
            throw EmbeddedClusterError.folderUnusable(
                path: "/", reason: "running as root needs the postgres account, which does not exist — install postgresql-15")
        }
        return ServerAccount(name: "postgres", uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid)
    }
}
