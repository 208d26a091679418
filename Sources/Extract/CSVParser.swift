/// A chunk-fed RFC 4180 state machine over UTF-8 bytes.
///
/// Feed it any split of the input (one byte at a time or all at once gives the same records)
/// and collect finished records with `drain()`. Bytes of the record in progress are kept in
/// `pending`; everything before it is dropped after each feed, so memory follows the longest
/// record, not the file.
struct CSVParser {
    static let quote = UInt8(ascii: "\"")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    let delimiter: UInt8

    private enum State {
        /// Between records: blank lines are skipped here.
        case recordStart
        /// A CR ended the last line; an LF right after it belongs to the same line end.
        case afterCarriageReturn
        case fieldStart
        case unquoted
        case quoted
        /// A quote inside a quoted field: either the first of a doubled quote or the closing one.
        case quoteInQuoted
    }

    private enum FieldKind {
        case plain
        case quoted(hasDoubledQuotes: Bool)
        /// Malformed (text after the closing quote): kept exactly as written.
        case verbatim
    }

    private struct FieldSpan {
        var start: Int
        var end: Int
        var kind: FieldKind

        var needsUnescaping: Bool {
            if case .quoted(hasDoubledQuotes: true) = kind { true } else { false }
        }
    }

    private var pending: [UInt8] = []
    private var position = 0
    private var state = State.recordStart
    private var recordStart = 0
    private var recordLine = 1
    private var fieldStart = 0
    private var fieldHasDoubledQuotes = false
    private var fieldIsVerbatim = false
    private var spans: [FieldSpan] = []
    private var problem: CSVProblem?
    /// Records ended in the current feed; they become `RawRecord`s once `bounds` is complete.
    private var ended: [EndedRecord] = []
    /// Start and end of every plain field of `ended`, in order: one array for the whole chunk.
    private var bounds: [Int] = []
    private var output: [RawRecord] = []

    private struct EndedRecord {
        var line: Int
        var problem: CSVProblem?
        var rawRange: Range<Int>
        /// The unescaped fields when one had doubled quotes, else nil and the fields are
        /// `count` pairs of `bounds` from `first`.
        var strings: [String]?
        var first: Int
        var count: Int
    }

    /// The physical line (1-based) of the next byte to be read.
    private(set) var line = 1

    /// Bytes of the record still open (not yet ended by a line end), and the line it starts on.
    var openRecord: (bytes: Int, line: Int) {
        state == .recordStart || state == .afterCarriageReturn ? (0, line) : (pending.count - recordStart, recordLine)
    }

    init(delimiter: UInt8) {
        self.delimiter = delimiter
    }

    /// Takes the records finished so far.
    mutating func drain() -> [RawRecord] {
        var records: [RawRecord] = []
        drain(into: &records)
        return records
    }

