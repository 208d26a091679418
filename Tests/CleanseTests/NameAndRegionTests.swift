import XCTest
@testable import Cleanse

final class PersonNameTests: XCTestCase {
    private let han = HanTransliterator()
    private func n(_ s: String) -> NormalizedName? { PersonName.normalize(s, han: han) }

    func testTraditionalToSimplified() { XCTAssertEqual(n("張偉")?.name, "张伟") }

    /// A later file's cleanser starts from what earlier ones learned: each table must come back
    /// with its own values (simplified forms in one, pinyin in the other).
    func testCharactersLearnedByAnEarlierInstanceComeBackTheSame() {
        do {
            let first = HanTransliterator()
            XCTAssertEqual(first.simplified("鄧麗君"), "邓丽君")
            XCTAssertEqual(first.pinyin(Unicode.Scalar("鄧")), "deng")
        }
        let later = HanTransliterator()
        XCTAssertEqual(later.simplified("鄧麗君"), "邓丽君")
        XCTAssertEqual(later.pinyin(Unicode.Scalar("鄧")), "deng")
        XCTAssertEqual(later.pinyin(Unicode.Scalar("邓")), "deng")
    }
    func testPinyinWithoutSpacesOrTones() { XCTAssertEqual(n("张伟")?.pinyin, "zhangwei") }
    func testTraditionalAndSimplifiedShareOnePinyin() { XCTAssertEqual(n("張偉")?.pinyin, n("张伟")?.pinyin) }
    func testSpacesBetweenHanCharactersRemoved() { XCTAssertEqual(n(" 李 小 龙 ")?.name, "李小龙") }
    func testIdeographicSpaceRemoved() { XCTAssertEqual(n("王\u{3000}芳")?.name, "王芳") }
    func testLatinNameKeepsOneSpace() {
        XCTAssertEqual(n("John   Smith")?.name, "John Smith")
        XCTAssertEqual(n("John   Smith")?.pinyin, "johnsmith")
    }
    func testFullWidthLatinName() { XCTAssertEqual(n("ＪＯＨＮ")?.name, "JOHN") }
    func testHonorificStrippedWhenTwoHanCharactersRemain() {
        XCTAssertEqual(n("张伟先生"), NormalizedName(name: "张伟", pinyin: "zhangwei", genderHint: "M"))
    }
    func testHonorificKeptAfterSurnameAlone() {
        XCTAssertEqual(n("王女士"), NormalizedName(name: "王女士", pinyin: "wangnushi", genderHint: "F"))
    }
    func testPlaceholderNameIsNil() { XCTAssertNil(n("未知")); XCTAssertNil(n("NULL")) }
}

final class RegionTests: XCTestCase {
    private let han = HanTransliterator()
    private lazy var index = Region.provinceIndex(han: han)
    private func p(_ s: String) -> String? { Region.province(s, index: index, han: han) }

    func testOneCharacterAbbreviation() { XCTAssertEqual(p("粤"), "广东省") }
    func testShortName() { XCTAssertEqual(p("广东"), "广东省") }
    func testMunicipalityAbbreviation() { XCTAssertEqual(p("沪"), "上海市"); XCTAssertEqual(p("京"), "北京市") }
    func testAutonomousRegionShortName() { XCTAssertEqual(p("内蒙古"), "内蒙古自治区") }
    func testTraditionalTaiwan() { XCTAssertEqual(p("臺灣"), "台湾省") }
    func testSpecialAdministrativeRegion() { XCTAssertEqual(p("香港"), "香港特别行政区") }
    func testPinyinWithCaseAndSpaces() { XCTAssertEqual(p(" Inner Mongolia "), "内蒙古自治区") }
    func testCanonicalNameIsItself() { XCTAssertEqual(p("广西壮族自治区"), "广西壮族自治区") }
    func testAllThirtyFourDivisions() { XCTAssertEqual(Set(Region.provinces.map { $0[0] }).count, 34) }
    func testUnknownProvinceIsNil() { XCTAssertNil(p("火星")) }

    func testCityWithoutShiGetsIt() { XCTAssertEqual(Region.city("广州", han: han), "广州市") }
    func testTraditionalCity() { XCTAssertEqual(Region.city("臺北", han: han), "台北市") }
    func testCityWithProvincePrefix() { XCTAssertEqual(Region.city("广东省 深圳市", han: han), "深圳市") }
    func testCityNamedLikeItsProvince() { XCTAssertEqual(Region.city("吉林", han: han), "吉林市") }
    func testUnlistedCountyKeptAsWritten() { XCTAssertEqual(Region.city("昆山", han: han), "昆山") }
}

