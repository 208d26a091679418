import Extract

/// Why generation stopped. Each case names the file and says what to do.
public enum SynthError: Error, CustomStringConvertible, Sendable {
    /// The output folder or a file in it could not be created or written.
    case unwritable(path: String, reason: String)
    /// A row contains a character the file's encoding cannot represent (a bug in the catalogue:
    /// Big5 files must only receive traditional characters).
    case unencodable(file: String, line: Int, underlying: ExtractError)
    /// The configuration cannot produce a delivery.
    case invalidConfig(String)

    public var description: String {
        switch self {
        case .unwritable(let path, let reason):
            "\(path): cannot write (\(reason)) — check that the output folder exists and is writable"
        case .unencodable(let file, let line, let underlying):
            "\(file):\(line): \(underlying) — only traditional characters may go into a Big5 file"
        case .invalidConfig(let message):
            "invalid synth configuration: \(message)"
        }
    }
}
