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
    /// The decoded text of the chunk the record was parsed from (empty for a record built from
    /// strings). One reference serves both the fields and the raw text, so handing a record on
    /// costs one retain fewer.
    @usableFromInline var buffer: [UInt8]
    @usableFromInline var storage: Storage
    private var rawText: RawText

    @usableFromInline enum Storage: Sendable {
        case strings([String])
        /// Field `i` is `buffer[bounds[first + 2i] ..< bounds[first + 2i + 1]]`, valid UTF-8 with
        /// nothing left to unescape. All records of one chunk share `bounds`, so a record costs
        /// no allocation of its own.
        case bytes(bounds: [Int], first: Int, count: Int)
    }

    /// The record's text is only read for rows that are rejected, a small share of a file, so
    /// it too stays as bytes until asked for.
    private enum RawText: Sendable {
        case text(String)
        case inBuffer(Range<Int>)
    }

    /// The decoded fields, unquoted and unescaped.
    public var fields: [String] {
        get {
            switch storage {
            case .strings(let fields): fields
            case .bytes(_, _, let count): (0..<count).map(field)
            }
        }
        set { storage = .strings(newValue) }
    }

    public var fieldCount: Int {
        switch storage {
        case .strings(let fields): fields.count
        case .bytes(_, _, let count): count
        }
    }

    /// Field `index` as text.
    public func field(_ index: Int) -> String {
        switch storage {
        case .strings(let fields): fields[index]
        case .bytes: withFieldBytes(index) { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// Calls `body` with the UTF-8 bytes of field `index`.
    @inlinable
    public func withFieldBytes<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch storage {
        case .strings(let fields):
            var text = fields[index]
            return text.withUTF8(body)
        case .bytes(let bounds, let first, let count):
            // The shared bounds hold the other records' fields too: an index past this record's
            // must trap, not read a neighbour.
            precondition(index >= 0 && index < count, "field index out of range")
            let range = bounds[first + 2 * index]..<bounds[first + 2 * index + 1]
            return buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
        }
    }

    /// The record's decoded text as it stood in the file (kept for the quarantine).
    public var raw: String {
        get {
            switch rawText {
            case .text(let text): text
            case .inBuffer(let range): String(decoding: buffer[range], as: UTF8.self)
            }
        }
        set { rawText = .text(newValue) }
    }

    public init(line: Int, fields: [String], raw: String, problem: CSVProblem? = nil) {
        self.line = line
        self.problem = problem
        self.buffer = []
        self.storage = .strings(fields)
        self.rawText = .text(raw)
    }

    /// A record whose text is `buffer[rawRange]` and whose fields are `storage`.
    init(line: Int, storage: Storage, buffer: [UInt8], rawRange: Range<Int>, problem: CSVProblem?) {
        self.line = line
        self.problem = problem
        self.buffer = buffer
        self.storage = storage
        self.rawText = .inBuffer(rawRange)
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
