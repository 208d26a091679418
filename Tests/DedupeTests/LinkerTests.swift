import Cleanse
import XCTest
@testable import Dedupe

final class LinkerTests: XCTestCase {
    func testSameMobileFromPlus86AndBareFormAfterNormalisationIsOneCustomer() {
        let (ids, result) = customerIds([
            person("张伟", "zhangwei", mobile: "13812345678", address: "广州市天河区体育西路1号"),
            person("张伟", "zhangwei", mobile: "13812345678", birthYear: 1980),
        ])
        XCTAssertEqual(ids[0], ids[1])
        XCTAssertEqual(result.stats.clusters, 1)
        XCTAssertEqual(result.stats.newCustomers, 1)
    }

    func testFamilySharingLandlineAndAddressWithDifferentNamesStaysSeparate() {
        let (ids, _) = customerIds([
            person("张伟", "zhangwei", landline: "02087654321", address: "广州市天河区体育西路1号"),
            person("李娜", "lina", landline: "02087654321", address: "广州市天河区体育西路1号"),
        ])
        XCTAssertNotEqual(ids[0], ids[1])
    }

    func testTwoBrothersSharingOneMobileWithDifferentNamesStaySeparate() {
        let (ids, _) = customerIds([
            person("张伟", "zhangwei", mobile: "13812345678"),
            person("张强", "zhangqiang", mobile: "13812345678"),
        ])
        XCTAssertNotEqual(ids[0], ids[1])
    }

    func testTraditionalAndSimplifiedNameWithSamePinyinAndMobileIsOneCustomer() {
        let (ids, _) = customerIds([
            person("張偉", "zhangwei", mobile: "0912345678"),
            person("张伟", "zhangwei", mobile: "0912345678"),
        ])
        XCTAssertEqual(ids[0], ids[1])
    }

    func testPinyinTypoZhangweiVsZhangwieWithSameMobileIsOneCustomer() {
        let (ids, result) = customerIds([
            person("张伟", "zhangwei", mobile: "13812345678"),
            person("ZhangWie", "zhangwie", mobile: "13812345678"),
        ])
        XCTAssertEqual(ids[0], ids[1])
        XCTAssertEqual(result.stats.fuzzyNameLinks, 1)
    }

    func testSiblings王敏And王明SharingAMobileStaySeparateThoughOneLetterApart() {
        let siblings = [person("王敏", "wangmin", mobile: "13812345678"), person("王明", "wangming", mobile: "13812345678")]
        XCTAssertNotEqual(customerIds(siblings).ids[0], customerIds(siblings).ids[1],
                          "Han names' pinyin is computed: one letter apart is another given name, not a slip")
        let anyScript = customerIds(siblings, rules: LinkRules(fuzzyOnlyForRomanisedNames: false)).ids
        XCTAssertEqual(anyScript[0], anyScript[1])
    }

    func testOneLetterApartButInTheSurnameZhangweiVsZhengweiStaysSeparate() {
        let (ids, _) = customerIds([
            person("张伟", "zhangwei", mobile: "13812345678"),
            person("郑伟", "zhengwei", mobile: "13812345678"),
        ])
        XCTAssertNotEqual(ids[0], ids[1])
    }

    func testCommonName王伟AtDifferentMobilesAndAddressesStaysSeparate() {
        let (ids, _) = customerIds([
            person("王伟", "wangwei", mobile: "13800000001", address: "北京市朝阳区建国路1号"),
            person("王伟", "wangwei", mobile: "13900000002", address: "上海市浦东新区世纪大道2号"),
            person("王伟", "wangwei", city: "北京市"),
        ])
        XCTAssertEqual(Set(ids).count, 3)
    }

    func testMemberCardLinksRecordsWithDifferentMobilesAndNoName() {
        let (ids, _) = customerIds([
            person("陈静", "chenjing", mobile: "13812345678", card: "VIP0001"),
            person(nil, nil, mobile: "13987654321", card: "VIP0001"),
        ])
        XCTAssertEqual(ids[0], ids[1])
    }

