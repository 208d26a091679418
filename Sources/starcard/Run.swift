import ArgumentParser
import Foundation
import Pipeline
import Warehouse

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a pipeline: extract → cleanse → dedupe → load → score, in one transaction.")

    @Argument(help: "The pipeline file.")
    var pipeline: String = "pipelines/nightly.toml"

    @Option(help: "Data folder (overrides data_dir in the pipeline file).")
    var data: String?

    @Option(help: "Scoring date YYYY-MM-DD (default: the pipeline's, else the latest business date loaded).")
    var asOf: String?

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if let a = asOf, DayParser.iso(a) == nil {
            throw ValidationError("--as-of \(a) is not a date: write YYYY-MM-DD")
        }
    }

    func run() throws {
        let logger = logging.makeLogger("starcard.run")
        let config = try PipelineConfig.load(URL(fileURLWithPath: pipeline))
        let library = try SQLLibrary.locate()
        let url = try database.resolve(logger: logger)
        let progress: ProgressReporter? = isatty(STDERR_FILENO) == 1 ? TerminalProgress() : nil
        let runner = PipelineRunner(config: config, databaseURL: url, library: library, logger: logger, progress: progress)
        let summary = try runner.run(RunOptions(dataDir: data.map { URL(fileURLWithPath: $0) },
                                                asOf: asOf.flatMap(DayParser.iso), version: Starcard.version))
        print(SummaryText.render(summary))
        if !summary.failedFiles.isEmpty {
            throw RunCompletedWithFailures(count: summary.failedFiles.count, runId: summary.runId)
        }
    }
}

struct RunCompletedWithFailures: Error, CustomStringConvertible {
    let count: Int
    let runId: Int64
    var description: String {
        "run \(runId) committed, but \(count) file(s) failed and were not loaded — see the messages above, fix the files and run again"
    }
}

/// Per-file progress on a terminal (stderr), so long runs show they are alive.
final class TerminalProgress: ProgressReporter, @unchecked Sendable {
    func stage(_ name: String) { FileHandle.standardError.write(Data("» \(name)\n".utf8)) }
    func fileStarted(_ file: String, bytes: Int) {
        FileHandle.standardError.write(Data("  \(file) (\(bytes / 1024) KiB)…".utf8))
    }
    func fileFinished(_ f: FileLedger, seconds: Double) {
        let rate = seconds > 0 ? Int(Double(f.rowsRead) / seconds) : 0
        FileHandle.standardError.write(Data(" \(f.status.rawValue), \(f.rowsRead) rows, \(rate) rows/s\n".utf8))
    }
}
