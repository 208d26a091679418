import Foundation

/// Which PostgreSQL server a run uses.
public enum DatabaseTarget: Equatable, Sendable {
    /// A server named by a connection URL or conninfo; `origin` says where it came from
    /// (`--db`, `STARCARD_DATABASE_URL`, `DATABASE_URL`) so messages can point at it.
    case url(String, origin: String)
    /// starcard's own private cluster (`EmbeddedCluster`).
    case embedded

    /// Applies the precedence `--db URL` > `STARCARD_DATABASE_URL` > `DATABASE_URL` > embedded.
    ///
    /// An empty environment variable counts as unset, so `DATABASE_URL= starcard ...` falls back
    /// to the embedded server. An explicit empty `--db ""` is kept: it means "libpq defaults"
    /// (`PG*` variables, `~/.pgpass`).
    public static func resolve(explicit: String?,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> DatabaseTarget {
        if let explicit { return .url(explicit, origin: "--db") }
        for name in ["STARCARD_DATABASE_URL", "DATABASE_URL"] {
            if let value = environment[name], !value.isEmpty { return .url(value, origin: name) }
        }
        return .embedded
    }
}
