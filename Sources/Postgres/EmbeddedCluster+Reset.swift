import Logging

extension EmbeddedCluster {
    /// Drops and recreates the `starcard` database, keeping the server: an empty warehouse for a
    /// demo or a fresh start. Returns the database URL.
    public func resetDatabase(logger: Logger? = nil) throws -> String {
        let url = try start(logger: logger)
        guard let admin = self.url(database: "postgres") else { return url }
        do {
            let db = try PostgresConnection.connect(admin, logger: logger)
            let name = PostgresConnection.quoteIdentifier(Self.databaseName)
            try db.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            try db.execute("CREATE DATABASE \(name)")
        } catch {
            throw EmbeddedClusterError.databaseSetup(error)
        }
        return url
    }
}
