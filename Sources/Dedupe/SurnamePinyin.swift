/// Pinyin of common Chinese surnames, compound ones included, to find where the surname ends in
/// a pinyin written without spaces (`ouyangfeng` → `ouyang`).
///
/// The list covers the surnames of the large majority of the population; a name starting with
/// none of them (a Latin name, a rare surname) falls back to its first two letters, which is
/// stricter, never looser, for the fuzzy rule.
enum SurnamePinyin {
    static let all: Set<String> = [
        "ai", "an", "ao", "bai", "ban", "bao", "bei", "bi", "bian", "bo", "bu", "cai", "cao", "cen", "chai",
        "chang", "chen", "cheng", "chi", "chu", "cong", "cui", "dai", "dang", "deng", "di", "diao", "ding",
        "dong", "dou", "du", "duan", "e", "fan", "fang", "fei", "feng", "fu", "gan", "gao", "ge", "geng",
        "gong", "gou", "gu", "guan", "guo", "han", "hao", "he", "hong", "hou", "hu", "hua", "huang", "ji",
        "jia", "jian", "jiang", "jiao", "jin", "jing", "kang", "ke", "kong", "kou", "kuang", "lai", "lan",
        "lang", "lei", "leng", "li", "lian", "liang", "liao", "lin", "ling", "liu", "long", "lou", "lu",
        "luo", "lv", "ma", "mai", "man", "mao", "mei", "meng", "mi", "miao", "min", "ming", "mo", "mu",
        "ni", "nie", "ning", "niu", "ou", "pan", "pang", "pei", "peng", "pi", "ping", "pu", "qi", "qian",
        "qiao", "qin", "qiu", "qu", "quan", "ran", "rao", "ren", "rong", "ruan", "sha", "shan", "shang",
        "shao", "she", "shen", "sheng", "shi", "shu", "si", "song", "su", "sun", "tai", "tan", "tang",
        "tao", "teng", "tian", "tong", "tu", "wan", "wang", "wei", "wen", "weng", "wu", "xi", "xia",
        "xian", "xiang", "xiao", "xie", "xin", "xing", "xiong", "xu", "xuan", "xue", "yan", "yang", "yao",
        "ye", "yi", "yin", "ying", "yong", "you", "yu", "yuan", "yue", "yun", "zang", "zeng", "zhai",
        "zhan", "zhang", "zhao", "zhen", "zheng", "zhong", "zhou", "zhu", "zhuang", "zhuo", "zong", "zou",
        "zu", "zuo",
        "ouyang", "situ", "shangguan", "sima", "zhuge", "huangfu", "dongfang", "xiahou", "zhangsun",
        "murong", "yuchi", "gongsun", "linghu", "duanmu",
    ]

    /// The longest listed surname that `pinyin` starts with, else its first two letters.
    ///
    /// Longest match because compound surnames must beat their first syllable (`ouyang` over
    /// `ou`); both sides of a comparison go through the same function, so an over-long match
    /// (`lina` → `lin`) is consistent and can only make the rule stricter.
    static func surname(of pinyin: Substring) -> Substring {
        var best: Substring?
        var end = pinyin.startIndex
        var length = 0
        while end < pinyin.endIndex, length < 9 {
            end = pinyin.index(after: end)
            length += 1
            if all.contains(String(pinyin[pinyin.startIndex..<end])) { best = pinyin[pinyin.startIndex..<end] }
        }
        return best ?? pinyin.prefix(2)
    }
}
