/// Product categories → canonical codes, from built-in synonyms plus the pipeline's own.
/// Keys are compared as `Text.lookupKey` (case, width, spaces, traditional script folded).
struct CategoryTable {
    static let builtIn: [String: [String]] = [
        "fridge": ["冰箱", "电冰箱", "雪柜", "冰柜", "冷柜", "refrigerator", "fridge", "freezer"],
        "washer": ["洗衣机", "滚筒洗衣机", "波轮洗衣机", "washing machine", "washer", "washer dryer"],
        "aircon": ["空调", "冷气", "冷气机", "空调器", "挂机", "柜机", "air conditioner", "aircon", "ac", "a/c"],
        "tv": ["电视", "电视机", "彩电", "液晶电视", "television", "tv"],
        "water_heater": ["热水器", "电热水器", "燃气热水器", "water heater", "water_heater"],
        "range_hood": ["油烟机", "抽油烟机", "吸油烟机", "range hood", "range_hood", "cooker hood"],
        "microwave": ["微波炉", "microwave", "microwave oven"],
        "dishwasher": ["洗碗机", "dishwasher"],
    ]

    private var codeOfKey: [String: String] = [:]

    init(extra: [String: String], han: HanTransliterator) {
        for (code, words) in Self.builtIn {
            for w in words { codeOfKey[Text.lookupKey(w, han: han)] = code }
        }
        for (w, code) in extra { codeOfKey[Text.lookupKey(w, han: han)] = code }
    }

    /// The canonical code, nil when no synonym matches.
    func code(of raw: String, han: HanTransliterator) -> String? {
        codeOfKey[Text.lookupKey(raw, han: han)]
    }
}
