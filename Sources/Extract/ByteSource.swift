/// A file's bytes, decompressed when the file is gzip (recognised by its magic bytes, not its
/// name), handed out in chunks of at most `chunkSize` so memory does not grow with the file.
final class ByteSource {
    private static let gzipMagic: [UInt8] = [0x1F, 0x8B]

    let file: String
    private let input: FileInput
    private var inflater: GzipInflater?
    private var buffer: [UInt8]
    private var bufferStart = 0
    private var bufferEnd = 0
    private var inputEnded = false
    /// True between members of a gzip file, where ending is clean.
    private var betweenMembers = false
    private var output: [UInt8]

    /// Compressed bytes read so far, for progress.
    var bytesRead: Int { input.bytesRead }

    init(path: String, file: String, chunkSize: Int) throws(ExtractError) {
        precondition(chunkSize > 0, "chunkSize must be positive")
        self.file = file
        input = try FileInput(path: path)
        buffer = [UInt8](repeating: 0, count: max(chunkSize, 2))
        output = [UInt8](repeating: 0, count: chunkSize)
        // Read until the magic can be judged; a 1-byte chunk size must not hide it.
        while bufferEnd < 2, try readMore() > 0 {}
        if bufferEnd >= 2 && Array(buffer[0..<2]) == Self.gzipMagic {
            inflater = try GzipInflater(file: file)
        }
    }

    /// The next chunk of (decompressed) bytes, or nil at the end of the file.
    func nextChunk() throws(ExtractError) -> ArraySlice<UInt8>? {
        guard inflater != nil else { return try nextPlainChunk() }
        return try nextInflatedChunk()
    }

    private func nextPlainChunk() throws(ExtractError) -> ArraySlice<UInt8>? {
        if bufferStart == bufferEnd, try readMore() == 0 { return nil }
        let end = min(bufferEnd, bufferStart + output.count)
        defer { bufferStart = end }
        return buffer[bufferStart..<end]
    }

    private func nextInflatedChunk() throws(ExtractError) -> ArraySlice<UInt8>? {
        guard let inflater else { return nil }
        while true {
            if bufferStart == bufferEnd, !inputEnded, try readMore() == 0 {
                inputEnded = true
            }
            if bufferStart == bufferEnd {
                if betweenMembers { return nil }
                throw .truncatedGzip(file: file)
            }
            let start = bufferStart, end = bufferEnd
            let step = try buffer.withUnsafeBufferPointer { (compressed) throws(ExtractError) in
                try output.withUnsafeMutableBufferPointer { (decompressed) throws(ExtractError) in
                    try inflater.inflate(UnsafeBufferPointer(rebasing: compressed[start..<end]), into: decompressed)
                }
            }
            bufferStart += step.consumed
            betweenMembers = step.memberEnded
            if step.memberEnded { inflater.reset() }
            if step.produced > 0 { return output[0..<step.produced] }
        }
    }

    /// Appends more of the file to the buffer, starting over when it has all been used;
    /// returns how many bytes arrived (0 at end of file).
    private func readMore() throws(ExtractError) -> Int {
        if bufferStart == bufferEnd {
            bufferStart = 0
            bufferEnd = 0
        }
        let start = bufferEnd
        let count = try buffer.withUnsafeMutableBufferPointer { (whole) throws(ExtractError) in
            try input.read(into: UnsafeMutableBufferPointer(rebasing: whole[start...]))
        }
        bufferEnd += count
        return count
    }
}
