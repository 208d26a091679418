import CZlib
import Glibc

/// Writes a real gzip file (one member, deflate), for test data and exports.
public final class GzipWriter {
    private let path: String
    private let descriptor: Int32
    /// On the heap: zlib keeps a pointer back to the stream and rejects a moved copy.
    private let stream: UnsafeMutablePointer<z_stream>
    private var output = [UInt8](repeating: 0, count: 64 * 1024)
    private var closed = false

    /// Creates (or truncates) `path`. `level` is zlib's 0 (store) … 9 (smallest).
    public init(path: String, level: Int32 = 6) throws(ExtractError) {
        // Set up in locals first: a throw before every property is set skips deinit.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            stream.deallocate()
            throw .unwritable(path: path, errno: code)
        }
        // windowBits 15 + 16 asks zlib for a gzip header and trailer instead of zlib's own.
        let status = starcard_deflateInit2(stream, level, 15 + 16)
        guard status == Z_OK else {
            Glibc.close(descriptor)
            stream.deallocate()
            throw .gzip(file: path, zlibCode: status, message: "deflateInit2 failed (level \(level) must be 0…9)")
        }
        self.path = path
        self.stream = stream
        self.descriptor = descriptor
    }

    deinit {
        if !closed {
            deflateEnd(stream)
            Glibc.close(descriptor)
        }
        stream.deallocate()
    }

    /// Compresses `bytes` and writes whatever output zlib has ready.
    public func write(_ bytes: [UInt8]) throws(ExtractError) {
        precondition(!closed, "GzipWriter.write after close")
        try bytes.withUnsafeBufferPointer { (input) throws(ExtractError) in
            try deflate(input, flush: Z_NO_FLUSH)
        }
    }

    /// Writes the gzip trailer and closes the file; the writer cannot be used afterwards.
    public func close() throws(ExtractError) {
        guard !closed else { return }
        defer {
            deflateEnd(stream)
            Glibc.close(descriptor)
            closed = true
        }
        try deflate(UnsafeBufferPointer(start: nil, count: 0), flush: Z_FINISH)
    }

    private func deflate(_ input: UnsafeBufferPointer<UInt8>, flush: Int32) throws(ExtractError) {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.pointee.avail_in = UInt32(input.count)
        while true {
            let (status, produced) = output.withUnsafeMutableBufferPointer { buffer in
                stream.pointee.next_out = buffer.baseAddress
                stream.pointee.avail_out = UInt32(buffer.count)
                let status = CZlib.deflate(stream, flush)
                return (status, buffer.count - Int(stream.pointee.avail_out))
            }
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                throw .gzip(file: path, zlibCode: status, message: "deflate failed")
            }
            try writeAll(produced)
            if flush == Z_FINISH ? status == Z_STREAM_END : (stream.pointee.avail_in == 0 && stream.pointee.avail_out > 0) {
                return
            }
        }
    }

    private func writeAll(_ count: Int) throws(ExtractError) {
        var written = 0
        while written < count {
            let result = output.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, count - written) }
            if result < 0 {
                if errno == EINTR { continue }
                throw .unwritable(path: path, errno: errno)
            }
            written += result
        }
    }
}
