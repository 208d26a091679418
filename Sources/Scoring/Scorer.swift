import Logging
import Postgres
import Warehouse

/// Thresholds of the value tiers, from the pipeline's `[scoring]` table.
public struct ScoringSettings: Sendable, Equatable {
    /// Share of customers (by last-12-month revenue) whose current value counts as high.
    public var currentHighShare: Double
    /// Share of customers (by expected next-12-month spend) whose potential counts as high.
    public var potentialHighShare: Double

    public init(currentHighShare: Double = 0.2, potentialHighShare: Double = 0.3) {
        self.currentHighShare = currentHighShare
        self.potentialHighShare = potentialHighShare
    }
}

/// How many rows each mart holds after publishing.
public struct MartSummary: Sendable, Equatable {
    public var name: String
    public var rows: Int
}

/// The scoring stage: rebuilds every mart of `sql/marts/` inside the run's transaction, so readers
/// keep seeing the previous marts until the run commits and never see a half-built one.
public enum Scorer {
    public static func publish(_ db: PostgresConnection, library: SQLLibrary, settings: ScoringSettings,
                               logger: Logger) throws -> [MartSummary] {
        try db.query("SELECT set_config('starcard.current_high_share', $1, true), set_config('starcard.potential_high_share', $2, true)",
                     [String(settings.currentHighShare), String(settings.potentialHighShare)])
        var out: [MartSummary] = []
        for script in library.marts {
            try logger.timed(script.name) { try db.execute(script.text) }
            let table = martTable(of: script)
            let n = try db.query("SELECT count(*) FROM marts.\(table)").rows.first?[0].flatMap { Int($0) } ?? 0
            out.append(MartSummary(name: "marts.\(table)", rows: n))
        }
        return out
    }

    /// `marts/010_mart_customer_value.sql` fills `marts.mart_customer_value`: the file is named for its table.
    static func martTable(of script: SQLScript) -> String {
        let file = script.name.split(separator: "/").last.map(String.init) ?? script.name
        let stem = file.hasSuffix(".sql") ? String(file.dropLast(4)) : file
        guard let underscore = stem.firstIndex(of: "_") else { return stem }
        return String(stem[stem.index(after: underscore)...])
    }
}
