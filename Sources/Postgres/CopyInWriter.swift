import CLibPQ

/// What `CopyWriter` needs of a COPY format's encoder: a byte buffer it can send and empty, and
/// whatever ends the data (binary's trailer; nothing for text).
public protocol CopyEncoding: Sendable {
    var bytes: [UInt8] { get }
    init(capacity: Int)
    mutating func removeAll()
    mutating func finish()
}

extension CopyTextEncoder: CopyEncoding {
    public mutating func finish() {}
}

extension CopyBinaryEncoder: CopyEncoding {}

/// Streams rows into a running `COPY ... FROM STDIN` in PostgreSQL's text format.
public typealias CopyInWriter = CopyWriter<CopyTextEncoder>

/// Streams rows into a running `COPY ... FROM STDIN (FORMAT binary)`.
public typealias BinaryCopyInWriter = CopyWriter<CopyBinaryEncoder>

/// Streams rows into a running `COPY ... FROM STDIN`.
///
/// Rows are encoded into one reusable buffer and handed to libpq about every MiB, so a row costs
/// no allocation and no round trip. Only `copyIn` and `copyInBinary` create writers.
public struct CopyWriter<Encoder: CopyEncoding> {
    /// Big enough to amortise the libpq call and the socket write, small enough to stay in cache.
    public static var flushThreshold: Int { 1 << 20 }

    private let connection: OpaquePointer
    private var encoder = Encoder(capacity: flushThreshold + 64 * 1024)
    /// Rows passed to `writeRow` so far, for progress reporting.
    public private(set) var rowsWritten = 0

    init(connection: OpaquePointer) { self.connection = connection }

    private mutating func rowEnded() throws(PostgresError) {
        rowsWritten += 1
        if encoder.bytes.count >= Self.flushThreshold { try flush() }
    }

    /// Ends the data and hands the rest to libpq.
    mutating func finish() throws(PostgresError) {
        encoder.finish()
        try flush()
    }

    /// Hands the buffered bytes to libpq.
    private mutating func flush() throws(PostgresError) {
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

extension CopyWriter where Encoder == CopyTextEncoder {
    /// Appends one row; `nil` fields become SQL NULL. Sends the buffer once it passes ~1 MiB.
    /// - Throws: `.copy` when libpq cannot send (the connection broke).
    public mutating func writeRow(_ fields: [String?]) throws(PostgresError) {
        encoder.append(row: fields)
        try rowEnded()
    }
}

extension CopyWriter where Encoder == CopyBinaryEncoder {
    /// Appends one row of `fieldCount` fields that `encode` writes. Sends the buffer once it passes ~1 MiB.
    /// - Throws: what `encode` throws (a value the column type cannot hold), or `.copy` when libpq
    ///   cannot send (the connection broke).
    public mutating func writeRow(fieldCount: Int, _ encode: (inout CopyBinaryEncoder) throws(PostgresError) -> Void) throws(PostgresError) {
        encoder.beginRow(fieldCount: fieldCount)
        try encode(&encoder)
        try rowEnded()
    }
}
