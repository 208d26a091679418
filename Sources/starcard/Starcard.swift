import ArgumentParser
import Foundation
import Logging

@main
struct Starcard: ParsableCommand {
    static let version = "0.1.0"
    static let configuration = CommandConfiguration(
        commandName: "starcard",
        abstract: "Batch ETL for customer data warehouses: files → PostgreSQL star schema → marts.",
        version: version,
        subcommands: [Run.self, Generate.self, Status.self, DB.self, Bench.self])

    /// Runs a subcommand and turns any error into one clear line and a non-zero exit.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let e as CleanExit {
            exit(withError: e)
        } catch let e where isArgumentError(e) {
            exit(withError: e)
        } catch {
            let text = "\(error)".split(separator: "\n").map { "starcard: \($0)" }.joined(separator: "\n")
            FileHandle.standardError.write(Data((text + "\n").utf8))
            Foundation.exit(1)
        }
    }

    private static func isArgumentError(_ e: Error) -> Bool {
        String(reflecting: type(of: e)).contains("ArgumentParser")
    }
}

/// Options every command that logs shares.
struct LoggingOptions: ParsableArguments {
    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error.")
    var logLevel: Logger.Level = .warning

    func makeLogger(_ label: String) -> Logger {
        let level = logLevel
        LoggingSystem.bootstrap { name in
            var h = StreamLogHandler.standardError(label: name)
            h.logLevel = level
            return h
        }
        return Logger(label: label)
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
