import Extract
import Foundation

/// Writes one CSV file row by row through a text buffer that is encoded and flushed in large
/// chunks (encoding row by row through iconv would dominate the run time). Rows end on a chunk
/// boundary, so a multi-byte character is never split between two encode calls.
final class CSVFileWriter {
    let relativePath: String
    private let path: String
    private let encoding: TextEncoding
    private let lineEnd: String
    private var buffer = ""
    private var bufferFirstLine = 1
    private let plain: FileHandle?
    private let gzip: GzipWriter?
    /// Physical lines written so far, header included.
    private(set) var lines = 0

    private static let flushBytes = 1 << 18

    init(root: URL, relativePath: String, encoding: TextEncoding, bom: Bool = false, crlf: Bool = false,
         gzip compress: Bool = false) throws(SynthError) {
        self.relativePath = relativePath
        let url = root.appendingPathComponent(relativePath)
        path = url.path
        self.encoding = encoding
        lineEnd = crlf ? "\r\n" : "\n"
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw .unwritable(path: url.deletingLastPathComponent().path, reason: error.localizedDescription)
        }
        if compress {
            do { gzip = try GzipWriter(path: path) } catch { throw .unwritable(path: path, reason: error.description) }
            plain = nil
        } else {
            guard FileManager.default.createFile(atPath: path, contents: nil),
                  let handle = FileHandle(forWritingAtPath: path) else {
                throw .unwritable(path: path, reason: "cannot create file")
            }
            plain = handle
            gzip = nil
        }
        if bom { buffer = "\u{FEFF}" }
    }

    /// Appends one record on one physical line and returns that line's number (1-based).
    @discardableResult
    func write(_ fields: [String]) throws(SynthError) -> Int {
        for (i, field) in fields.enumerated() {
            if i > 0 { buffer.append(",") }
            if field.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) {
                buffer.append("\"")
                buffer.append(field.replacingOccurrences(of: "\"", with: "\"\""))
                buffer.append("\"")
            } else {
                buffer.append(field)
            }
        }
        buffer.append(lineEnd)
        lines += 1
        if buffer.utf8.count >= Self.flushBytes { try flush() }
        return lines
    }

    func close() throws(SynthError) {
        try flush()
        do {
            try gzip?.close()
            try plain?.close()
        } catch {
            throw .unwritable(path: path, reason: "\(error)")
        }
    }

    private func flush() throws(SynthError) {
        guard !buffer.isEmpty else { return }
        let bytes: [UInt8]
        do { bytes = try Transcoder.encode(buffer, as: encoding) } catch {
            throw .unencodable(file: relativePath, line: bufferFirstLine, underlying: error)
        }
        do {
            if let gzip { try gzip.write(bytes) } else { try plain?.write(contentsOf: bytes) }
        } catch {
            throw .unwritable(path: path, reason: "\(error)")
        }
        buffer = ""
        bufferFirstLine = lines + 1
    }
}
