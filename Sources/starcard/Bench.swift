import ArgumentParser
import Cleanse
import Foundation
import Pipeline

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure stages in isolation (the scripts in scripts/ compare them with baselines).",
        subcommands: [Extract.self])

    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extract + cleanse one file on one core, no database; prints the median of several passes.")

        @Argument(help: "The CSV (or CSV.gz) file.")
        var file: String

        @Option(help: "What the file holds: sales, warranty or contact.")
        var kind: String = "sales"

        @Option(help: "cleanse: extract + cleanse only; staging: also person keys and staging text, as a run does before COPY.")
        var level: String = "cleanse"

        @Option(help: "Passes over the file; the median is reported.")
        var passes: Int = 3

        func validate() throws {
            guard SourceKind(rawValue: kind) != nil else { throw ValidationError("--kind must be sales, warranty or contact") }
            guard ThroughputProbe.Level(rawValue: level) != nil else { throw ValidationError("--level must be cleanse or staging") }
            guard passes > 0 else { throw ValidationError("--passes must be at least 1") }
        }

        func run() throws {
            var results: [ThroughputProbe.Result] = []
            for _ in 0..<passes {
                results.append(try ThroughputProbe.run(file: URL(fileURLWithPath: file), kind: SourceKind(rawValue: kind)!,
                                                       level: ThroughputProbe.Level(rawValue: level)!))
            }
            let median = results.sorted { $0.seconds < $1.seconds }[results.count / 2]
            let cpuMedian = results.map(\.cpuSeconds).sorted()[results.count / 2]
            print(String(format: "starcard %@: %d rows (%d rejected), %.1f MB, median %.3f s of %d passes = %.1f MB/s, %.0f rows/s; CPU time median %.3f s",
                         level == "cleanse" ? "extract+cleanse" : "extract+cleanse+staging", median.rows, median.rejected, Double(median.bytes) / 1e6, median.seconds, passes,
                         median.megabytesPerSecond, median.rowsPerSecond, cpuMedian))
        }
    }
}
