import CZlib

/// Owns one zlib inflate stream. The stream lives at a fixed heap address because zlib keeps
/// a pointer back to it and rejects calls made through a moved copy.
final class GzipInflater {
    /// What one `inflate` call did.
    struct Step {
        var consumed: Int
        var produced: Int
        /// The current gzip member is complete (a next member may follow).
        var memberEnded: Bool
    }

    private let file: String
    private let stream: UnsafeMutablePointer<z_stream>

    init(file: String) throws(ExtractError) {
        // Set up in a local first: a throw before every property is set skips deinit.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // 15 + 32: largest window, and accept either a gzip or a zlib header.
        let status = starcard_inflateInit2(stream, 15 + 32)
        guard status == Z_OK else {
            stream.deallocate()
            throw .gzip(file: file, zlibCode: status, message: "inflateInit2 failed")
        }
        self.file = file
        self.stream = stream
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    func inflate(_ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) throws(ExtractError) -> Step {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.pointee.avail_in = UInt32(input.count)
        stream.pointee.next_out = output.baseAddress
        stream.pointee.avail_out = UInt32(output.count)
        let status = CZlib.inflate(stream, Z_NO_FLUSH)
        let step = Step(
            consumed: input.count - Int(stream.pointee.avail_in),
            produced: output.count - Int(stream.pointee.avail_out),
            memberEnded: status == Z_STREAM_END)
        switch status {
        case Z_OK, Z_STREAM_END:
            return step
        case Z_BUF_ERROR where step.consumed > 0 || step.produced > 0:
            return step
        default:
            throw .gzip(file: file, zlibCode: status, message: message(for: status))
        }
    }

    /// Prepares for the next member of a multi-member file (what `cat a.gz b.gz` makes).
    func reset() {
        inflateReset(stream)
    }

    private func message(for status: Int32) -> String {
        if let text = stream.pointee.msg { return String(cString: text) }
        return String(cString: zError(status))
    }
}
