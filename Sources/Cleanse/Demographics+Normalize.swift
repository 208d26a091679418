/// Gender and birth year of a warranty card holder.
enum Demographics {
    enum Reading<Value: Equatable>: Equatable {
        case empty
        case value(Value)
        case issue(String)
    }

    /// `1`/`2` follow the national standard GB/T 2261.1 (1 male, 2 female); `0`/`9` and `未知` are
    /// its "unknown" and "not stated", which are nil without an issue.
    private static let genders: [String: String] = [
        "男": "M", "m": "M", "male": "M", "man": "M", "先生": "M", "1": "M", "男性": "M",
        "女": "F", "f": "F", "female": "F", "woman": "F", "女士": "F", "小姐": "F", "2": "F", "女性": "F",
        "0": "", "9": "", "未知": "", "不详": "", "保密": "", "unknown": "", "u": "",
    ]

    static func gender(_ raw: String, han: HanTransliterator) -> Reading<String> {
        guard let t = Text.field(raw) else { return .empty }
        guard let g = genders[Text.lookupKey(t, han: han)] else { return .issue(ReasonCode.genderUnknown) }
        return g.isEmpty ? .empty : .value(g)
    }

    /// Four digits (optionally `年` or `.0` after them) inside the window. Two-digit years are not
    /// expanded: `05` could be 1905 or 2005 for a customer, so it is `birth_year.ambiguous`.
    static func birthYear(_ raw: String, window: ClosedRange<Int>) -> Reading<Int> {
        guard let t = Text.field(raw) else { return .empty }
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        let rest = t.dropFirst(digits.count)
        guard !digits.isEmpty, rest.isEmpty || rest == "年" || rest.allSatisfy({ $0 == "." || $0 == "0" }) && rest.first == "."
        else { return .issue(ReasonCode.birthYearInvalid) }
        if digits.count == 2 { return .issue(ReasonCode.birthYearAmbiguous) }
        guard digits.count == 4, let year = Int(digits), window.contains(year) else { return .issue(ReasonCode.birthYearImpossible) }
        return .value(year)
    }
}