    func testSharedAddressWithAgreeingNameLinksWithoutAnyNumber() {
        let (ids, _) = customerIds([
            person("刘洋", "liuyang", mobile: "13812345678", address: "杭州市西湖区文三路5号"),
            person("刘洋", "liuyang", address: "杭州市西湖区文三路5号"),
        ])
        XCTAssertEqual(ids[0], ids[1])
    }

    func testNamelessRecordJoinsTheOnlyNameKnownOnItsMobile() {
        let (ids, result) = customerIds([
            person("张伟", "zhangwei", mobile: "13812345678"),
            person("ZhangWie", "zhangwie", mobile: "13812345678"),
            person(nil, nil, mobile: "13812345678", address: "广州市天河区体育西路1号"),
        ])
        XCTAssertEqual(Set(ids).count, 1, "the typo is the same name, so one name is known")
        XCTAssertEqual(result.stats.namelessLinked, 1)
    }

    func testNamelessRecordOnAMobileWithTwoNamesStaysApart() {
        let (ids, _) = customerIds([
            person("张伟", "zhangwei", mobile: "13812345678"),
            person("张强", "zhangqiang", mobile: "13812345678"),
            person(nil, nil, mobile: "13812345678"),
        ])
        XCTAssertEqual(Set(ids).count, 3)
    }

    func testNamelessRecordCountsNamesKnownOnlyFromHistory() {
        let known = IdentityMap(keys: ["m:13812345678|zhangqiang": 5], nextCustomerId: 6)
        let (ids, _) = customerIds([
            person("张伟", "zhangwei", mobile: "13812345678"),
            person(nil, nil, mobile: "13812345678"),
        ], known: known)
        XCTAssertNotEqual(ids[0], ids[1], "history knows a second name on this mobile")
        XCTAssertFalse(ids.contains(5))
    }

    func testPinyinTypoTodayFindsYesterdaysCustomerThroughHistory() {
        let known = IdentityMap(keys: ["m:13812345678|zhangwei": 42], nextCustomerId: 43)
        let (ids, result) = customerIds([person("ZhangWie", "zhangwie", mobile: "13812345678")], known: known)
        XCTAssertEqual(ids, [42])
        XCTAssertEqual(result.stats.newCustomers, 0)
        XCTAssertTrue(result.newIdentityKeys.contains { $0.key == "m:13812345678|~zhangwie" && $0.customerId == 42 })
    }

    func testPlaceholderMobileCarryingManyNamesLinksOnlyExactNames() {
        let placeholder = "13800000000"
        let crowd = (0..<LinkRules.default.maxNamesPerBlock).map { person("客户\($0)", "kehu\($0)", mobile: placeholder) }
        let (ids, result) = customerIds(crowd + [
            person("张伟", "zhangwei", mobile: placeholder, address: "北京市朝阳区建国路1号"),
            person("张伟", "zhangwei", mobile: placeholder, address: "上海市浦东新区世纪大道2号"),
            person("ZhangWie", "zhangwie", mobile: placeholder),
            person(nil, nil, mobile: placeholder),
        ])
        let n = crowd.count
        XCTAssertEqual(ids[n], ids[n + 1])
        XCTAssertNotEqual(ids[n], ids[n + 2], "no fuzzy names on a placeholder")
        XCTAssertEqual(Set(ids).count, n + 3)
        XCTAssertEqual(result.stats.oversizedBlocks, 1)
    }

    func testRecordMatchingTwoExistingCustomersMergesIntoLowestId() {
        let known = IdentityMap(keys: ["m:13812345678|zhangwei": 7, "c:VIP0001": 3, "c:VIP0002": 9], nextCustomerId: 10)
        let (ids, result) = customerIds([
            person("张伟", "zhangwei", mobile: "13812345678", card: "VIP0001"),
            person("张伟", "zhangwei", mobile: "13812345678", card: "VIP0002"),
        ], known: known)
        XCTAssertEqual(ids, [3, 3])
        XCTAssertEqual(result.merges.map { [$0.from, $0.to] }, [[7, 3], [9, 3]])
        XCTAssertEqual(result.stats.merges, 2)
        XCTAssertEqual(result.nextCustomerId, 10)
        XCTAssertEqual(known.applying(result).keys["m:13812345678|zhangwei"], 3)
    }

