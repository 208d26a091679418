import Foundation

/// The deterministic generator of realistic dirty test data: the oracle for integration tests.
///
/// It builds a population of households (`PopulationBuilder`), simulates their purchases,
/// warranty registrations and call-centre contacts (`Simulation`, a BG/NBD process with
/// replacement cycles and campaign funnels), then writes the deliveries the pipeline reads and
/// the truth it is checked against:
/// ```
/// OUT/base/{sales,warranty,contacts}/*.csv[.gz]
/// OUT/nights/NNN/{sales,warranty,contacts}/*.csv[.gz]
/// OUT/truth/{persons,records,rejects,field_issues,duplicates}.csv
/// ```
/// `records.csv` lists every data line that loads (re-exports included, which also appear in
/// `duplicates.csv`); `rejects.csv` lists the others; together they cover every data line.
public enum Generator {
    /// Writes a complete data set into `outDir` (created if missing; existing files are replaced).
    public static func generate(_ config: SynthConfig, to outDir: URL) throws -> SynthSummary {
        guard config.customers > 0 else { throw SynthError.invalidConfig("customers must be at least 1 (got \(config.customers))") }
        guard config.nights >= 0 else { throw SynthError.invalidConfig("nights must not be negative (got \(config.nights))") }
        guard config.startDate < config.endDate else {
            throw SynthError.invalidConfig("startDate \(config.startDate) must be before endDate \(config.endDate)")
        }
        let root = Xoshiro(seed: config.seed)
        var builder = PopulationBuilder(rng: root.fork(1))
        var persons = builder.build(count: config.customers)
        assignMoves(&persons, builder: &builder, config: config, rng: root.fork(2))
        var simulation = Simulation(persons: persons, config: config, rng: root.fork(3))
        let history = simulation.run()
        var writer = try DeliveryWriter(config: config, root: outDir, persons: persons,
                                        campaigns: simulation.campaigns, rng: root.fork(4))
        return try writer.write(history)
    }

    /// 4% of people move once at a random time; with nights, 0.3% more move on a night, so every
    /// increment carries address changes of existing customers.
    static func assignMoves(_ persons: inout [SimPerson], builder: inout PopulationBuilder, config: SynthConfig,
                            rng: Xoshiro) {
        var rng = rng
        let start = config.startDate.dayNumber, end = config.endDate.dayNumber
        for i in persons.indices {
            let day: Int
            if rng.chance(0.04) {
                day = rng.int(start...(end + config.nights))
            } else if config.nights > 0 && rng.chance(0.003) {
                day = end + rng.int(1...config.nights)
            } else {
                continue
            }
            persons[i].move = (day, builder.movedResidence(from: persons[i].residence))
        }
    }
}
