import CLibPQ

/// Streams rows into a running `COPY ... FROM STDIN` in PostgreSQL's text format.
///
/// Rows are escaped byte by byte into one reusable buffer and handed to libpq about every MiB,
/// so a row costs no allocation and no round trip. Only `copyIn` creates writers.
public struct CopyInWriter {
    /// Big enough to amortise the libpq call and the socket write, small enough to stay in cache.
    public static let flushThreshold = 1 << 20

    private let connection: OpaquePointer
    private var encoder = CopyTextEncoder(capacity: flushThreshold + 64 * 1024)
    /// Rows passed to `writeRow` so far, for progress reporting.
    public private(set) var rowsWritten = 0

    init(connection: OpaquePointer) { self.connection = connection }

    /// Appends one row; `nil` fields become SQL NULL. Sends the buffer once it passes ~1 MiB.
    /// - Throws: `.copy` when libpq cannot send (the connection broke).
    public mutating func writeRow(_ fields: [String?]) throws(PostgresError) {
        encoder.append(row: fields)
        try rowEnded()
    }

    /// Appends one row that `encode` writes field by field (numbers and dates straight into the
    /// buffer, no `String` per field); this ends the row. Sends the buffer once it passes ~1 MiB.
    /// - Throws: `.copy` when libpq cannot send (the connection broke).
    public mutating func writeRow(_ encode: (inout CopyTextEncoder) -> Void) throws(PostgresError) {
        encode(&encoder)
        encoder.endRow()
        try rowEnded()
    }

    private mutating func rowEnded() throws(PostgresError) {
        rowsWritten += 1
        if encoder.bytes.count >= Self.flushThreshold { try flush() }
    }

    /// Hands the buffered bytes to libpq.
    mutating func flush() throws(PostgresError) {
        guard !encoder.bytes.isEmpty else { return }
        let sent = encoder.bytes.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { PQputCopyData(connection, $0.baseAddress, Int32($0.count)) }
        }
        guard sent == 1 else {
            throw PostgresError(kind: .copy, message: "could not send COPY data to the server: "
                                + PostgresError.lastMessage(of: connection, or: "connection lost"))
        }
        encoder.removeAll()
    }
}
