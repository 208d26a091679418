/// Streams the records of one CSV or CSV.gz file in UTF-8, GB18030 or Big5.
///
/// Records before a fault are still delivered; the fault is thrown by the `next()` call after
/// the last good record, so a caller can count what it read before giving up on the file.
public final class CSVFileReader {
    /// The name used in errors (the path unless a display name is given).
    public let file: String
    /// The header record's fields, when `hasHeader` (available straight after `init`).
    public private(set) var header: [String]?
    /// The encoding used: as configured, or as detected.
    public let detectedEncoding: TextEncoding
    /// The field delimiter used: as configured, or as sniffed.
    public let delimiter: UInt8

    private let source: ByteSource
    private let decoder: any ChunkDecoder
    private var parser: CSVParser
    private var hash = ContentFingerprint()
    /// Finished records, last first: `popLast` hands a record over without copying it, where
    /// indexing would retain its buffers once more and release them when the array is refilled.
    private var ready: [RawRecord] = []
    private var ended = false
    private var fault: ExtractError?
    private let maxRecordBytes: Int

    /// Called with each batch of records as soon as it is parsed, before `next()` hands them out
    /// one at a time (in no particular order): a consumer can start work that goes faster over
    /// many records at once, such as fetching the table entries they will need.
    public var onBatch: (([RawRecord]) -> Void)?

    /// Compressed bytes read from the file so far, for progress against the file size.
    public var bytesRead: Int { source.bytesRead }

    /// A 128-bit hex hash of the decoded text, final once `next()` has returned nil: the same
    /// text gives the same fingerprint whether the file is gzipped or not, or in another encoding.
    public var fingerprint: String { hash.hex }

    /// Opens `path`, detects what is not configured (encoding, delimiter) and reads the header.
    public init(path: String, displayName: String? = nil, options: ExtractOptions = .init()) throws(ExtractError) {
        file = displayName ?? path
        maxRecordBytes = options.maxRecordBytes
        source = try ByteSource(path: path, file: file, chunkSize: options.chunkSize)
        var sample: [UInt8] = []
        var sampleIsWholeFile = false
        while sample.count < EncodingDetector.sampleSize {
            guard let chunk = try source.nextChunk() else {
                sampleIsWholeFile = true
                break
            }
            sample += chunk
        }
        let encoding = options.encoding ?? EncodingDetector.detect(sample, sampleIsWholeFile: sampleIsWholeFile)
        let decoder = try encoding.makeDecoder()
        var sampleText: [UInt8] = []
        let failure = sample.withUnsafeBufferPointer {
            decoder.decode($0, isLast: sampleIsWholeFile, into: &sampleText)
        }
        detectedEncoding = encoding
        self.decoder = decoder
        delimiter = options.delimiter
            ?? CSVParser.sniffDelimiter(in: sampleText, sampleIsWholeFile: sampleIsWholeFile && failure == nil)
        parser = CSVParser(delimiter: delimiter)
        sampleText.withUnsafeBufferPointer {
            hash.update($0)
            parser.feed($0)
        }
        consumeDecoded(failure: failure, isLast: sampleIsWholeFile)
        guard options.hasHeader else {
            if sampleIsWholeFile && ready.isEmpty && fault == nil { throw .empty(file: file) }
            return
        }
        guard let first = try next() else { throw .empty(file: file) }
        header = first.fields
    }

    /// The next record, or nil at the end of the file.
    public func next() throws(ExtractError) -> RawRecord? {
        while true {
            if let record = ready.popLast() { return record }
            if let fault { throw fault }
            if ended { return nil }
            try readChunk()
        }
    }

    private func readChunk() throws(ExtractError) {
        let chunk = try source.nextChunk()
        // The decoder writes into the parser's buffer: one copy of the text fewer.
        let failure = parser.feed { text in
            let start = text.count
            let failure = (chunk ?? []).withUnsafeBufferPointer { decoder.decode($0, isLast: chunk == nil, into: &text) }
            text.withUnsafeBufferPointer { hash.update(UnsafeBufferPointer(rebasing: $0[start...])) }
            return failure
        }
        consumeDecoded(failure: failure, isLast: chunk == nil)
    }

    /// Once the decoded text has gone to the hash and the parser, queues the finished records
    /// and, on a decoding failure, the error to throw after them.
    private func consumeDecoded(failure: Int?, isLast: Bool) {
        if let failure {
            // The parser has read up to the bad byte, so its line is the bad byte's line.
            fault = .undecodable(file: file, encoding: detectedEncoding, line: parser.line, byteOffset: failure)
            ended = true
        } else if isLast {
            parser.finish()
            ended = true
        } else if parser.openRecord.bytes > maxRecordBytes {
            fault = .recordTooLong(file: file, line: parser.openRecord.line, limit: maxRecordBytes)
            ended = true
        }
        parser.drain(into: &ready)
        // Reversed through the buffer, which moves the records; `Array.reverse` copies each
        // one through `swapAt`, a retain and release of its buffers per record.
        ready.withUnsafeMutableBufferPointer { $0.reverse() }
        if let onBatch, !ready.isEmpty { onBatch(ready) }
    }
}
