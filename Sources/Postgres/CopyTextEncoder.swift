/// Encodes rows in PostgreSQL's COPY text format into a byte buffer, with no I/O, so the escaping
/// rules are testable on their own and `CopyInWriter` only decides when to send.
///
/// A row is either a whole `[String?]` (`append(row:)`) or built field by field (`append(field:)`,
/// `appendNull()`, `append(digits:)`, `append(plain:)`, then `endRow()`): the field-by-field form
/// lets a caller write numbers and dates straight into the buffer instead of making a `String`
/// and an array of them for every row.
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

    /// Appends one text field of the current row (`nil` is SQL NULL), escaped as `append(row:)` does.
    public mutating func append(field: String?) {
        guard let field else { appendNull(); return }
        separate()
        appendEscaped(field)
    }

    /// Appends SQL NULL (`\N`) as the next field of the current row.
    public mutating func appendNull() {
        separate()
        bytes.append(0x5C)
        bytes.append(0x4E)
    }

    /// Appends an integer in decimal, as `String(value)` would print it, without making the String.
    public mutating func append(digits value: Int) {
        separate()
        appendDecimal(value)
    }

    /// Appends a field of at most `maxCount` bytes that `write` puts straight into the buffer and
    /// whose count it returns. Only for bytes that need no escaping (digits, `-`, `:`, `.`, space):
    /// nothing here looks at them.
    public mutating func append(plain maxCount: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        separate()
        appendPlain(maxCount, write)
    }

    /// Continues the current field with `write`'s bytes (the same promise as `append(plain:)`),
    /// for a value printed in parts, such as a date and then its time of day.
    public mutating func continueField(plain maxCount: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        appendPlain(maxCount, write)
    }

    /// Ends the current row with a newline.
    public mutating func endRow() {
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

    private mutating func appendPlain(_ maxCount: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxCount) { scratch in
            let count = write(scratch)
            precondition(count <= maxCount, "a plain COPY field wrote past the room it asked for")
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[..<count]))
        }
    }

    private mutating func appendDecimal(_ value: Int) {
        // 20 digits and a sign hold every Int64.
        appendPlain(21) { b in
            var magnitude = value.magnitude
            var end = 21
            repeat {
                end -= 1
                b[end] = 48 + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 { end -= 1; b[end] = 45 }
            let count = 21 - end
            for i in 0..<count { b[i] = b[end + i] }
            return count
        }
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
