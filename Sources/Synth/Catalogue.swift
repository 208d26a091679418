/// Fixed reference tables: names, places, products, campaigns. Kept as data so every string the
/// generator can write is visible in one place (and, for the Taiwan file, encodable in Big5).
enum Catalogue {
    /// (simplified, traditional) pairs; the traditional form is what a Taiwan store or a customer
    /// writing by hand would use.
    static let surnames: [(String, String)] = [
        ("王", "王"), ("李", "李"), ("张", "張"), ("刘", "劉"), ("陈", "陳"), ("杨", "楊"), ("黄", "黃"),
        ("赵", "趙"), ("吴", "吳"), ("周", "周"), ("徐", "徐"), ("孙", "孫"), ("马", "馬"), ("朱", "朱"),
        ("胡", "胡"), ("郭", "郭"), ("何", "何"), ("林", "林"), ("罗", "羅"), ("高", "高"), ("郑", "鄭"),
        ("梁", "梁"), ("谢", "謝"), ("宋", "宋"), ("唐", "唐"), ("许", "許"), ("韩", "韓"), ("冯", "馮"),
        ("邓", "鄧"), ("曹", "曹"),
    ]
    static let maleGiven: [(String, String)] = [
        ("伟", "偉"), ("强", "強"), ("磊", "磊"), ("军", "軍"), ("洋", "洋"), ("勇", "勇"), ("杰", "傑"),
        ("涛", "濤"), ("明", "明"), ("超", "超"), ("刚", "剛"), ("建", "建"), ("国", "國"), ("文", "文"),
        ("辉", "輝"), ("海", "海"), ("宇", "宇"), ("鹏", "鵬"), ("浩", "浩"), ("峰", "峰"), ("志", "志"),
        ("斌", "斌"), ("俊", "俊"), ("博", "博"), ("凯", "凱"), ("华", "華"),
    ]
    static let femaleGiven: [(String, String)] = [
        ("芳", "芳"), ("娜", "娜"), ("敏", "敏"), ("静", "靜"), ("丽", "麗"), ("艳", "艷"), ("娟", "娟"),
        ("秀", "秀"), ("霞", "霞"), ("平", "平"), ("桂", "桂"), ("英", "英"), ("玲", "玲"), ("红", "紅"),
        ("燕", "燕"), ("丹", "丹"), ("晨", "晨"), ("欣", "欣"), ("婷", "婷"), ("雪", "雪"), ("琳", "琳"),
        ("慧", "慧"), ("颖", "穎"), ("佳", "佳"),
    ]

    struct City {
        let full: String, short: String, areaCode: String, districts: [String], streets: [String]
    }
    struct Province {
        let full: String, short: String, cities: [City]
    }

    static let mainlandStreets = ["人民路", "解放路", "中山路", "建设路", "和平路", "新华路", "长江路", "胜利路",
                                  "文化路", "光明路", "滨河路", "学院路"]
    static let taiwanStreets = ["忠孝東路", "中山北路", "民生東路", "復興南路", "信義路", "和平東路"]

    static let mainland: [Province] = [
        Province(full: "广东省", short: "广东", cities: [
            City(full: "广州市", short: "广州", areaCode: "020", districts: ["天河区", "越秀区", "海珠区"], streets: mainlandStreets),
            City(full: "深圳市", short: "深圳", areaCode: "0755", districts: ["南山区", "福田区", "宝安区"], streets: mainlandStreets),
            City(full: "佛山市", short: "佛山", areaCode: "0757", districts: ["禅城区", "南海区"], streets: mainlandStreets),
        ]),
        Province(full: "北京市", short: "北京", cities: [
            City(full: "北京市", short: "北京", areaCode: "010", districts: ["朝阳区", "海淀区", "东城区"], streets: mainlandStreets),
        ]),
        Province(full: "上海市", short: "上海", cities: [
            City(full: "上海市", short: "上海", areaCode: "021", districts: ["浦东新区", "徐汇区", "静安区"], streets: mainlandStreets),
        ]),
        Province(full: "江苏省", short: "江苏", cities: [
            City(full: "南京市", short: "南京", areaCode: "025", districts: ["鼓楼区", "玄武区"], streets: mainlandStreets),
            City(full: "苏州市", short: "苏州", areaCode: "0512", districts: ["姑苏区", "吴中区"], streets: mainlandStreets),
        ]),
        Province(full: "浙江省", short: "浙江", cities: [
            City(full: "杭州市", short: "杭州", areaCode: "0571", districts: ["西湖区", "拱墅区"], streets: mainlandStreets),
            City(full: "宁波市", short: "宁波", areaCode: "0574", districts: ["鄞州区", "海曙区"], streets: mainlandStreets),
        ]),
        Province(full: "山东省", short: "山东", cities: [
            City(full: "济南市", short: "济南", areaCode: "0531", districts: ["历下区", "市中区"], streets: mainlandStreets),
            City(full: "青岛市", short: "青岛", areaCode: "0532", districts: ["市南区", "崂山区"], streets: mainlandStreets),
        ]),
        Province(full: "四川省", short: "四川", cities: [
            City(full: "成都市", short: "成都", areaCode: "028", districts: ["锦江区", "武侯区"], streets: mainlandStreets),
        ]),
        Province(full: "湖北省", short: "湖北", cities: [
            City(full: "武汉市", short: "武汉", areaCode: "027", districts: ["江汉区", "武昌区"], streets: mainlandStreets),
        ]),
        Province(full: "广西壮族自治区", short: "广西", cities: [
            City(full: "南宁市", short: "南宁", areaCode: "0771", districts: ["青秀区", "兴宁区"], streets: mainlandStreets),
        ]),
        Province(full: "河南省", short: "河南", cities: [
            City(full: "郑州市", short: "郑州", areaCode: "0371", districts: ["金水区", "二七区"], streets: mainlandStreets),
        ]),
    ]
    /// Written only in traditional characters (the Taiwan export is Big5).
    static let taiwan = Province(full: "臺灣省", short: "台灣", cities: [
        City(full: "臺北市", short: "台北", areaCode: "02", districts: ["大安區", "信義區"], streets: taiwanStreets),
        City(full: "高雄市", short: "高雄", areaCode: "07", districts: ["苓雅區", "前鎮區"], streets: taiwanStreets),
        City(full: "臺中市", short: "台中", areaCode: "04", districts: ["西屯區", "北屯區"], streets: taiwanStreets),
    ])
    static let unknownProvinces = ["江南省", "华北省", "东海省"]

