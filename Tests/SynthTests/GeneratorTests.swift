import Foundation
import XCTest
@testable import Synth

final class GeneratorTests: XCTestCase {
    static let shared = try! GeneratedSet(name: "shared", config: SynthConfig(customers: 3000, seed: 42, nights: 3))

    func testSameSeedWritesIdenticalBytesAndOtherSeedDiffers() throws {
        let a = temporaryFolder("det-a"), b = temporaryFolder("det-b"), c = temporaryFolder("det-c")
        defer { for u in [a, b, c] { try? FileManager.default.removeItem(at: u) } }
        _ = try Generator.generate(SynthConfig(customers: 400, seed: 7, nights: 2), to: a)
        _ = try Generator.generate(SynthConfig(customers: 400, seed: 7, nights: 2), to: b)
        _ = try Generator.generate(SynthConfig(customers: 400, seed: 8, nights: 2), to: c)
        XCTAssertEqual(listFiles(a), listFiles(b))
        for path in listFiles(a) {
            XCTAssertEqual(try Data(contentsOf: a.appendingPathComponent(path)),
                           try Data(contentsOf: b.appendingPathComponent(path)), path)
        }
        let differing = listFiles(a).filter {
            (try? Data(contentsOf: a.appendingPathComponent($0))) != (try? Data(contentsOf: c.appendingPathComponent($0)))
        }
        XCTAssertFalse(differing.isEmpty, "seed 8 wrote the same bytes as seed 7")
    }

    func testLayoutHasEveryEncodingAndSummaryRowCountsMatchFiles() throws {
        let set = Self.shared
        let files = listFiles(set.root)
        for expected in ["base/sales/sales_2019_2022.csv", "base/sales/sales_2023_2025.csv",
                         "base/sales/sales_online_gb18030.csv", "base/sales/sales_tw_big5.csv",
                         "base/warranty/warranty_cards.csv", "base/warranty/warranty_gb18030.csv",
                         "base/contacts/contacts_2019_2022.csv", "base/contacts/contacts_2023_2025_gb18030.csv",
                         "truth/persons.csv", "truth/records.csv", "truth/rejects.csv",
                         "truth/field_issues.csv", "truth/duplicates.csv"] {
            XCTAssertTrue(files.contains(expected), "missing \(expected)")
        }
        let deliveries = files.filter { !$0.hasPrefix("truth/") }
        XCTAssertEqual(Set(deliveries), Set(set.summary.files.keys))
        for path in deliveries {
            XCTAssertEqual(try physicalLineCount(set.root.appendingPathComponent(path)) - 1, set.summary.files[path], path)
        }
        XCTAssertEqual(try set.table("truth/persons.csv").rows.count, 3000)
        XCTAssertEqual(set.summary.persons, 3000)
        XCTAssertGreaterThan(set.summary.customers, 2500)
    }

    func testLegacyFilesAreReallyInTheirEncodings() throws {
        let set = Self.shared
        let big5 = try Data(contentsOf: set.root.appendingPathComponent("base/sales/sales_tw_big5.csv"))
        XCTAssertNil(String(data: big5, encoding: .utf8), "the Big5 file decodes as UTF-8")
        // 訂 in Big5 is 0xAD 0x71: the first header field.
        XCTAssertEqual(Array(big5.prefix(2)), [0xAD, 0x71])
        XCTAssertTrue(big5.contains(13), "the Taiwan export uses CRLF line ends")
        let gb = try Data(contentsOf: set.root.appendingPathComponent("base/sales/sales_online_gb18030.csv"))
        // 订 in GB18030 is 0xB6 0xA9.
        XCTAssertEqual(Array(gb.prefix(2)), [0xB6, 0xA9])
        let bom = try Data(contentsOf: set.root.appendingPathComponent("base/warranty/warranty_cards.csv"))
        XCTAssertEqual(Array(bom.prefix(3)), [0xEF, 0xBB, 0xBF])
    }

    func testRecordsAndRejectsCoverEveryDataLineExactlyOnce() throws {
        let set = Self.shared
        var claimed: [String: Set<Int>] = [:]
        func claim(_ table: CSVTable) {
            for row in table.rows.values {
                let inserted = claimed[row[0], default: []].insert(Int(row[1])!).inserted
                XCTAssertTrue(inserted, "\(row[0]):\(row[1]) claimed twice")
            }
        }
        claim(try set.table("truth/records.csv"))
        claim(try set.table("truth/rejects.csv"))
        for (path, rows) in set.summary.files {
            XCTAssertEqual(claimed[path] ?? [], Set(2..<(rows + 2)), path)
        }
        XCTAssertEqual(Set(claimed.keys), Set(set.summary.files.keys))
        let issues = try set.table("truth/field_issues.csv")
        let records = try set.table("truth/records.csv")
        let loaded = Set(records.rows.values.map { "\($0[0]):\($0[1])" })
        for row in issues.rows.values { XCTAssertTrue(loaded.contains("\(row[0]):\(row[1])"), "issue on a rejected line") }
    }

