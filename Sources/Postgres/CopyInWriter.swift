import CLibPQ

/// Streams rows into a running `COPY ... FROM STDIN` in PostgreSQL's text format.
///
/// Rows are escaped byte by byte into one reusable buffer and handed to libpq about every MiB,
/// so a row costs no allocation and no round trip. Only `copyIn` creates writers.
public struct CopyInWriter {
    /// Big enough to amortise the libpq call and the socket write, small enough to stay in cache.
    static let flushThreshold = 1 << 20

    private let connection: OpaquePointer
    private var buffer: [UInt8] = []
    /// Rows passed to `writeRow` so far, for progress reporting.
    public private(set) var rowsWritten = 0

    init(connection: OpaquePointer) {
        self.connection = connection
        buffer.reserveCapacity(Self.flushThreshold + 64 * 1024)
    }

    /// Appends one row; `nil` fields become SQL NULL (`\N`). Backslash, tab, newline and carriage
    /// return inside values are escaped, so any text round-trips exactly.
    public mutating func writeRow(_ fields: [String?]) throws(PostgresError) {
        for index in fields.indices {
            if index != fields.startIndex { buffer.append(0x09) }
            if let field = fields[index] {
                appendEscaped(field)
            } else {
                buffer.append(0x5C)
                buffer.append(0x4E)
            }
        }
        buffer.append(0x0A)
        rowsWritten += 1
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Copies runs of plain bytes in bulk and escapes only the four bytes COPY text format
    /// treats specially; multi-byte UTF-8 never contains those byte values, so it passes untouched.
    private mutating func appendEscaped(_ field: String) {
        var field = field
        field.withUTF8 { bytes in
            var runStart = 0
            for index in 0..<bytes.count {
                let escaped: UInt8
                switch bytes[index] {
                case 0x5C: escaped = 0x5C // backslash
                case 0x09: escaped = 0x74 // t
                case 0x0A: escaped = 0x6E // n
                case 0x0D: escaped = 0x72 // r
                default: continue
                }
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                buffer.append(0x5C)
                buffer.append(escaped)
                runStart = index + 1
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }

    /// Hands the buffered bytes to libpq.
    mutating func flush() throws(PostgresError) {
        guard !buffer.isEmpty else { return }
        let sent = buffer.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { PQputCopyData(connection, $0.baseAddress, Int32($0.count)) }
        }
        guard sent == 1 else {
            throw PostgresError(kind: .copy, message: "could not send COPY data to the server: "
                                + PostgresError.lastMessage(of: connection, or: "connection lost"))
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
