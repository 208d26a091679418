import Foundation

/// One `.sql` file of the project, loaded by name.
public struct SQLScript: Sendable, Hashable {
    /// Path relative to the SQL folder, e.g. `load/040_facts.sql`.
    public let name: String
    public let text: String
}

/// The project's `sql/` folder: numbered migrations, the load scripts run on every run, and the
/// mart definitions. SQL lives in files so analysts can read and review it as SQL.
public struct SQLLibrary: Sendable {
    public let root: URL
    public let migrations: [SQLScript]
    public let load: [SQLScript]
    public let marts: [SQLScript]

    public init(root: URL) throws(SQLLibraryError) {
        self.root = root
        migrations = try Self.scripts(in: "migrations", under: root)
        load = try Self.scripts(in: "load", under: root)
        marts = try Self.scripts(in: "marts", under: root)
        if migrations.isEmpty { throw .missing(root.appendingPathComponent("migrations").path) }
    }

    /// A script by its relative name; a missing one is a packaging fault, not a data fault.
    public func script(_ name: String) throws(SQLLibraryError) -> SQLScript {
        guard let s = (migrations + load + marts).first(where: { $0.name == name }) else {
            throw .missing(root.appendingPathComponent(name).path)
        }
        return s
    }

    /// Finds the SQL folder: `$STARCARD_SQL_DIR`, else a `sql/` folder beside the executable or any
    /// folder above it (a build under `.build/release/` finds the checkout's `sql/`), else above the
    /// working directory.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: URL = URL(fileURLWithPath: CommandLine.arguments.first ?? "."),
                              cwd: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) throws(SQLLibraryError) -> SQLLibrary {
        if let dir = environment["STARCARD_SQL_DIR"], !dir.isEmpty {
            return try SQLLibrary(root: URL(fileURLWithPath: dir))
        }
        var tried: [String] = []
        for start in [executable.resolvingSymlinksInPath().deletingLastPathComponent(), cwd] {
            var dir = start.standardizedFileURL
            while true {
                let candidate = dir.appendingPathComponent("sql")
                tried.append(candidate.path)
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("migrations").path) {
                    return try SQLLibrary(root: candidate)
                }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        throw .notFound(tried: Array(tried.prefix(4)))
    }

    private static func scripts(in folder: String, under root: URL) throws(SQLLibraryError) -> [SQLScript] {
        let dir = root.appendingPathComponent(folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        var out: [SQLScript] = []
        for name in names.sorted() where name.hasSuffix(".sql") {
            let path = dir.appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
            out.append(SQLScript(name: "\(folder)/\(name)", text: String(decoding: data, as: UTF8.self)))
        }
        return out
    }
}

public enum SQLLibraryError: Error, CustomStringConvertible, Sendable {
    case notFound(tried: [String])
    case missing(String)
    case unreadable(String)

    public var description: String {
        switch self {
        case .notFound(let tried):
            "cannot find starcard's sql/ folder (looked in \(tried.joined(separator: ", ")), …) — run from the checkout or set STARCARD_SQL_DIR"
        case .missing(let path): "SQL file or folder \(path) is missing — the installation is incomplete; restore it from the repository"
        case .unreadable(let path): "cannot read SQL file \(path) — check its permissions"
        }
    }
}
