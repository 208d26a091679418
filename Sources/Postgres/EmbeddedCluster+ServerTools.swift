import Foundation
import Logging

/// Runs PostgreSQL's server programs. PostgreSQL refuses to run as root, so as root every tool
/// runs as the `postgres` account through `runuser`.
struct ServerTools {
    let binDirectory: URL

    static var runningAsRoot: Bool { geteuid() == 0 }

    /// Finds `initdb`/`pg_ctl`: `pg_config --bindir` first (it names the installed major
    /// version), then Debian's versioned folders, newest first.
    static func locate() throws -> ServerTools {
        var candidates: [String] = []
        if let bindir = try? capture("/usr/bin/env", ["pg_config", "--bindir"]).trimmingCharacters(in: .whitespacesAndNewlines),
           !bindir.isEmpty {
            candidates.append(bindir)
        }
        let debianRoot = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: debianRoot)) ?? []
        candidates += versions.compactMap(Int.init).sorted(by: >).map { "\(debianRoot)/\($0)/bin" }
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate + "/pg_ctl")
            && FileManager.default.isExecutableFile(atPath: candidate + "/initdb") {
            return ServerTools(binDirectory: URL(fileURLWithPath: candidate))
        }
        throw EmbeddedClusterError.serverBinariesNotFound(searched: candidates.isEmpty ? [debianRoot] : candidates)
    }

    /// Runs `tool` with `arguments` (as `postgres` when root) from `directory`, returning its output.
    @discardableResult
    func run(_ tool: String, _ arguments: [String], in directory: URL) throws -> String {
        let path = binDirectory.appendingPathComponent(tool).path
        if Self.runningAsRoot {
            return try Self.capture("/usr/sbin/runuser", ["-u", "postgres", "--", path] + arguments, in: directory)
        }
        return try Self.capture(path, arguments, in: directory)
    }

    /// Runs a program and returns what it printed, throwing on a failure status.
    ///
    /// Spawned directly rather than with Foundation's `Process`: on Linux `Process` learns that a
    /// child ended when a socket it shares with the child closes, and the postmaster that
    /// `pg_ctl start` leaves behind inherits that socket, so waiting would never end. Here the
    /// child gets only stdin (/dev/null) and an output file (not a pipe, for the same reason);
    /// every other descriptor is closed.
    static func capture(_ executable: String, _ arguments: [String],
                        in directory: URL = URL(fileURLWithPath: "/tmp")) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("starcard-\(UUID().uuidString.prefix(8)).out").path
        let output = open(outputPath, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o600)
        guard output >= 0 else {
            throw EmbeddedClusterError.folderUnusable(path: outputPath, reason: String(cString: strerror(errno)))
        }
        defer { close(output); unlink(outputPath) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, output, 2)
        closeInheritedDescriptors(&actions)

        // PG* variables meant for the user's own server must not steer our private one.
        let environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") }.map { "\($0.key)=\($0.value)" }
        // The shell changes folder for the child only: the server account may not be allowed to
        // enter ours, and initdb refuses to run from a folder it cannot see.
        let launcher = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory.path, executable] + arguments
        let argv = launcher.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid = pid_t()
        let spawnError = posix_spawn(&pid, launcher[0], &actions, nil, argv, envp)
        let command = ([executable] + arguments).joined(separator: " ")
        guard spawnError == 0 else {
            throw EmbeddedClusterError.commandFailed(command: command, status: -1,
                                                     output: "could not start it: \(String(cString: strerror(spawnError)))")
        }
        var waitStatus: Int32 = 0
        while waitpid(pid, &waitStatus, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        // Exited normally when the low 7 bits are zero; the exit code is the next byte.
        let exitCode = waitStatus & 0x7f == 0 ? (waitStatus >> 8) & 0xff : 128 + (waitStatus & 0x7f)
        guard exitCode == 0 else {
            throw EmbeddedClusterError.commandFailed(command: command, status: exitCode, output: text)
        }
        return text
    }

    /// glibc 2.34+ can close every descriptor above stderr in the child; Swift's Glibc module does
    /// not declare that GNU extension, so it is looked up at run time and skipped where missing
    /// (descriptors opened with O_CLOEXEC, as ours are, are closed anyway).
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        #if os(Linux)
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
        #endif
    }
}