final class CategoryTests: XCTestCase {
    private let han = HanTransliterator()
    private func code(_ s: String, extra: [String: String] = [:]) -> String? {
        CategoryTable(extra: extra, han: han).code(of: s, han: han)
    }
    func testSimplifiedChinese() { XCTAssertEqual(code("电冰箱"), "fridge") }
    func testTraditionalChinese() { XCTAssertEqual(code("洗衣機"), "washer"); XCTAssertEqual(code("冷氣"), "aircon") }
    func testCantoneseWord() { XCTAssertEqual(code("雪柜"), "fridge") }
    func testEnglishWithCase() { XCTAssertEqual(code("Air Conditioner"), "aircon"); XCTAssertEqual(code("TV"), "tv") }
    func testCanonicalCodeWithUnderscore() { XCTAssertEqual(code("water_heater"), "water_heater") }
    func testSynonymFromRules() { XCTAssertEqual(code("柜式空调", extra: ["柜式空调": "aircon"]), "aircon") }
    func testUnknownIsNil() { XCTAssertNil(code("吸尘器")) }
}

final class DemographicsTests: XCTestCase {
    private let han = HanTransliterator()
    private func g(_ s: String) -> Demographics.Reading<String> { Demographics.gender(s, han: han) }
    private func y(_ s: String) -> Demographics.Reading<Int> { Demographics.birthYear(s, window: 1900...2015) }

    func testGenderChinese() { XCTAssertEqual(g("男"), .value("M")); XCTAssertEqual(g("女"), .value("F")) }
    func testGenderEnglishAnyCase() { XCTAssertEqual(g("Female"), .value("F")); XCTAssertEqual(g("m"), .value("M")) }
    func testGenderHonorific() { XCTAssertEqual(g("女士"), .value("F")) }
    func testGenderNationalStandardCodes() { XCTAssertEqual(g("1"), .value("M")); XCTAssertEqual(g("2"), .value("F")) }
    func testGenderExplicitUnknownIsEmptyWithoutIssue() { XCTAssertEqual(g("未知"), .empty); XCTAssertEqual(g("9"), .empty) }
    func testGenderGarbageIsIssue() { XCTAssertEqual(g("x"), .issue(ReasonCode.genderUnknown)) }

    func testBirthYearPlain() { XCTAssertEqual(y("1985"), .value(1985)) }
    func testBirthYearWithNianSuffix() { XCTAssertEqual(y("1985年"), .value(1985)) }
    func testBirthYearAsSpreadsheetFloat() { XCTAssertEqual(y("1985.0"), .value(1985)) }
    func testTwoDigitBirthYearIsAmbiguous() { XCTAssertEqual(y("85"), .issue(ReasonCode.birthYearAmbiguous)) }
    func testBirthYearBeforeWindowIsImpossible() { XCTAssertEqual(y("1850"), .issue(ReasonCode.birthYearImpossible)) }
    func testBirthYearAfterWindowIsImpossible() { XCTAssertEqual(y("2020"), .issue(ReasonCode.birthYearImpossible)) }
    func testBirthYearWordsAreInvalid() { XCTAssertEqual(y("eighties"), .issue(ReasonCode.birthYearInvalid)) }
}

final class ContactOutcomeTests: XCTestCase {
    private let han = HanTransliterator()
    private func o(_ s: String, extra: [String: String] = [:]) -> ContactOutcome? {
        ContactOutcome.index(extra: extra, han: han)[Text.lookupKey(s, han: han)]
    }
    func testUnreachableSpellings() {
        for s in ["未接通", "无人接听", "忙音", "空号", "关机", "No Answer"] { XCTAssertEqual(o(s), .unreachable, s) }
    }
    func testTraditionalSpelling() { XCTAssertEqual(o("無人接聽"), .unreachable) }
    func testWrongParty() { XCTAssertEqual(o("非本人"), .wrongParty); XCTAssertEqual(o("wrong_party"), .wrongParty) }
    func testReachedPresentedSoldLapsed() {
        XCTAssertEqual(o("接通"), .reached); XCTAssertEqual(o("已介绍"), .presented)
        XCTAssertEqual(o("成交"), .sold); XCTAssertEqual(o("收款失败"), .lapsed); XCTAssertEqual(o("拒付"), .lapsed)
    }
    func testSynonymFromRules() { XCTAssertEqual(o("不感兴趣", extra: ["不感兴趣": "presented"]), .presented) }
    func testUnknownIsNil() { XCTAssertNil(o("稍后再拨?")) }
}
