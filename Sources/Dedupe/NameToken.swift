import Cleanse

/// The name as linkage compares it: pinyin, and whether the name was typed in Latin letters.
///
/// The script matters for fuzzy agreement. A Han name's pinyin is computed, so it cannot carry a
/// keying slip: two Han names one letter apart in pinyin (王敏 `wangmin`, 王明 `wangming`) are two
/// given names — typically siblings sharing the family's number. A name typed in Latin letters
/// (`ZhangWie`) can carry a slip, so only pairs where at least one side is romanised may agree
/// fuzzily. The flag is part of the persisted key so history keeps the distinction.
struct NameToken: Equatable {
    var pinyin: String
    var romanised: Bool

    /// Pinyin, or the lower-cased name when Cleanse could not romanise it; nil when there is no
    /// usable name. `|` and a leading `~` are dropped so the encoding stays unambiguous.
    init?(of p: Person) {
        guard let raw = p.namePinyin ?? p.name?.lowercased() else { return nil }
        let reserved = raw.utf8.contains { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "~") }
        let token = reserved ? raw.filter { $0 != "|" && $0 != "~" } : raw
        guard !token.isEmpty else { return nil }
        pinyin = token
        romanised = !(p.name?.unicodeScalars.contains(where: Self.isHan) ?? false)
    }

    init(pinyin: String, romanised: Bool) { self.pinyin = pinyin; self.romanised = romanised }

    /// Parses `encoded`.
    init(encoded: String) {
        if encoded.hasPrefix("~") { self.init(pinyin: String(encoded.dropFirst()), romanised: true) }
        else { self.init(pinyin: encoded, romanised: false) }
    }

    /// The form inside identity keys: `zhangwei` or `~zhangwie`.
    var encoded: String { romanised ? "~" + pinyin : pinyin }

    private static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: true
        default: false
        }
    }
}
