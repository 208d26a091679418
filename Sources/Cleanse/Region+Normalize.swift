/// Provinces and cities → canonical Chinese names.
enum Region {
    /// Canonical name, then every other spelling: short form, one-character abbreviations, pinyin.
    static let provinces: [[String]] = [
        ["北京市", "北京", "京", "beijing"], ["天津市", "天津", "津", "tianjin"],
        ["河北省", "河北", "冀", "hebei"], ["山西省", "山西", "晋", "shanxi"],
        ["内蒙古自治区", "内蒙古", "内蒙", "蒙", "innermongolia", "neimenggu", "neimongol"],
        ["辽宁省", "辽宁", "辽", "liaoning"], ["吉林省", "吉林", "吉", "jilin"],
        ["黑龙江省", "黑龙江", "黑", "heilongjiang"], ["上海市", "上海", "沪", "申", "shanghai"],
        ["江苏省", "江苏", "苏", "jiangsu"], ["浙江省", "浙江", "浙", "zhejiang"],
        ["安徽省", "安徽", "皖", "anhui"], ["福建省", "福建", "闽", "fujian"],
        ["江西省", "江西", "赣", "jiangxi"], ["山东省", "山东", "鲁", "shandong"],
        ["河南省", "河南", "豫", "henan"], ["湖北省", "湖北", "鄂", "hubei"],
        ["湖南省", "湖南", "湘", "hunan"], ["广东省", "广东", "粤", "guangdong"],
        ["广西壮族自治区", "广西", "广西自治区", "桂", "guangxi"], ["海南省", "海南", "琼", "hainan"],
        ["重庆市", "重庆", "渝", "chongqing"], ["四川省", "四川", "川", "蜀", "sichuan"],
        ["贵州省", "贵州", "贵", "黔", "guizhou"], ["云南省", "云南", "云", "滇", "yunnan"],
        ["西藏自治区", "西藏", "藏", "tibet", "xizang"], ["陕西省", "陕西", "陕", "秦", "shaanxi"],
        ["甘肃省", "甘肃", "甘", "陇", "gansu"], ["青海省", "青海", "青", "qinghai"],
        ["宁夏回族自治区", "宁夏", "宁夏自治区", "宁", "ningxia"],
        ["新疆维吾尔自治区", "新疆", "新疆自治区", "新", "xinjiang"],
        ["台湾省", "台湾", "台", "taiwan"], ["香港特别行政区", "香港", "港", "hongkong", "hk"],
        ["澳门特别行政区", "澳门", "澳", "macau", "macao"],
    ]

    /// Prefecture-level cities (and Taiwan's cities) written without `市`; `市` is added when the
    /// source leaves it off. Names outside this list are kept as written (simplified), because a
    /// bare name may be a county (`县`) or district as well as a city.
    static let commonCities: Set<String> = Set("""
    北京 上海 天津 重庆 广州 深圳 珠海 汕头 佛山 韶关 湛江 肇庆 江门 茂名 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮
    南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水
    合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城 福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德
    南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶 济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽
    郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州
    长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 南宁 柳州 桂林 梧州 北海 钦州 贵港 玉林 百色 海口 三亚
    成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 贵阳 遵义 六盘水 安顺 昆明 曲靖 玉溪 保山 昭通 丽江
    拉萨 西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛 兰州 嘉峪关 金昌 白银 天水 西宁 银川 石嘴山 吴忠 乌鲁木齐 克拉玛依
    石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁
    呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛
    长春 吉林 四平 辽源 通化 白山 松原 白城 哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化
    台北 新北 桃园 台中 台南 高雄 基隆 新竹 嘉义
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Lookup key (`Text.lookupKey`) → canonical province.
    static func provinceIndex(han: HanTransliterator) -> [String: String] {
        var index: [String: String] = [:]
        for names in provinces { for n in names { index[Text.lookupKey(n, han: han)] = names[0] } }
        return index
    }

    /// The canonical province, nil when it is none of the 34.
    static func province(_ raw: String, index: [String: String], han: HanTransliterator) -> String? {
        index[Text.lookupKey(raw, han: han)]
    }

    /// Simplified, without spaces, without a leading province (`广东省广州市` → `广州市`), with `市`
    /// added for the common cities (`臺北` → `台北市`).
    static func city(_ raw: String, han: HanTransliterator) -> String? {
        guard let t = Text.field(raw) else { return nil }
        var name = han.simplified(String(String.UnicodeScalarView(t.unicodeScalars.filter { !Text.isSpace($0) })))
        for names in provinces {
            for prefix in names.prefix(2) where name.hasPrefix(prefix) && name.count >= prefix.count + 2 {
                name.removeFirst(prefix.count)
                break
            }
        }
        return commonCities.contains(name) ? name + "市" : name
    }
}
