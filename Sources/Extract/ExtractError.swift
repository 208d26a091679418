import Glibc

/// Why a source file could not be read. Each description is one line naming the file and,
/// where there is one, the line and byte offset, followed by what to do about it.
public enum ExtractError: Error, CustomStringConvertible, Sendable, Equatable {
    case fileNotFound(path: String)
    case unreadable(path: String, errno: Int32)
    case unwritable(path: String, errno: Int32)
    /// zlib refused the data; `zlibCode` is zlib's return code (for example `Z_DATA_ERROR`, -3).
    case gzip(file: String, zlibCode: Int32, message: String)
    /// The gzip stream ended before its last member was complete.
    case truncatedGzip(file: String)
    /// Bytes that are not valid in `encoding`; `line` is the physical line (1-based) and
    /// `byteOffset` the offset (0-based) in the decompressed file.
    case undecodable(file: String, encoding: TextEncoding, line: Int, byteOffset: Int)
    /// A character that `encoding` has no code for; `byteOffset` is its UTF-8 offset in the text.
    case unencodable(character: String, encoding: TextEncoding, byteOffset: Int)
    case unsupportedEncoding(name: String)
    /// The file holds nothing but blank lines (or nothing at all); a header alone is not empty.
    case empty(file: String)
    /// A record grew past the configured limit without ending (an unclosed quote, most likely).
    case recordTooLong(file: String, line: Int, limit: Int)

    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "\(path): file not found — check the source's path or glob in the pipeline"
        case .unreadable(let path, let code):
            return "\(path): cannot read (\(Self.errnoText(code))) — check the file's permissions"
        case .unwritable(let path, let code):
            return "\(path): cannot write (\(Self.errnoText(code))) — check the folder exists and is writable"
        case .gzip(let file, let code, let message):
            return "\(file): not a valid gzip stream (zlib \(code): \(message)) — re-export the file or check `gzip -t \(file)`"
        case .truncatedGzip(let file):
            return "\(file): gzip stream ends early (file truncated?) — copy the file again; `gzip -t` confirms the damage"
        case .undecodable(let file, let encoding, let line, let offset):
            let others = encoding.suggestedInstead
            return "\(file) line \(line) byte \(offset): bytes are not valid \(encoding.displayName) — "
                + "set `encoding = \"\(others[0].rawValue)\"` (or \"\(others[1].rawValue)\") for this source in the pipeline, or `auto`"
        case .unencodable(let character, let encoding, let offset):
            return "byte \(offset): \"\(character)\" has no code in \(encoding.displayName) — "
                + "choose an encoding that has it (utf-8 and gb18030 cover all of Unicode)"
        case .unsupportedEncoding(let name):
            return "unknown encoding \"\(name)\" — use one of: "
                + TextEncoding.allCases.map(\.rawValue).joined(separator: ", ") + " (or auto)"
        case .empty(let file):
            return "\(file): no header and no records (the file is empty or blank) — re-export it, or remove it from the source folder"
        case .recordTooLong(let file, let line, let limit):
            let size = limit >= 1 << 20 ? "\(limit >> 20) MiB" : "\(limit) bytes"
            return "\(file) line \(line): the record runs past \(size) without ending — most likely a quote "
                + "opened there is never closed; fix the quoting at that line and deliver the file again"
        }
    }

    private static func errnoText(_ code: Int32) -> String {
        "errno \(code): " + String(cString: strerror(code))
    }
}

extension TextEncoding {
    var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .gb18030: "GB18030"
        case .big5: "Big5"
        }
    }

    /// What to suggest when a file does not decode as `self`, most likely first.
    var suggestedInstead: [TextEncoding] {
        switch self {
        case .utf8: [.big5, .gb18030]
        case .gb18030: [.big5, .utf8]
        case .big5: [.gb18030, .utf8]
        }
    }
}
