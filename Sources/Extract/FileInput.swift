import Glibc

/// Owns one open file descriptor and reads it in chunks.
final class FileInput {
    let path: String
    private let descriptor: Int32
    /// Bytes read from the file so far (compressed bytes, for a `.gz`).
    private(set) var bytesRead = 0

    init(path: String) throws(ExtractError) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw code == ENOENT ? .fileNotFound(path: path) : .unreadable(path: path, errno: code)
        }
    }

    deinit {
        close(descriptor)
    }

    /// Fills `buffer` from the start with up to `buffer.count` bytes; returns how many (0 at end of file).
    func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(ExtractError) -> Int {
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 {
                bytesRead += count
                return count
            }
            if errno != EINTR { throw .unreadable(path: path, errno: errno) }
        }
    }
}
