import Cleanse
@testable import Dedupe

/// Households of people with several dirty records each, and the truth of who is who.
///
/// Families share an address, a landline and a surname (never a full name), one in ten shares a mobile between two members,
/// records drop fields, one in twenty swaps two letters of the given name's pinyin, and some carry
/// a member card with an older mobile.
enum SyntheticPeople {
    struct Record { var person: Person; var truth: String }

    private static let surnames: [(String, String)] = [
        ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"),
        ("黄", "huang"), ("赵", "zhao"), ("吴", "wu"), ("周", "zhou"), ("徐", "xu"), ("孙", "sun"),
    ]
    private static let given: [(String, String)] = [
        ("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("强", "qiang"),
        ("磊", "lei"), ("洋", "yang"), ("艳", "yan"), ("勇", "yong"), ("军", "jun"), ("杰", "jie"),
        ("涛", "tao"), ("超", "chao"), ("明", "ming"), ("霞", "xia"), ("平", "ping"), ("刚", "gang"),
    ]

    /// People `firstId ..< firstId + people`; ids keep numbers and addresses apart across calls.
    static func make(people: Int, firstId: Int = 0, rng: inout SeededGenerator) -> [Record] {
        var records: [Record] = []
        var id = firstId
        while id < firstId + people {
            let household = id
            let address = "测试市第\(household)路\(household % 97)号"
            let landline = "020" + String(10_000_000 + household)
            let surname = surnames.randomElement(using: &rng)!
            var familyMobile: String?
            // Parents do not give two children one name; a household with two identical names
            // would be indistinguishable by any rule and only measure the generator.
            var familyNames: Set<String> = []
            for _ in 0..<Int.random(in: 1...4, using: &rng) where id < firstId + people {
                var name = "", pinyin = ""
                repeat {
                    let g1 = given.randomElement(using: &rng)!, g2 = given.randomElement(using: &rng)!
                    let twoChar = Bool.random(using: &rng)
                    name = surname.0 + g1.0 + (twoChar ? g2.0 : "")
                    pinyin = surname.1 + g1.1 + (twoChar ? g2.1 : "")
                } while !familyNames.insert(pinyin).inserted
                var mobile = "13" + String(100_000_000 + id)
                if let shared = familyMobile, Int.random(in: 0..<10, using: &rng) == 0 { mobile = shared }
                familyMobile = familyMobile ?? mobile
                let truth = "P\(id)"
                let full = Person(name: name, namePinyin: pinyin, birthYear: 1950 + id % 50, mobile: mobile,
                                  landline: landline, city: "测试市", address: address)
                records.append(Record(person: full, truth: truth))
                var sparse = Person(name: name, namePinyin: pinyin, mobile: mobile)
                if Int.random(in: 0..<20, using: &rng) == 0 {
                    sparse.namePinyin = swapLastTwo(pinyin)
                    sparse.name = sparse.namePinyin
                }
                records.append(Record(person: sparse, truth: truth))
                if Int.random(in: 0..<5, using: &rng) == 0 {
                    let card = "VIP\(id)"
                    records.append(Record(person: Person(name: name, namePinyin: pinyin, mobile: mobile, memberCard: card), truth: truth))
                    records.append(Record(person: Person(name: name, namePinyin: pinyin, mobile: "15" + String(100_000_000 + id),
                                                         memberCard: card), truth: truth))
                }
                id += 1
            }
        }
        return records
    }

    private static func swapLastTwo(_ s: String) -> String {
        var c = Array(s)
        c.swapAt(c.count - 1, c.count - 2)
        return String(c)
    }
}
