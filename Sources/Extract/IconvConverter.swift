import Glibc

/// How far one `IconvConverter.convert` call got through its input.
enum IconvOutcome: Equatable {
    /// All input converted.
    case complete
    /// The input ends inside a multi-byte character; bytes from `consumed` on must be fed
    /// again with the next chunk.
    case incomplete(consumed: Int)
    /// The bytes at offset `at` are not valid in the source encoding (or, when encoding,
    /// have no code in the target encoding).
    case invalid(at: Int)
}

/// Owns one glibc iconv descriptor; the only place Extract talks to iconv.
final class IconvConverter {
    private let descriptor: iconv_t
    private var scratch = [UInt8](repeating: 0, count: 64 * 1024)

    init(from source: TextEncoding, to target: TextEncoding) throws(ExtractError) {
        let descriptor = iconv_open(target.iconvName, source.iconvName)
        // iconv_open reports failure as (iconv_t)-1, not NULL.
        guard let descriptor, Int(bitPattern: descriptor) != -1 else {
            throw .unsupportedEncoding(name: "\(source.iconvName) → \(target.iconvName) (iconv)")
        }
        self.descriptor = descriptor
    }

    deinit {
        iconv_close(descriptor)
    }

    /// Converts `input`, appending the result to `output`. Stops at the first invalid byte or
    /// at an incomplete trailing character, which the caller carries into the next call.
    func convert(_ input: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8]) -> IconvOutcome {
        guard let base = input.baseAddress, !input.isEmpty else { return .complete }
        var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base)
            .assumingMemoryBound(to: CChar.self)
        var inLeft = input.count
        while true {
            let (result, failure, produced) = scratch.withUnsafeMutableBytes { buffer in
                var outPointer: UnsafeMutablePointer<CChar>? = buffer.baseAddress!.assumingMemoryBound(to: CChar.self)
                var outLeft = buffer.count
                let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                return (result, errno, buffer.count - outLeft)
            }
            output.append(contentsOf: scratch[0..<produced])
            let consumed = input.count - inLeft
            if result != -1 { return .complete }
            switch failure {
            case E2BIG: continue
            case EINVAL: return .incomplete(consumed: consumed)
            default: return .invalid(at: consumed)
            }
        }
    }
}
