/// Encodes rows in PostgreSQL's COPY text format into a byte buffer, with no I/O, so the escaping
/// rules are testable on their own and `CopyInWriter` only decides when to send.
public struct CopyTextEncoder: Sendable {
    /// The rows encoded since the last `removeAll`.
    public private(set) var bytes: [UInt8] = []
    /// Whether the row being built has a field yet, so the next one needs a tab first.
    private var rowHasField = false

    /// Creates an encoder whose buffer can grow to `capacity` bytes without reallocating.
    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Appends one row: fields separated by tab, ended by newline, `nil` as `\N`; backslash, tab,
    /// newline and carriage return inside values are escaped so any text round-trips exactly.
    public mutating func append(row fields: [String?]) {
        for field in fields { append(field: field) }
        endRow()
    }

    private mutating func append(field: String?) {
        guard let field else { appendNull(); return }
        separate()
        appendEscaped(field)
    }

    private mutating func appendNull() {
        separate()
        bytes.append(0x5C)
        bytes.append(0x4E)
    }

    private mutating func endRow() {
        bytes.append(0x0A)
        rowHasField = false
    }

    /// Empties the buffer, keeping its memory for the next rows.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        rowHasField = false
    }

    private mutating func separate() {
        if rowHasField { bytes.append(0x09) }
        rowHasField = true
    }

    /// Copies runs of plain bytes in bulk and escapes only the four bytes COPY text format
    /// treats specially; multi-byte UTF-8 never contains those byte values, so it passes untouched.
    private mutating func appendEscaped(_ field: String) {
        var field = field
        field.withUTF8 { source in
            var runStart = 0
            for index in 0..<source.count {
                let byte = source[index]
                // Tab, newline and carriage return are bits 9, 10 and 13 of 0x2600: every other byte
                // (nearly all of them) is passed over by two compares, without a switch.
                if byte != 0x5C && (byte > 0x0D || (0x2600 >> byte) & 1 == 0) { continue }
                let escaped: UInt8
                switch byte {
                case 0x5C: escaped = 0x5C // backslash
                case 0x09: escaped = 0x74 // t
                case 0x0A: escaped = 0x6E // n
                case 0x0D: escaped = 0x72 // r
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
                bytes.append(0x5C)
                bytes.append(escaped)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...]))
        }
    }
}