    /// Replaces `records` with the records finished so far; the two arrays trade storage so a
    /// steady stream of chunks allocates no new record buffers.
    mutating func drain(into records: inout [RawRecord]) {
        records.removeAll(keepingCapacity: true)
        swap(&records, &output)
    }

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        feed { $0.append(contentsOf: bytes) }
    }

    /// Lets `append` add bytes to the end of the parser's buffer, then reads them: a decoder can
    /// write its output straight in rather than into a buffer of its own that is then copied.
    mutating func feed<R>(appending append: (inout [UInt8]) -> R) -> R {
        let result = append(&pending)
        do {
            // A second reference keeps the storage alive and unchanged while `scan` mutates
            // self; the records keep it too, as their raw text, so `dropConsumedBytes` moves
            // only the unfinished record's bytes into a new buffer.
            let snapshot = pending
            snapshot.withUnsafeBufferPointer { scan($0) }
            publish(owner: snapshot)
        }
        dropConsumedBytes()
        return result
    }

    mutating func feed(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { feed($0) }
    }

    /// Ends the input: a record without a final line end is finished, an open quote becomes
    /// a record marked `.unterminatedQuote`.
    mutating func finish() {
        let snapshot = pending
        snapshot.withUnsafeBufferPointer { bytes in
            let end = bytes.count
            switch state {
            case .recordStart, .afterCarriageReturn:
                return
            case .fieldStart:
                spans.append(FieldSpan(start: end, end: end, kind: .plain))
            case .unquoted:
                closeUnquotedField(end: end)
            case .quoted:
                problem = problem ?? .unterminatedQuote
                spans.append(FieldSpan(start: fieldStart + 1, end: end, kind: .quoted(hasDoubledQuotes: fieldHasDoubledQuotes)))
            case .quoteInQuoted:
                spans.append(FieldSpan(start: fieldStart + 1, end: end - 1, kind: .quoted(hasDoubledQuotes: fieldHasDoubledQuotes)))
            }
            emitRecord(bytes, end: end)
        }
        publish(owner: snapshot)
        pending.removeAll()
        position = 0
        recordStart = 0
        state = .recordStart
    }

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        var index = position
        let delimiter = self.delimiter
        scanning: while index < count {
            switch state {
            case .recordStart:
                let byte = bytes[index]
                if byte == Self.lineFeed || byte == Self.carriageReturn {
                    line += 1
                    index += 1
                    state = byte == Self.carriageReturn ? .afterCarriageReturn : .recordStart
                    continue
                }
                recordStart = index
                recordLine = line
                state = .fieldStart
            case .afterCarriageReturn:
                if bytes[index] == Self.lineFeed { index += 1 }
                state = .recordStart
            case .fieldStart:
                fieldStart = index
                fieldIsVerbatim = false
                if bytes[index] == Self.quote {
                    fieldHasDoubledQuotes = false
                    index += 1
                    state = .quoted
                } else {
                    state = .unquoted
                }
            case .unquoted:
                while true {
                    index = Self.skipPlainWords(bytes, from: index, delimiter: delimiter)
                    while index < count {
                        let byte = bytes[index]
                        if byte == delimiter || byte == Self.lineFeed || byte == Self.carriageReturn { break }
                        index += 1
                    }
                    if index == count { break scanning }
                    closeUnquotedField(end: index)
                    // A delimiter and then another unquoted field, the usual case, is taken here
                    // rather than through the state switch, whose jump mispredicted per field.
                    if bytes[index] == delimiter && index + 1 < count && bytes[index + 1] != Self.quote {
                        index += 1
                        fieldStart = index
                        fieldIsVerbatim = false
                        continue
                    }
                    endField(bytes, at: &index)
                    break
                }
            case .quoted:
                while index < count {
                    let byte = bytes[index]
                    if byte == Self.quote { break }
                    // The opening quote precedes us, so bytes[index - 1] is always in range.
                    if byte == Self.carriageReturn || (byte == Self.lineFeed && bytes[index - 1] != Self.carriageReturn) {
                        line += 1
                    }
                    index += 1
                }
                if index == count { break scanning }
                index += 1
                state = .quoteInQuoted
            case .quoteInQuoted:
                let byte = bytes[index]
                if byte == Self.quote {
                    fieldHasDoubledQuotes = true
                    index += 1
                    state = .quoted
                } else if byte == delimiter || byte == Self.lineFeed || byte == Self.carriageReturn {
                    spans.append(FieldSpan(start: fieldStart + 1, end: index - 1, kind: .quoted(hasDoubledQuotes: fieldHasDoubledQuotes)))
                    endField(bytes, at: &index)
                } else {
                    // Lenient like most readers: keep going to the next delimiter, but flag the
                    // record so it is quarantined rather than loaded with a guessed value.
                    problem = problem ?? .textAfterClosingQuote
                    fieldIsVerbatim = true
                    state = .unquoted
                }
            }
        }
        position = index
    }

    /// Steps eight bytes at a time past bytes that are neither `delimiter` nor a line end and
    /// returns the first such byte's index when a word holds one (a field usually ends inside
    /// the first word, and finding the byte from the word spares a byte-wise look), else where
    /// the last partial word starts.
    @inline(__always)
    private static func skipPlainWords(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, delimiter: UInt8) -> Int {
        guard let base = bytes.baseAddress else { return start }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let delimiters = ones &* UInt64(delimiter), lineFeeds = ones &* UInt64(lineFeed), returns = ones &* UInt64(carriageReturn)
        // The high bit of each zero byte of `word`, and possibly of bytes after the first zero
        // byte (the borrow runs on), never before it: so the lowest bit set is exact.
        func zeroBytes(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & 0x8080_8080_8080_8080 }
        var index = start
        while index + 8 <= bytes.count {
            // Little-endian, so byte i of the text is bits 8i..<8i+8 on any machine.
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let found = zeroBytes(word ^ delimiters) | zeroBytes(word ^ lineFeeds) | zeroBytes(word ^ returns)
            if found != 0 { return index + found.trailingZeroBitCount / 8 }
            index += 8
        }
        return index
    }

    private mutating func closeUnquotedField(end: Int) {
        spans.append(FieldSpan(start: fieldStart, end: end, kind: fieldIsVerbatim ? .verbatim : .plain))
    }

    /// Handles the delimiter or line end at `index`, which has just closed a field.
    private mutating func endField(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) {
        let byte = bytes[index]
        if byte == delimiter {
            index += 1
            state = .fieldStart
            return
        }
        emitRecord(bytes, end: index)
        line += 1
        index += 1
        state = byte == Self.carriageReturn ? .afterCarriageReturn : .recordStart
    }

    private mutating func emitRecord(_ bytes: UnsafeBufferPointer<UInt8>, end: Int) {
        var record = EndedRecord(line: recordLine, problem: problem, rawRange: recordStart..<end, strings: nil,
                                 first: bounds.count, count: spans.count)
        if spans.contains(where: \.needsUnescaping) {
            record.strings = spans.map { Self.string(bytes, $0) }
        } else {
            // Every field is a plain run of the chunk: the record shares the chunk instead of
            // copying its fields into strings. Written through the buffer: appending each bound
            // checked the array's uniqueness and capacity twice a field.
            let first = bounds.count
            bounds.append(contentsOf: repeatElement(0, count: 2 * spans.count))
            bounds.withUnsafeMutableBufferPointer { b in
                for (i, span) in spans.enumerated() {
                    b[first + 2 * i] = span.start
                    b[first + 2 * i + 1] = span.end
                }
            }
        }
        ended.append(record)
        spans.removeAll(keepingCapacity: true)
        problem = nil
    }

    /// Makes the records ended since the last call; `owner` is the array the scanned bytes
    /// were in, shared with the records as their text.
    private mutating func publish(owner: [UInt8]) {
        guard !ended.isEmpty else { return }
        // The records keep this chunk's bounds; the next chunk starts a new array of about
        // the same size rather than copying this one on its first append.
        let shared = bounds
        bounds = []
        bounds.reserveCapacity(shared.count)
        for record in ended {
            let storage: RawRecord.Storage = record.strings.map { .strings($0) }
                ?? .bytes(bounds: shared, first: record.first, count: record.count)
            output.append(RawRecord(line: record.line, storage: storage, buffer: owner, rawRange: record.rawRange, problem: record.problem))
        }
        ended.removeAll(keepingCapacity: true)
    }

    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ span: FieldSpan) -> String {
        switch span.kind {
        case .plain, .verbatim, .quoted(hasDoubledQuotes: false):
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self)
        case .quoted(hasDoubledQuotes: true):
            var unescaped: [UInt8] = []
            unescaped.reserveCapacity(span.end - span.start)
            var index = span.start
            while index < span.end {
                let byte = bytes[index]
                unescaped.append(byte)
                // Of a doubled quote keep one.
                index += byte == quote && index + 1 < span.end && bytes[index + 1] == quote ? 2 : 1
            }
            return String(decoding: unescaped, as: UTF8.self)
        }
    }

    /// Forgets bytes before the record in progress (or all scanned bytes between records).
    private mutating func dropConsumedBytes() {
        let inRecord = state != .recordStart && state != .afterCarriageReturn
        let keepFrom = inRecord ? recordStart : position
        guard keepFrom > 0 else { return }
        pending.removeSubrange(0..<keepFrom)
        position -= keepFrom
        recordStart -= keepFrom
        fieldStart -= keepFrom
        for index in spans.indices {
            spans[index].start -= keepFrom
            spans[index].end -= keepFrom
        }
    }
}
