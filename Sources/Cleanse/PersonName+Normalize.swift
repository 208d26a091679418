/// A customer name ready for matching.
struct NormalizedName: Equatable {
    /// Half-width, simplified, trimmed; no spaces between Han characters.
    var name: String
    /// Lower-case pinyin (or Latin letters) without spaces: `zhangwei`.
    var pinyin: String
    /// `M`/`F` when the name carried an honorific (`先生`, `女士`, …).
    var genderHint: String?
}

/// Names: full-width → half-width, traditional → simplified, spaces between Han characters
/// removed and other runs of spaces collapsed to one (`John  Smith` → `John Smith`).
///
/// A trailing honorific (`先生`, `女士`, `小姐`, `太太`, `夫人`) is stripped only when at least two
/// Han characters remain (`张伟先生` → `张伟`). `王先生` stays as it is: it is how call centres record
/// a customer whose given name they do not know, and `王` alone would match every Wang. Either way
/// the honorific gives a gender hint. Values that mean "no name" (`未知`, `客户`, `test`) are nil.
enum PersonName {
    private static let honorifics: [(String, String)] = [("先生", "M"), ("女士", "F"), ("小姐", "F"), ("太太", "F"), ("夫人", "F")]
    private static let noName: Set<String> = ["未知", "不详", "无名", "客户", "顾客", "匿名", "test", "Test", "TEST", "unknown", "Unknown", "?", "??"]

    static func normalize(_ raw: String, han: HanTransliterator) -> NormalizedName? {
        guard let t = Text.field(raw) else { return nil }
        var scalars: [Unicode.Scalar] = []
        var pendingSpace = false
        for c in t.unicodeScalars {
            if Text.isSpace(c) { pendingSpace = !scalars.isEmpty; continue }
            let isHan = Text.isHan(c)
            if pendingSpace, let last = scalars.last, !isHan, !Text.isHan(last) { scalars.append(" ") }
            pendingSpace = false
            if isHan { scalars.append(contentsOf: han.simplified(c).unicodeScalars) } else { scalars.append(c) }
        }
        var name = String(String.UnicodeScalarView(scalars))
        guard !noName.contains(name) else { return nil }
        var hint: String?
        for (word, gender) in honorifics where name.hasSuffix(word) {
            hint = gender
            let rest = name.unicodeScalars.dropLast(word.unicodeScalars.count)
            if rest.count >= 2 && rest.allSatisfy(Text.isHan) { name = String(String.UnicodeScalarView(rest)) }
            break
        }
        return NormalizedName(name: name, pinyin: pinyin(name, han: han), genderHint: hint)
    }

    /// Lower-case pinyin of the Han characters and the ASCII letters and digits, nothing else.
    static func pinyin(_ name: String, han: HanTransliterator) -> String {
        var out = ""
        for c in name.unicodeScalars {
            if Text.isHan(c) { out += han.pinyin(c) }
            else if c.isASCII, c.properties.isAlphabetic || c.properties.numericType != nil {
                out.unicodeScalars.append(c.properties.isUppercase ? Unicode.Scalar(c.value + 32)! : c)
            }
        }
        return out
    }
}
