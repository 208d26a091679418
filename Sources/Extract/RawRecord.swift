/// One CSV record as it came out of the file: decoded text fields, not yet interpreted.
///
/// The parser hands out records that share the bytes of the chunk they came from: a field
/// becomes a `String` only when it is asked for (`fields`, `field(_:)`), and `withFieldBytes`
/// reads it with no string at all, which is how the cleanser parses dates, amounts and phones.
public struct RawRecord: Sendable, Equatable {
    /// Physical line (1-based) in the source file where the record starts.
    public var line: Int
    /// Set when the parser had to guess (for example a quote still open at end of file).
    public var problem: CSVProblem?
    @usableFromInline var storage: Storage
    private var rawText: RawText

    @usableFromInline enum Storage: Sendable {
        case strings([String])
        /// Field `i` is `buffer[ranges[i]]`, valid UTF-8 with nothing left to unescape.
        case bytes(buffer: [UInt8], ranges: [Range<Int>])
    }

    /// The record's text is only read for rows that are rejected, a small share of a file, so
    /// it too stays as bytes until asked for.
    private enum RawText: Sendable {
        case text(String)
        case bytes([UInt8], Range<Int>)
    }

    /// The decoded fields, unquoted and unescaped.
    public var fields: [String] {
        get {
            switch storage {
            case .strings(let fields): fields
            case .bytes(let buffer, let ranges): ranges.map { String(decoding: buffer[$0], as: UTF8.self) }
            }
        }
        set { storage = .strings(newValue) }
    }

    public var fieldCount: Int {
        switch storage {
        case .strings(let fields): fields.count
        case .bytes(_, let ranges): ranges.count
        }
    }

    /// Field `index` as text.
    public func field(_ index: Int) -> String {
        switch storage {
        case .strings(let fields): fields[index]
        case .bytes(let buffer, let ranges): String(decoding: buffer[ranges[index]], as: UTF8.self)
        }
    }

    /// Calls `body` with the UTF-8 bytes of field `index`.
    @inlinable
    public func withFieldBytes<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch storage {
        case .strings(let fields):
            var text = fields[index]
            return text.withUTF8(body)
        case .bytes(let buffer, let ranges):
            let range = ranges[index]
            return buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
        }
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
        self.problem = problem
        self.storage = .strings(fields)
        self.rawText = .text(raw)
    }

    /// A record whose text is `buffer[rawRange]` and whose fields are `storage`.
    init(line: Int, storage: Storage, buffer: [UInt8], rawRange: Range<Int>, problem: CSVProblem?) {
        self.line = line
        self.problem = problem
        self.storage = storage
        self.rawText = .bytes(buffer, rawRange)
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