    func testRejectedUtf8RowsCarryExactlyTheirFault() throws {
        let set = Self.shared
        var checked = 0
        for row in try set.table("truth/rejects.csv").rows.values
        where row[0].hasPrefix("base/sales/sales_20") || row[0].hasPrefix("nights/") {
            let table = try set.table(row[0])
            let fields = table.rows[Int(row[1])!]!
            let kind = table.header[0]
            let key = fields.first ?? ""
            switch row[2] {
            case "csv.ragged": XCTAssertNotEqual(fields.count, table.header.count)
            case "key.missing": XCTAssertEqual(key, "")
            case "date.missing": XCTAssertEqual(fields[table.column(kind == "order_id" ? "order_date" : kind == "card_id" ? "registered_on" : "called_at")], "")
            case "amount.invalid": XCTAssertEqual(fields[table.column("amount")], "#VALUE!")
            case "customer.unidentifiable": XCTAssertEqual(fields[table.column("customer_name")], "")
            default: break
            }
            if row[2] != "csv.ragged" { XCTAssertEqual(fields.count, table.header.count) }
            if row[2] != "key.missing" { XCTAssertFalse(key.isEmpty) }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 0)
    }

    func testEveryLoadedRecordCarriesItsTruePersonsMobileUnlessFlagged() throws {
        let set = Self.shared
        let persons = try set.table("truth/persons.csv")
        var mobile: [String: String] = [:]
        for row in persons.rows.values { mobile[row[0]] = row[persons.column("mobile")] }
        let flagged = Set(try set.table("truth/field_issues.csv").rows.values.map { "\($0[0]):\($0[1])" })
        var checked = 0
        for row in try set.table("truth/records.csv").rows.values
        where row[0] == "base/sales/sales_2019_2022.csv" && !flagged.contains("\(row[0]):\(row[1])") {
            let table = try set.table(row[0])
            let written = table.rows[Int(row[1])!]![table.column("mobile")]
            XCTAssertEqual(normalizedMobile(written), mobile[row[2]], "\(row[0]):\(row[1]) \(written)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 1000)
    }

    func testLinesOfOneOrderRepeatTheOrderHeaderVerbatim() throws {
        let table = try Self.shared.table("base/sales/sales_2019_2022.csv")
        let rejected = Set(try Self.shared.table("truth/rejects.csv").rows.values
            .filter { $0[0] == "base/sales/sales_2019_2022.csv" }.map { Int($0[1])! })
        let flagged = Set(try Self.shared.table("truth/field_issues.csv").rows.values
            .filter { $0[0] == "base/sales/sales_2019_2022.csv" }.map { Int($0[1])! })
        var headers: [String: [String]] = [:]
        var multiLine = 0
        for (line, fields) in table.rows.sorted(by: { $0.key < $1.key })
        where !rejected.contains(line) && !flagged.contains(line) {
            let header = Array(fields[2...12])
            if let first = headers[fields[0]] {
                XCTAssertEqual(first, header, "order \(fields[0]) line \(line)")
                multiLine += 1
            } else {
                headers[fields[0]] = header
            }
        }
        XCTAssertGreaterThan(multiLine, 50)
    }

    func testNightsAreSmallIncrementsWithReExportsAndMoves() throws {
        let set = Self.shared
        let base = set.summary.files.filter { $0.key.hasPrefix("base/") }.values.reduce(0, +)
        for n in ["001", "002", "003"] {
            let night = set.summary.files.filter { $0.key.hasPrefix("nights/\(n)/") }
            for kind in ["sales", "warranty", "contacts"] {
                XCTAssertTrue(night.keys.contains { $0.hasPrefix("nights/\(n)/\(kind)/") }, "night \(n) lacks \(kind)")
            }
            XCTAssertLessThan(night.values.reduce(0, +) * 20, base)
        }
        let duplicates = try set.table("truth/duplicates.csv").rows.values
        XCTAssertTrue(duplicates.contains { $0[0].hasPrefix("nights/") })
        for d in duplicates {
            XCTAssertLessThan(d[2], d[0], "a duplicate must come after its original in load order")
            guard !d[0].contains("gb18030") else { continue }
            let copy = try set.table(d[0]).rows[Int(d[1])!]!
            let original = try set.table(d[2]).rows[Int(d[3])!]!
            XCTAssertEqual(copy, original)
        }
        let persons = try set.table("truth/persons.csv")
        let movedOnNight = Set(persons.rows.values.filter { $0[persons.column("moved_on")].hasPrefix("2025-07-0") }.map { $0[0] })
        let nightRecords = try set.table("truth/records.csv").rows.values.filter { $0[0].hasPrefix("nights/") }
        let moved = nightRecords.filter { movedOnNight.contains($0[2]) && $0[3] == "sales" && !$0[0].contains("_tw_") }
        XCTAssertFalse(moved.isEmpty, "no address change in the increments")
        let byId = Dictionary(uniqueKeysWithValues: persons.rows.values.map { ($0[0], $0) })
        for r in moved {
            let table = try set.table(r[0])
            let written = table.rows[Int(r[1])!]![table.column("address")]
            let person = byId[r[2]]!
            XCTAssertTrue(written.contains(streetAndNumber(person[persons.column("address")])), "\(written) is not the new address")
            XCTAssertNotEqual(person[persons.column("previous_address")], person[persons.column("address")])
        }
    }

    func testCrossSourceDuplicatesKeepKeyAndIdentityButRewriteForms() throws {
        let set = Self.shared
        let online = "base/sales/sales_online_gb18030.csv"
        let copies = try set.table("truth/duplicates.csv").rows.values.filter { $0[0] == online }
        XCTAssertFalse(copies.isEmpty)
        // GB18030 never uses ASCII bytes inside a character, so Latin-1 keeps ASCII fields intact.
        let bytes = try Data(contentsOf: set.root.appendingPathComponent(online))
        let lines = String(decoding: bytes.map { UInt16($0) }, as: UTF16.self).split(separator: "\n", omittingEmptySubsequences: false)
        var rewritten = 0
        for d in copies {
            let copy = csvFields(lines[Int(d[1])! - 1])
            let original = try set.table(d[2]).rows[Int(d[3])!]!
            XCTAssertEqual(copy.count, original.count)
            for column in [0, 1, 3, 5, 6, 13, 16, 17] { XCTAssertEqual(copy[column], original[column], "column \(column)") }
            let bytesOfDigits = { (s: String) in s.unicodeScalars.filter { (48...57).contains($0.value) }.count }
            if bytesOfDigits(copy[8]) >= 11 && copy[8] != original[8] { rewritten += 1 }
        }
        XCTAssertGreaterThan(rewritten, 0, "no copy has a rewritten mobile")
    }

    func testDefaultRatesGiveTheDocumentedShareOfRejects() {
        let s = Self.shared.summary
        let d = DirtRates.default
        let rows = Double(s.salesLines + s.warrantyCards + s.contactAttempts)
        let expected = rows * (d.raggedRow + d.missingKey + d.missingDate + d.invalidDate + d.unidentifiable)
            + Double(s.salesLines) * d.invalidAmount + Double(s.contactAttempts) * d.invalidOutcome
        XCTAssertEqual(Double(s.rejectsExpected), expected, accuracy: expected * 0.4)
    }

    func testGzipWritesGzipFilesUnderGzNames() throws {
        let root = temporaryFolder("gzip")
        defer { try? FileManager.default.removeItem(at: root) }
        let summary = try Generator.generate(SynthConfig(customers: 200, seed: 3, nights: 1, gzip: true), to: root)
        let deliveries = listFiles(root).filter { !$0.hasPrefix("truth/") }
        XCTAssertFalse(deliveries.isEmpty)
        for path in deliveries {
            XCTAssertTrue(path.hasSuffix(".csv.gz"), path)
            XCTAssertEqual(Array(try Data(contentsOf: root.appendingPathComponent(path)).prefix(2)), [0x1F, 0x8B], path)
        }
        XCTAssertTrue(try CSVTable(root.appendingPathComponent("truth/records.csv")).rows.values.allSatisfy { $0[0].hasSuffix(".gz") })
        XCTAssertEqual(Set(deliveries), Set(summary.files.keys))
    }

    func testZeroCustomersIsRejectedWithAMessageSayingWhy() {
        XCTAssertThrowsError(try Generator.generate(SynthConfig(customers: 0, seed: 1), to: temporaryFolder("zero"))) {
            XCTAssertTrue("\($0)".contains("customers must be at least 1"))
        }
    }

    func testSmokeTwentyThousandCustomers() throws {
        let root = temporaryFolder("smoke")
        defer { try? FileManager.default.removeItem(at: root) }
        let started = Date()
        let summary = try Generator.generate(SynthConfig(customers: 20_000, seed: 2025, nights: 2), to: root)
        print("generated 20k customers in \(Date().timeIntervalSince(started)) s\n\(summary)")
        XCTAssertEqual(summary.persons, 20_000)
        XCTAssertGreaterThan(summary.salesLines, 20_000)
    }
}

/// Digits of a written mobile, without country prefix (what the cleanser is expected to recover).
func normalizedMobile(_ s: String) -> String {
    var digits = String(s.unicodeScalars.compactMap { u -> Character? in
        if (48...57).contains(u.value) { return Character(u) }
        if (0xFF10...0xFF19).contains(u.value) { return Character(Unicode.Scalar(u.value - 0xFF10 + 48)!) }
        return nil
    })
    if digits.hasPrefix("0086") { digits.removeFirst(4) } else if digits.hasPrefix("86") && digits.count == 13 { digits.removeFirst(2) }
    return digits
}

/// `体育西路123号` of `天河区体育西路123号4栋502室`: the part every abbreviation keeps.
func streetAndNumber(_ fullAddress: String) -> String {
    let afterDistrict = fullAddress.split(separator: "区", maxSplits: 1).last!
    return String(afterDistrict.prefix { $0 != "号" }) + "号"
}
