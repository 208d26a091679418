import Foundation
import Synchronization

/// Traditional → simplified and Han → pinyin, one character at a time, cached.
///
/// ICU transforms cost ~2 µs (simplify) and ~12 µs (pinyin) a call on this machine. Caching per
/// distinct character instead of per distinct name bounds the cost by the few thousand Han
/// characters that occur in names and places, however many distinct names a file holds. The
/// price is context: ICU reads `重庆` as `chongqing` but `重` alone as `zhong`. Names are matched
/// on pinyin only against other pinyin made the same way, so consistency matters, not the reading.
///
/// Each file's cleanser has its own instance, read without locks; it starts from what the files
/// before it learned and hands back what it learned when it goes. A night of 40 small files
/// otherwise met the same few thousand characters cold 40 times (a fifth of its CPU in ICU).
final class HanTransliterator {
    private var simplifiedCache: [Unicode.Scalar: String]
    private var pinyinCache: [Unicode.Scalar: String]
    private let known: (simplified: Int, pinyin: Int)
    private static let toSimplified = StringTransform("Traditional-Simplified")
    private static let toPinyin = StringTransform("Han-Latin; Latin-ASCII")
    private static let learned = Mutex<(simplified: [Unicode.Scalar: String], pinyin: [Unicode.Scalar: String])>(([:], [:]))

    init() {
        (simplifiedCache, pinyinCache) = Self.learned.withLock { ($0.simplified, $0.pinyin) }
        known = (simplifiedCache.count, pinyinCache.count)
    }

    deinit {
        guard simplifiedCache.count > known.simplified || pinyinCache.count > known.pinyin else { return }
        let simplified = simplifiedCache, pinyin = pinyinCache
        Self.learned.withLock {
            $0.simplified.merge(simplified) { kept, _ in kept }
            $0.pinyin.merge(pinyin) { kept, _ in kept }
        }
    }

    /// The simplified form of one Han character (itself when it already is simplified).
    func simplified(_ c: Unicode.Scalar) -> String {
        if let hit = simplifiedCache[c] { return hit }
        let s = String(c)
        let result = s.applyingTransform(Self.toSimplified, reverse: false) ?? s
        simplifiedCache[c] = result
        return result
    }

    /// Lower-case toneless pinyin of one Han character (`张` → `zhang`); empty if ICU has none.
    func pinyin(_ c: Unicode.Scalar) -> String {
        if let hit = pinyinCache[c] { return hit }
        let latin = String(c).applyingTransform(Self.toPinyin, reverse: false) ?? ""
        let result = String(String.UnicodeScalarView(latin.lowercased().unicodeScalars.filter {
            $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil)
        }))
        pinyinCache[c] = result
        return result
    }

    /// Every Han character of `s` simplified; other characters untouched.
    func simplified(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 >= 0x80 }) else { return s }
        var out = ""
        for c in s.unicodeScalars {
            if Text.isHan(c) { out += simplified(c) } else { out.unicodeScalars.append(c) }
        }
        return out
    }
}
