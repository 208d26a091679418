/// Turns text into the bytes of a legacy encoding, for writing test data and exports.
public enum Transcoder {
    /// Encodes `text` as `encoding`. Throws `ExtractError.unencodable` naming the first
    /// character that the encoding has no code for (Big5 lacks most simplified characters).
    public static func encode(_ text: String, as encoding: TextEncoding) throws(ExtractError) -> [UInt8] {
        let utf8 = Array(text.utf8)
        guard encoding != .utf8 else { return utf8 }
        let converter = try IconvConverter(from: .utf8, to: encoding)
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count)
        let outcome = utf8.withUnsafeBufferPointer { converter.convert($0, appendingTo: &output) }
        switch outcome {
        case .complete:
            return output
        case .incomplete(let offset), .invalid(let offset):
            // A Swift String is always valid UTF-8, so a stop can only be a character
            // without a code in the target encoding.
            let position = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
            let character = position < text.endIndex ? String(text[position...].prefix(1)) : ""
            throw .unencodable(character: character, encoding: encoding, byteOffset: offset)
        }
    }
}
