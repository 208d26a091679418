/// Whether two name pinyins name the same person, given they already share a number or address.
///
/// Equal pinyin agrees: it covers the traditional/simplified pair (張偉/张伟 → `zhangwei`) and
/// same-sounding characters. Otherwise the pinyins agree when they are at most
/// `maxNameEditDistance` apart in optimal string alignment distance (an adjacent swap counts as
/// one edit: `zhangwei`/`zhangwie` is the typical keying slip), both are at least
/// `minFuzzyPinyinLength` long, and they start with the same surname syllable — a family sharing
/// a number shares the surname, so the edit must fall in the given name. The caller applies the
/// fuzzy verdict only where a slip is possible (`NameToken`); a romanised sibling one letter away
/// (`Liming`/`Limin`) is the residual risk we accept.
struct NameAgreement: Sendable {
    let maxDistance: Int
    let minLength: Int

    init(rules: LinkRules) {
        maxDistance = rules.maxNameEditDistance
        minLength = rules.minFuzzyPinyinLength
    }

    enum Verdict: Equatable { case exact, fuzzy, differ }

    func compare(_ a: String, _ b: String) -> Verdict {
        if a == b { return .exact }
        guard maxDistance > 0 else { return .differ }
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count >= minLength, y.count >= minLength, abs(x.count - y.count) <= maxDistance else { return .differ }
        guard SurnamePinyin.surname(of: Substring(a)) == SurnamePinyin.surname(of: Substring(b)) else { return .differ }
        return Self.osaDistance(x, y, limit: maxDistance) <= maxDistance ? .fuzzy : .differ
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent transposition), giving up
    /// with `limit + 1` as soon as every cell of a row exceeds `limit`.
    static func osaDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            var rowMin = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, prev2[j - 2] + 1) }
                cur[j] = d
                rowMin = min(rowMin, d)
            }
            if rowMin > limit { return limit + 1 }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return prev[b.count]
    }
}
