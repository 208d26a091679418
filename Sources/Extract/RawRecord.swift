/// One CSV record as it came out of the file: decoded text fields, not yet interpreted.
public struct RawRecord: Sendable, Equatable {
    /// Physical line (1-based) in the source file where the record starts.
    public var line: Int
    /// The decoded fields, unquoted and unescaped.
    public var fields: [String]
    /// The record's decoded text as it stood in the file (kept for the quarantine).
    public var raw: String
    /// Set when the parser had to guess (for example a quote still open at end of file).
    public var problem: CSVProblem?

    public init(line: Int, fields: [String], raw: String, problem: CSVProblem? = nil) {
        self.line = line
        self.fields = fields
        self.raw = raw
        self.problem = problem
    }
}

/// A structural fault in one CSV record; the row is quarantined, the file goes on.
public enum CSVProblem: String, Sendable, Equatable {
    case unterminatedQuote = "csv.unterminated_quote"
    case textAfterClosingQuote = "csv.text_after_quote"
}