    func testShuffledInputGivesIdenticalResult() {
        var rng = SeededGenerator(state: 7)
        let persons = SyntheticPeople.make(people: 400, rng: &rng).map(\.person)
        let baseline = customerIds(persons).result
        for seed in 1...3 {
            var shuffler = SeededGenerator(state: UInt64(seed))
            let again = customerIds(persons.shuffled(using: &shuffler)).result
            XCTAssertEqual(again.assignment, baseline.assignment)
            XCTAssertEqual(again.newIdentityKeys.map(\.key), baseline.newIdentityKeys.map(\.key))
            XCTAssertEqual(again.newIdentityKeys.map(\.customerId), baseline.newIdentityKeys.map(\.customerId))
            XCTAssertEqual(again.stats, baseline.stats)
        }
    }

    func testNewCustomerIdsFollowSmallestPersonKeyFromNextCustomerId() {
        let persons = [person("赵敏", "zhaomin", mobile: "13811111111"), person("钱进", "qianjin", mobile: "13822222222")]
        let (ids, result) = customerIds(persons, known: IdentityMap(keys: [:], nextCustomerId: 100))
        let firstByKey = PersonKey.of(persons[0]) < PersonKey.of(persons[1]) ? 0 : 1
        XCTAssertEqual(ids[firstByKey], 100)
        XCTAssertEqual(ids[1 - firstByKey], 101)
        XCTAssertEqual(result.nextCustomerId, 102)
    }

    func testExistingCustomerKeepsItsIdInTheNextRunWithNoNewCustomers() {
        let first = customerIds([
            person("张伟", "zhangwei", mobile: "13812345678", landline: "02087654321"),
            person("李娜", "lina", landline: "02087654321", address: "广州市天河区体育西路1号"),
            person(nil, nil, mobile: "13900000000"),
            person("孙丽", "sunli", city: "广州市"),
        ])
        let known = IdentityMap.empty.applying(first.result)
        let second = customerIds([
            person("张伟", "zhangwei", mobile: "13812345678"),
            person("李娜", "lina", address: "广州市天河区体育西路1号"),
            person(nil, nil, mobile: "13900000000"),
            person("孙丽", "sunli", city: "广州市"),
        ], known: known)
        XCTAssertEqual(second.ids, first.ids)
        XCTAssertEqual(second.result.stats.newCustomers, 0)
        XCTAssertEqual(second.result.stats.matchedExisting, 4)
        XCTAssertTrue(second.result.newIdentityKeys.isEmpty)
        XCTAssertEqual(second.result.nextCustomerId, known.nextCustomerId)
    }

    func testApplyingMovesKeysOfAMergedCustomerNotSeenThisRunToTheSurvivor() {
        let known = IdentityMap(keys: ["m:13812345678|zhangwei": 7, "c:VIP0001": 3, "l:02087654321|zhangwei": 7],
                                nextCustomerId: 8)
        let (_, result) = customerIds([person("张伟", "zhangwei", mobile: "13812345678", card: "VIP0001")], known: known)
        let after = known.applying(result)
        XCTAssertEqual(after.keys["l:02087654321|zhangwei"], 3)
        XCTAssertEqual(Set(after.keys.values), [3])
    }

    func testMemberCardSwitchedOffLeavesDifferentMobilesApart() {
        let persons = [person("陈静", "chenjing", mobile: "13812345678", card: "VIP0001"),
                       person("陈静", "chenjing", mobile: "13987654321", card: "VIP0001")]
        XCTAssertEqual(Set(customerIds(persons).ids).count, 1)
        XCTAssertEqual(Set(customerIds(persons, rules: LinkRules(linkOnMemberCard: false)).ids).count, 2)
    }

    func testDuplicateObservationsOfOneTupleAreFoldedAndCounted() {
        let p = person("张伟", "zhangwei", mobile: "13812345678")
        let result = Linker.link([PersonObservation(person: p, count: 2), PersonObservation(person: p, count: 3)], known: .empty)
        XCTAssertEqual(result.stats.observations, 1)
        XCTAssertEqual(result.stats.records, 5)
    }
}
