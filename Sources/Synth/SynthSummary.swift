/// What a generation wrote, for logs and for tests to check the pipeline's counts against.
public struct SynthSummary: Sendable, CustomStringConvertible {
    /// Data rows (header excluded) per delivery file, by path relative to the output folder.
    public var files: [String: Int] = [:]
    /// People in the population (`truth/persons.csv`).
    public var persons = 0
    /// People with at least one loadable record.
    public var customers = 0
    public var households = 0
    /// Rows per source kind, re-exports excluded.
    public var salesLines = 0
    public var warrantyCards = 0
    public var contactAttempts = 0
    /// Rows the pipeline must reject (`truth/rejects.csv`).
    public var rejectsExpected = 0
    /// Fields the pipeline must null with an issue code (`truth/field_issues.csv`).
    public var fieldIssuesExpected = 0
    /// Re-exported rows the pipeline must count as merged (`truth/duplicates.csv`).
    public var duplicatesExpected = 0
    /// Share of simulated revenue (yuan) from the top 20% of buying customers.
    public var topQuintileRevenueShare = 0.0

    public var description: String {
        var lines = [
            "persons \(persons) in \(households) households, customers \(customers)",
            "rows: sales \(salesLines), warranty \(warrantyCards), contacts \(contactAttempts)",
            "expected: rejects \(rejectsExpected), field issues \(fieldIssuesExpected), duplicates \(duplicatesExpected)",
            "top 20% of customers bring \(Int((topQuintileRevenueShare * 100).rounded()))% of revenue",
        ]
        for (path, rows) in files.sorted(by: { $0.key < $1.key }) { lines.append("  \(path): \(rows) rows") }
        return lines.joined(separator: "\n")
    }
}