    static let mobilePrefixes = ["130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151",
                                 "152", "155", "156", "157", "158", "159", "166", "176", "177", "178", "180", "181",
                                 "182", "183", "185", "186", "187", "188", "189", "198", "199"]
    static let placeholderMobiles = ["13800000000", "13900000000", "11111111111", "00000000000", "12345678901"]

    struct Category {
        let code: String
        /// Names as files write them, most common first; every one maps to `code`.
        let names: [String]
        /// The Taiwan store's name (traditional characters).
        let taiwanName: String
        let modelPrefix: String
        /// Typical price in yuan of a mid-range model.
        let basePrice: Double
        /// Service life in years; owners replace within this range.
        let lifeYears: ClosedRange<Double>
        /// Share of first purchases.
        let popularity: Double
    }
    static let categories: [Category] = [
        Category(code: "fridge", names: ["冰箱", "电冰箱", "雪柜"], taiwanName: "冰箱", modelPrefix: "BCD-",
                 basePrice: 4000, lifeYears: 8...10, popularity: 0.22),
        Category(code: "washer", names: ["洗衣机"], taiwanName: "洗衣機", modelPrefix: "XQG-",
                 basePrice: 2600, lifeYears: 6...8, popularity: 0.20),
        Category(code: "aircon", names: ["空调", "冷气"], taiwanName: "冷氣", modelPrefix: "KFR-",
                 basePrice: 3600, lifeYears: 8...10, popularity: 0.20),
        Category(code: "tv", names: ["电视", "彩电"], taiwanName: "電視", modelPrefix: "LED",
                 basePrice: 3400, lifeYears: 5...7, popularity: 0.16),
        Category(code: "water_heater", names: ["热水器"], taiwanName: "熱水器", modelPrefix: "ES",
                 basePrice: 1800, lifeYears: 6...8, popularity: 0.08),
        Category(code: "range_hood", names: ["油烟机"], taiwanName: "油煙機", modelPrefix: "CXW-",
                 basePrice: 2400, lifeYears: 7...9, popularity: 0.06),
        Category(code: "microwave", names: ["微波炉"], taiwanName: "微波爐", modelPrefix: "MW",
                 basePrice: 700, lifeYears: 5...7, popularity: 0.05),
        Category(code: "dishwasher", names: ["洗碗机"], taiwanName: "洗碗機", modelPrefix: "WQP-",
                 basePrice: 4200, lifeYears: 8...10, popularity: 0.03),
    ]
    static let unknownCategoryNames = ["净水器", "吸尘器", "其他家电"]

    enum CampaignKind: Int, CaseIterable {
        case replacement, crossSell, memberCare
        var code: String { ["REPL", "XSELL", "CARE"][rawValue] }
        var name: String { ["以旧换新提醒", "全屋家电推荐", "会员关怀回访"][rawValue] }
    }

    static let outcomesEnglish = ["unreachable", "wrong_party", "reached", "presented", "sold", "lapsed"]
    static let outcomesChinese = ["未接通", "非本人", "接通", "已介绍", "成交", "收款失败"]
    static let invalidOutcomes = ["回拨", "callback"]
}
