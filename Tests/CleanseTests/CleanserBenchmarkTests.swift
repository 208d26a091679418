import XCTest
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Extract
@testable import Cleanse

/// Throughput of `Cleanser` on synthetic sales lines shaped like the generator's. Runs only with
/// `CLEANSE_BENCH=<rows>` set, best in a release build:
/// `CLEANSE_BENCH=1000000 swift test -c release -Xswiftc -enable-testing --filter CleanserBenchmarkTests`.
/// It prints rows/s of this thread's CPU time (the machine is shared, wall time is not
/// repeatable) and asserts only that every row came out clean.
final class CleanserBenchmarkTests: XCTestCase {
    func testSalesLinesPerSecond() throws {
        guard let rows = ProcessInfo.processInfo.environment["CLEANSE_BENCH"].flatMap(Int.init) else {
            throw XCTSkip("set CLEANSE_BENCH=<rows> to measure")
        }
        let header = ColumnMapping.canonicalFields(.sales)
        let mapping = try ColumnMapping.byHeader(header, kind: .sales, file: "bench.csv")
        let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
        let given = Array("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚")
        let cities = ["广州", "深圳市", "上海", "北京市", "杭州", "成都"], provinces = ["广东", "广东省", "沪", "北京", "浙江", "四川"]
        let categories = ["冰箱", "洗衣机", "空调", "电视", "热水器"]
        var records: [RawRecord] = []
        records.reserveCapacity(rows)
        var rng = SystemRandomNumberGenerator()
        for i in 0..<rows {
            let name = "\(surnames[i % surnames.count])\(given[(i / 7) % given.count])\(given[(i / 131) % given.count])"
            let geo = i % cities.count
            let fields = ["SO\(20_250_000_000 + i / 2)", "\(i % 2 + 1)", "2025-\(i % 12 + 1)-\(i % 28 + 1)", "ST\(i % 300)", "门店\(i % 300)",
                          "store", i % 3 == 0 ? "VIP\(i)" : "", name, "139\(10_000_000 + Int.random(in: 0..<89_999_999, using: &rng))",
                          "", provinces[geo], cities[geo], "天河路\(i % 1000)号", "SKU\(i % 500)", "BCD-\(i % 80)",
                          categories[i % categories.count], "1", "1,299.00", "¥1299.00"]
            records.append(RawRecord(line: i + 2, fields: fields, raw: "", problem: nil))
        }
        // ICU builds its transliterators once per process (~0.1 s), not per file: keep that out.
        _ = Cleanser(kind: .sales, mapping: mapping, rules: .default, file: "warm.csv").cleanse(records[0])
        let cleanser = Cleanser(kind: .sales, mapping: mapping, rules: .default, file: "bench.csv")
        var clean = 0
        let start = cpuNanoseconds()
        for r in records {
            if case .clean = cleanser.cleanse(r) { clean += 1 }
        }
        let seconds = Double(cpuNanoseconds() - start) / 1e9
        print("cleanse caches: \(cleanser.nameCache.count) names, \(cleanser.cityCache.count) cities")
        // The floor: the same record built from the raw strings with no parsing or normalising.
        let floorStart = cpuNanoseconds()
        var built = 0
        for r in records {
            let f = r.fields
            let line = SalesLine(source: SourceRef(file: "bench.csv", line: r.line), orderId: f[0], lineNo: 1,
                                 orderDate: Day(year: 2025, month: 1, day: 1), storeCode: f[3], storeName: f[4], channel: f[5],
                                 person: Person(name: f[7], namePinyin: f[7], mobile: f[8], memberCard: f[6], province: f[10],
                                                city: f[11], address: f[12]),
                                 sku: f[13], model: f[14], category: f[15], quantity: 1, unitPrice: nil, amount: Money(cents: 1))
            if case .clean = CleanseOutcome.clean(.sales(line), issues: []) { built += 1 }
        }
        let floor = Double(cpuNanoseconds() - floorStart) / 1e9
        print("cleanse floor (record built without normalising): \(String(format: "%.0f", floor / Double(rows) * 1e9)) ns/row")
        XCTAssertEqual(built, rows)
        print("cleanse: \(rows) sales lines in \(String(format: "%.3f", seconds)) s = \(Int(Double(rows) / seconds)) rows/s, \(String(format: "%.0f", seconds / Double(rows) * 1e9)) ns/row")
        XCTAssertEqual(clean, rows)
    }
}

/// CPU time of the calling thread, which other processes on a shared machine do not inflate.
private func cpuNanoseconds() -> UInt64 {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
}
