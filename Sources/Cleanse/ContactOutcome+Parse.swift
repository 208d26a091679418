/// Call results as call-centre systems spell them → `ContactOutcome`.
extension ContactOutcome {
    static let builtInSpellings: [ContactOutcome: [String]] = [
        .unreachable: ["未接通", "无人接听", "无应答", "忙音", "占线", "空号", "关机", "停机", "无法接通", "拒接", "不在服务区",
                       "unreachable", "no answer", "noanswer", "busy", "not connected", "invalid number", "switched off"],
        .wrongParty: ["非本人", "家人接听", "他人接听", "打错", "wrong party", "wrong person", "wrong number"],
        .reached: ["接通", "已接通", "本人接听", "联系上", "reached", "connected", "contacted"],
        .presented: ["已介绍", "已推介", "已推荐", "介绍产品", "未成交", "presented", "pitched", "no sale"],
        .sold: ["成交", "已成交", "成功", "销售成功", "sold", "sale", "success"],
        .lapsed: ["收款失败", "拒付", "付款失败", "扣款失败", "lapsed", "payment failed", "lapse"],
    ]

    /// Lookup key → outcome, from the built-in spellings, the raw values and the pipeline's extras
    /// (whose values are raw values such as `presented`; unknown values are ignored).
    static func index(extra: [String: String], han: HanTransliterator) -> [String: ContactOutcome] {
        var index: [String: ContactOutcome] = [:]
        for outcome in allCases {
            index[Text.lookupKey(outcome.rawValue, han: han)] = outcome
            for w in builtInSpellings[outcome] ?? [] { index[Text.lookupKey(w, han: han)] = outcome }
        }
        for (w, raw) in extra { if let o = ContactOutcome(rawValue: raw) { index[Text.lookupKey(w, han: han)] = o } }
        return index
    }
}
