/// Character-level helpers shared by every normaliser. They work on UTF-8 bytes first and fall
/// back to scalars only when a byte scan says it is needed, because the common value is plain
/// ASCII or plain CJK and must cost almost nothing.
enum Text {
    /// Values that exports write for "nothing here".
    private static let nullTokens: Set<String> = ["null", "NULL", "Null", "\\N", "N/A", "n/a", "NA", "-", "--", "无", "/"]

    /// The value trimmed of ASCII and ideographic whitespace, or nil when nothing (or a null
    /// token such as `NULL`, `\N`, `N/A`) is left.
    @inline(__always)
    static func nonBlank(_ s: String) -> String? {
        let utf8 = s.utf8
        guard let first = utf8.first, let last = utf8.last else { return nil }
        let t = (isSpaceByte(first) || isSpaceByte(last) || first >= 0x80 || last >= 0x80) ? trimmed(s) : s
        if t.isEmpty { return nil }
        if t.utf8.count <= 4 && nullTokens.contains(t) { return nil }
        return t
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

    /// True when the text holds a full-width form (U+FF01–FF5E) or an ideographic space:
    /// a byte scan for their UTF-8 lead bytes, so ASCII and CJK text pass at memchr speed.
    @inline(__always)
    static func hasWideForms(_ s: String) -> Bool {
        var previous: UInt8 = 0
        for b in s.utf8 {
            if previous == 0xEF && (b == 0xBC || b == 0xBD) { return true }
            if previous == 0xE3 && b == 0x80 { return true }
            previous = b
        }
        return false
    }

    /// Full-width ASCII forms (`１２３`, `ＡＢＣ`, `，`) and U+3000 become their half-width forms.
    static func halfWidth(_ s: String) -> String {
        guard hasWideForms(s) else { return s }
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

    /// Half-width, trimmed, nil when blank: the first step of every field.
    @inline(__always)
    static func field(_ s: String) -> String? {
        nonBlank(hasWideForms(s) ? halfWidth(s) : s)
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
