import ArgumentParser
import Foundation
import Postgres

struct DB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Manage the embedded private PostgreSQL server (under ./.starcard or $STARCARD_HOME).",
        subcommands: [Start.self, Stop.self, StatusCommand.self, URLCommand.self, Reset.self])

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start the embedded server (initialising it the first time) and print its URL.")
        @OptionGroup var logging: LoggingOptions
        func run() throws {
            let logger = logging.makeLogger("starcard.db")
            print(try EmbeddedCluster(home: DatabaseOptions().embeddedHome).start(logger: logger))
        }
    }

    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Drop and recreate the embedded warehouse database (all loaded data is lost).")
        @Flag(help: "Confirm that the embedded warehouse may be emptied.")
        var yes = false
        @OptionGroup var logging: LoggingOptions
        func validate() throws {
            guard yes else { throw ValidationError("this empties the embedded warehouse; add --yes to confirm") }
        }
        func run() throws {
            let logger = logging.makeLogger("starcard.db")
            print(try EmbeddedCluster(home: DatabaseOptions().embeddedHome).resetDatabase(logger: logger))
        }
    }

    struct Stop: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop the embedded server.")
        func run() throws {
            try EmbeddedCluster(home: DatabaseOptions().embeddedHome).stop()
            print("stopped")
        }
    }

    struct StatusCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "status", abstract: "Tell whether the embedded server runs.")
        func run() throws {
            switch EmbeddedCluster(home: DatabaseOptions().embeddedHome).status() {
            case .notInitialised: print("not initialised — `starcard db start` creates it")
            case .stopped: print("stopped")
            case .running(let url, let pid): print("running (pid \(pid)): \(url)")
            }
        }
    }

    struct URLCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "url", abstract: "Print the embedded server's URL (for psql and BI tools).")
        func run() throws {
            guard let url = EmbeddedCluster(home: DatabaseOptions().embeddedHome).url else {
                throw ValidationError("the embedded server is not running — start it with `starcard db start`")
            }
            print(url)
        }
    }
}
