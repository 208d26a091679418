import Foundation

/// Guesses a source's encoding from its first bytes.
enum EncodingDetector {
    /// How many bytes of a file the guess looks at.
    static let sampleSize = 64 * 1024

    /// UTF-8 when the sample has a BOM or is valid UTF-8; otherwise whichever of GB18030 and
    /// Big5 decodes the sample cleanly and reads more like Chinese text. GB18030 decodes almost
    /// any byte pairs, so a clean decode alone cannot decide: the share of decoded characters
    /// that are among the most frequent Chinese characters can, because Big5 read as GB18030
    /// (or the reverse) gives rare characters.
    static func detect(_ sample: [UInt8], sampleIsWholeFile: Bool) -> TextEncoding {
        if sample.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
        switch sample.withUnsafeBufferPointer(UTF8Validation.check) {
        case .valid: return .utf8
        case .incomplete where !sampleIsWholeFile: return .utf8
        case .incomplete, .invalid: break
        }
        let gbScore = score(sample, as: .gb18030, sampleIsWholeFile: sampleIsWholeFile)
        let big5Score = score(sample, as: .big5, sampleIsWholeFile: sampleIsWholeFile)
        // Ties (both unreadable, or no Chinese at all) go to GB18030, the superset of GBK.
        return big5Score > gbScore ? .big5 : .gb18030
    }

    /// The share of non-ASCII characters that are frequent Chinese characters, or -1 when the
    /// sample does not decode as `encoding`.
    static func score(_ sample: [UInt8], as encoding: TextEncoding, sampleIsWholeFile: Bool) -> Double {
        guard let converter = try? IconvConverter(from: encoding, to: .utf8) else { return -1 }
        var output: [UInt8] = []
        output.reserveCapacity(sample.count * 3 / 2)
        switch sample.withUnsafeBufferPointer({ converter.convert($0, appendingTo: &output) }) {
        case .complete: break
        case .incomplete where !sampleIsWholeFile: break
        case .incomplete, .invalid: return -1
        }
        var nonASCII = 0, frequent = 0
        for scalar in String(decoding: output, as: UTF8.self).unicodeScalars where !scalar.isASCII {
            nonASCII += 1
            if FrequentHanzi.all.contains(scalar) { frequent += 1 }
        }
        return nonASCII == 0 ? 0 : Double(frequent) / Double(nonASCII)
    }
}

/// The most frequent characters of Chinese text (and of names and addresses), in simplified
/// and traditional forms.
enum FrequentHanzi {
    private static let simplified = """
        的一是不了人我在有他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发\
        后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但\
        因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手\
        应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教\
        儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目\
        太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却\
        界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清\
        今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢\
        存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似\
        官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引\
        历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足\
        态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米\
        围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛\
        状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食\
        险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判\
        担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯\
        追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾\
        弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋\
        跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损\
        忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词\
        杨黄赵周吴徐孙朱胡郭何高罗郑梁宋唐许韩冯邓曹彭曾肖董袁潘蔡蒋余杜程魏吕丁任沈姚卢姜崔谭汪范廖贾\
        夏韦邹孟熊秦邱尹薛闫段侯毛郝龚邵钱严覃戴孔汤街镇栋室店卡售购修维客服电话址邮箱保固销量额单价折
        """
    /// Built once: the list above plus each character's traditional form.
    static let all: Set<Unicode.Scalar> = {
        let traditional = simplified.applyingTransform(StringTransform(rawValue: "Simplified-Traditional"), reverse: false) ?? ""
        return Set((simplified + traditional).unicodeScalars.filter { !$0.isASCII && !$0.properties.isWhitespace })
    }()
}
