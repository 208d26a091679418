/// One CSV record as it came out of the file: decoded text fields, not yet interpreted.
public struct RawRecord: Sendable, Equatable {
    /// Physical line (1-based) in the source file where the record starts.
    public var line: Int
    /// The decoded fields, unquoted and unescaped.
    public var fields: [String]
    /// Set when the parser had to guess (for example a quote still open at end of file).
    public var problem: CSVProblem?
    private var rawText: RawText

    /// The record's text is only read for rows that are rejected, a small share of a file, so
    /// the parser keeps a view of its (already validated) bytes and decodes it on demand.
    private enum RawText: Sendable {
        case text(String)
        /// The record's bytes are `buffer[range]`; the buffer is shared by the records of a chunk.
        case bytes([UInt8], Range<Int>)
    }

    /// The record's decoded text as it stood in the file (kept for the quarantine).
    public var raw: String {
        get {
            switch rawText {
            case .text(let text): text
            case .bytes(let buffer, let range): String(decoding: buffer[range], as: UTF8.self)
            }
        }
        set { rawText = .text(newValue) }
    }

    public init(line: Int, fields: [String], raw: String, problem: CSVProblem? = nil) {
        self.line = line
        self.fields = fields
        self.problem = problem
        self.rawText = .text(raw)
    }

    /// A record whose text is `bytes[range]`, valid UTF-8.
    init(line: Int, fields: [String], rawBytes bytes: [UInt8], range: Range<Int>, problem: CSVProblem?) {
        self.line = line
        self.fields = fields
        self.problem = problem
        self.rawText = .bytes(bytes, range)
    }

    public static func == (a: RawRecord, b: RawRecord) -> Bool {
        a.line == b.line && a.fields == b.fields && a.problem == b.problem && a.raw == b.raw
    }
}

/// A structural fault in one CSV record; the row is quarantined, the file goes on.
public enum CSVProblem: String, Sendable, Equatable {
    case unterminatedQuote = "csv.unterminated_quote"
    case textAfterClosingQuote = "csv.text_after_quote"
}
