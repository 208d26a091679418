/// Character-level helpers shared by every normaliser. They work on UTF-8 bytes first and fall
/// back to scalars only when a byte scan says it is needed, because the common value is plain
/// ASCII or plain CJK and must cost almost nothing.
enum Text {
    /// Values that exports write for "nothing here". Each starts with a byte `mayLeadNull` accepts,
    /// so most short values are ruled out by their first byte before any hashing.
    private static let nullTokens: Set<String> = ["null", "NULL", "Null", "\\N", "N/A", "n/a", "NA", "-", "--", "无", "/"]

    @inline(__always)
    private static func mayLeadNull(_ b: UInt8) -> Bool {
        b == 0x6E || b == 0x4E || b == 0x5C || b == 0x2D || b == 0x2F || b == 0xE6  // n N \ - / 无
    }

    /// What a byte scan tells about a field before any string is built.
    private struct Shape: OptionSet {
        let rawValue: UInt8
        static let empty = Shape(rawValue: 1)
        /// Starts or ends with whitespace (ASCII, U+3000, NBSP, BOM).
        static let edgeSpace = Shape(rawValue: 2)
        /// Holds a full-width form or U+3000.
        static let wide = Shape(rawValue: 4)
        /// Short and starts like a null token.
        static let maybeNull = Shape(rawValue: 8)
    }

    @inline(__always)
    private static func shape(_ b: UnsafeBufferPointer<UInt8>) -> Shape {
        guard let first = b.first, let last = b.last else { return .empty }
        var shape: Shape = []
        if isSpaceByte(first) || isSpaceByte(last) || first == 0xE3 || first == 0xC2 || first == 0xEF
            || (last == 0x80 && b.count >= 3 && b[b.count - 3] == 0xE3) || (last == 0xA0 && b.count >= 2 && b[b.count - 2] == 0xC2) {
            shape.insert(.edgeSpace)
        }
        if b.count <= 4 && mayLeadNull(first) { shape.insert(.maybeNull) }
        var i = 0
        let n = b.count - 1
        while i < n {
            i = nextWideLead(b, from: i, before: n)
            guard i < n else { break }
            let c = b[i]
            if (c == 0xEF && (b[i + 1] == 0xBC || b[i + 1] == 0xBD)) || (c == 0xE3 && b[i + 1] == 0x80) {
                shape.insert(.wide); break
            }
            i += 1
        }
        return shape
    }

    /// The index of the first 0xE3 or 0xEF byte at or after `start` and before `end` (`end` when
    /// none), eight bytes at a time: CJK text is all lead bytes, so a byte-wise `>= 0xE3` test
    /// would stop on every character.
    @inline(__always)
    private static func nextWideLead(_ b: UnsafeBufferPointer<UInt8>, from start: Int, before end: Int) -> Int {
        var i = start
        if let base = b.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            // The lowest high bit set marks the first zero byte exactly (see CSVParser).
            func zeroBytes(_ w: UInt64) -> UInt64 { (w &- ones) & ~w & 0x8080_8080_8080_8080 }
            while i + 8 <= end {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let found = zeroBytes(word ^ (ones &* 0xE3)) | zeroBytes(word ^ (ones &* 0xEF))
                if found != 0 { return i + found.trailingZeroBitCount / 8 }
                i += 8
            }
            // The last few bytes as the word that ends at `end`, its bytes before `i` (scanned
            // already, none a lead) masked off: a byte loop here was most of the scan of a field.
            if i < end && end >= 8 {
                let at = end - 8
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
                let found = (zeroBytes(word ^ (ones &* 0xE3)) | zeroBytes(word ^ (ones &* 0xEF))) & (~0 << (8 * (i - at)))
                return found != 0 ? at + found.trailingZeroBitCount / 8 : end
            }
        }
        while i < end && b[i] != 0xE3 && b[i] != 0xEF { i += 1 }
        return i
    }

    /// The value trimmed of ASCII and ideographic whitespace, or nil when nothing (or a null
    /// token such as `NULL`, `\N`, `N/A`) is left.
    static func nonBlank(_ s: String) -> String? {
        let t = trimmed(s)
        return t.isEmpty || (t.utf8.count <= 4 && nullTokens.contains(t)) ? nil : t
    }

    @inline(__always)
    private static func isSpaceByte(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{3000}" || c == "\u{A0}" || c == "\u{FEFF}"
    }

    /// Trimmed of whitespace including U+3000 (ideographic space), NBSP and a stray BOM.
    static func trimmed(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isSpace($0) }),
              let end = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        if start == scalars.startIndex && end == scalars.index(before: scalars.endIndex) { return s }
        return String(scalars[start...end])
    }

    /// True when the text holds a full-width form (U+FF01–FF5E) or an ideographic space.
    @inline(__always)
    static func hasWideForms(_ s: String) -> Bool { withBytes(s) { shape($0).contains(.wide) } }

    /// Full-width ASCII forms (`１２３`, `ＡＢＣ`, `，`) and U+3000 become their half-width forms.
    static func halfWidth(_ s: String) -> String {
        guard hasWideForms(s) else { return s }
        return convertedToHalfWidth(s)
    }

    private static func convertedToHalfWidth(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            switch c.value {
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(c.value - 0xFEE0)!)
            case 0x3000: out.append(" ")
            default: out.append(c)
            }
        }
        return String(out)
    }

    /// Half-width, trimmed, nil when blank or a null token: the first step of every field. A byte
    /// scan decides; the common value (no edge space, nothing wide) is returned as it is.
    @inline(__always)
    static func field(_ s: String) -> String? {
        let found = withBytes(s) { shape($0) }
        if found.isEmpty { return s }
        if found.contains(.empty) { return nil }
        return nonBlank(found.contains(.wide) ? halfWidth(s) : s)
    }

    /// `field` of UTF-8 bytes, given to `body` as bytes (nil when blank): the common value is
    /// passed through with no string made at all.
    @inline(__always)
    static func withField<R>(_ b: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
        let found = shape(b)
        if found.isEmpty { return body(b) }
        if found.contains(.empty) { return body(nil) }
        guard let t = field(String(decoding: b, as: UTF8.self)) else { return body(nil) }
        return withBytes(t) { body($0) }
    }

    /// `field` of UTF-8 bytes.
    @inline(__always)
    static func field(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        let found = shape(b)
        if found.contains(.empty) { return nil }
        let s = String(decoding: b, as: UTF8.self)
        return found.isEmpty ? s : field(s)
    }

    /// Han ideographs (CJK unified, extension A and beyond, compatibility) and `〇`.
    @inline(__always)
    static func isHan(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x3134F, 0xF900...0xFAFF, 0x3007: true
        default: false
        }
    }

    /// A key for table lookups: half-width, ASCII lower-cased, without spaces, `_` or `-`.
    /// Han characters are simplified by the caller's transliterator.
    static func lookupKey(_ s: String, han: HanTransliterator) -> String {
        var out = String.UnicodeScalarView()
        for c in halfWidth(s).unicodeScalars {
            if isSpace(c) || c == "_" || c == "-" { continue }
            if c.isASCII, c.properties.isUppercase { out.append(Unicode.Scalar(c.value + 32)!) }
            else if isHan(c) { out.append(contentsOf: han.simplified(c).unicodeScalars) }
            else { out.append(c) }
        }
        return String(out)
    }

    /// Calls `body` with the UTF-8 bytes of `s` without copying native strings.
    @inline(__always)
    static func withBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
        return Array(s.utf8).withUnsafeBufferPointer(body)
    }

    /// A short ASCII string from bytes (stays a small, inline string up to 15 bytes).
    @inline(__always)
    static func ascii(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
