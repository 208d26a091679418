import ArgumentParser
import Foundation
import Synth

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write deterministic, realistically dirty sample deliveries with their truth files.")

    @Option(help: "Output folder.")
    var out: String = "demo-data"

    @Option(help: "Number of customers (people) to simulate.")
    var customers: Int = 20_000

    @Option(help: "Random seed: the same seed gives byte-identical files.")
    var seed: UInt64 = 42

    @Option(help: "Also write this many nightly increment folders under nights/.")
    var nights: Int = 0

    @Flag(help: "Write .csv.gz files.")
    var gzip = false

    func validate() throws {
        guard customers > 0 else { throw ValidationError("--customers must be at least 1") }
        guard nights >= 0 else { throw ValidationError("--nights cannot be negative") }
    }

    func run() throws {
        var config = SynthConfig(customers: customers, seed: seed)
        config.nights = nights
        config.gzip = gzip
        let started = Date()
        let summary = try Generator.generate(config, to: URL(fileURLWithPath: out))
        print(summary.description)
        print(String(format: "generated in %.1f s into %@", Date().timeIntervalSince(started), out))
    }
}
