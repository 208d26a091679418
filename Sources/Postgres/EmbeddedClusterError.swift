/// Why the embedded PostgreSQL cluster could not be set up, started or stopped.
public enum EmbeddedClusterError: Error, CustomStringConvertible, Sendable {
    /// `initdb`/`pg_ctl` were found in none of the places searched.
    case serverBinariesNotFound(searched: [String])
    /// A server tool exited with a failure status.
    case commandFailed(command: String, status: Int32, output: String)
    /// `pg_ctl start` gave up; the tail of the server log usually says why.
    case startFailed(logFile: String, logTail: String, output: String)
    /// A folder the cluster needs cannot be created or is not safe to use.
    case folderUnusable(path: String, reason: String)
    /// The server runs but creating or checking the `starcard` database failed.
    case databaseSetup(PostgresError)

    public var description: String {
        switch self {
        case .serverBinariesNotFound(let searched):
            return "PostgreSQL server programs (initdb, pg_ctl) not found in \(searched.joined(separator: ", "))"
                + " — install postgresql-15, or set DATABASE_URL to use an existing server"
        case .commandFailed(let command, let status, let output):
            return "\(command) failed with exit status \(status)\n\(output)"
        case .startFailed(let logFile, let logTail, let output):
            return "the embedded PostgreSQL server did not start — see \(logFile); its last lines:\n\(logTail)"
                + (output.isEmpty ? "" : "\npg_ctl said:\n\(output)")
        case .folderUnusable(let path, let reason):
            return "cannot use folder \(path) for the embedded PostgreSQL server: \(reason)"
        case .databaseSetup(let error):
            return "the embedded PostgreSQL server runs but the database could not be prepared: \(error)"
        }
    }
}
