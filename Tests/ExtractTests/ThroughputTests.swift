@testable import Extract
import Foundation
import XCTest

/// Measures read speed on a generated 13-column sales file. Runs only when
/// STARCARD_EXTRACT_BENCH_LINES is set, and is meant for a release build:
/// `STARCARD_EXTRACT_BENCH_LINES=1000000 swift test -c release -Xswiftc -enable-testing --filter ThroughputTests`
final class ThroughputTests: XCTestCase {
    private static let minimumMBPerSecond = 150.0

    private func benchLines() throws -> Int {
        guard let lines = ProcessInfo.processInfo.environment["STARCARD_EXTRACT_BENCH_LINES"].flatMap(Int.init) else {
            throw XCTSkip("set STARCARD_EXTRACT_BENCH_LINES (and build with -c release) to measure throughput")
        }
        return lines
    }

    /// A sales line much like the real extracts: ids, dates, codes, Chinese names, a quoted
    /// field with a comma, amounts.
    private func writeSalesFile(lines: Int) throws -> (path: String, bytes: Int) {
        let path = temporaryPath("sales_bench.csv")
        try Data().write(to: URL(fileURLWithPath: path))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let products = ["滚筒洗衣机 10公斤", "\"Fridge, 2-door\"", "空调 1.5匹", "电视机 55寸", "吸尘器"]
        let names = ["王小明", "李静", "张伟", "陳志明", "林美玲", "Zhao Lei"]
        let cities = ["北京市", "上海市", "台北市", "广州市", "成都市"]
        var text = "order_id,line_no,sold_on,store_code,sku,product,quantity,unit_price,discount,amount,customer,phone,city\n"
        var total = 0
        for line in 0..<lines {
            let quantity = line % 3 + 1
            let price = 1999 + line % 700
            text += "SO\(20_000_000 + line / 3),\(line % 3 + 1),2024-\(line % 12 + 1)-\(line % 28 + 1),ST\(line % 250),"
            text += "SKU-\(100_000 + line % 5_000),\(products[line % products.count]),\(quantity),\(price).00,0.\(line % 20),"
            text += "\(price * quantity).00,\(names[line % names.count]),13\(800_000_000 + line % 99_999_999),\(cities[line % cities.count])\n"
            if text.utf8.count > 1 << 20 {
                total += text.utf8.count
                try handle.write(contentsOf: Data(text.utf8))
                text = ""
            }
        }
        total += text.utf8.count
        try handle.write(contentsOf: Data(text.utf8))
        return (path, total)
    }

    func testReaderThroughputOnGeneratedSalesFile() throws {
        let lines = try benchLines()
        let (path, bytes) = try writeSalesFile(lines: lines)
        let clock = ContinuousClock()
        var records = 0, fields = 0
        let elapsed = try clock.measure {
            let reader = try CSVFileReader(path: path)
            while let record = try reader.next() {
                records += 1
                fields += record.fields.count
            }
        }
        let seconds = Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds)
        let rate = Double(bytes) / seconds / 1e6
        print("CSVFileReader: \(lines) lines, \(bytes) bytes in \(seconds) s = \(rate) MB/s")
        XCTAssertEqual(records, lines)
        XCTAssertEqual(fields, lines * 13)
        XCTAssertGreaterThanOrEqual(rate, Self.minimumMBPerSecond)
    }

    func testParserThroughputOnGeneratedSalesFileInMemory() throws {
        let lines = try benchLines()
        let (path, bytes) = try writeSalesFile(lines: lines)
        let content = try fileBytes(path)
        let clock = ContinuousClock()
        var records = 0
        var parser = CSVParser(delimiter: UInt8(ascii: ","))
        var batch: [RawRecord] = []
        let elapsed = clock.measure {
            content.withUnsafeBufferPointer { whole in
                var start = 0
                while start < whole.count {
                    let end = min(whole.count, start + 256 * 1024)
                    parser.feed(UnsafeBufferPointer(rebasing: whole[start..<end]))
                    parser.drain(into: &batch)
                    records += batch.count
                    start = end
                }
            }
            parser.finish()
            parser.drain(into: &batch)
            records += batch.count
        }
        let seconds = Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds)
        let rate = Double(bytes) / seconds / 1e6
        print("CSVParser alone: \(lines + 1) records, \(bytes) bytes in \(seconds) s = \(rate) MB/s")
        XCTAssertEqual(records, lines + 1)
        XCTAssertGreaterThanOrEqual(rate, Self.minimumMBPerSecond)
    }
}
