import Foundation

/// A cache key that hashes and compares a string's UTF-8 bytes.
///
/// `String`'s own hashing and equality are by canonical equivalence, which for any non-ASCII text
/// (every Chinese name, city and category) means normalising to NFC on each lookup; that was the
/// largest single cost of a sales line. Byte identity is what a cache of raw field values needs:
/// two spellings that differ only in normalisation form simply get two entries with equal values.
struct RawKey: Hashable {
    let text: String
    init(_ text: String) { self.text = text }

    @inline(__always)
    func hash(into hasher: inout Hasher) {
        Text.withBytes(text) { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    @inline(__always)
    static func == (a: RawKey, b: RawKey) -> Bool {
        Text.withBytes(a.text) { x in
            Text.withBytes(b.text) { y in x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
        }
    }
}
