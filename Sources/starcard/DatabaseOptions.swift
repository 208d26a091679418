import ArgumentParser
import Foundation
import Logging
import Postgres

/// Where the warehouse is: `--db URL`, else STARCARD_DATABASE_URL, else DATABASE_URL, else the
/// embedded private server (started on demand).
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "PostgreSQL URL or conninfo (default: $STARCARD_DATABASE_URL, $DATABASE_URL, else the embedded server).")
    var url: String?

    func resolve(logger: Logger) throws -> String {
        switch DatabaseTarget.resolve(explicit: url, environment: ProcessInfo.processInfo.environment) {
        case .url(let u, let origin):
            logger.info("using database", metadata: ["from": "\(origin)"])
            return u
        case .embedded:
            return try EmbeddedCluster(home: embeddedHome).start(logger: logger)
        }
    }

    var embeddedHome: URL {
        EmbeddedCluster.defaultHome(cwd: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }
}
