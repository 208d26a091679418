import Extract
import Foundation
import Pipeline
import TestSupport
import Warehouse
import XCTest

/// Broken, repeated and foreign-encoded deliveries, each in a small data folder of its own, run
/// through the whole pipeline on a real server: the ledger must say what happened to every file
/// and the good files of the same run must still load.
final class DeliveryFaultTests: XCTestCase {
    func testWholeFileFaultsAreRecordedAndTheOtherFilesLoad() throws {
        let folder = try DeliveryFolder()
        try folder.write("sales/a_good.csv", SalesRows.csv(1...3))
        var gzip = try SalesRows.gzipped(1...400, offset: 1000)
        gzip.removeLast(gzip.count / 2)
        try folder.write("sales/b_truncated.csv.gz", gzip)
        var bad = Array(SalesRows.csv(1...3, offset: 2000).utf8)
        // A Latin-1 "é" (0xE9) followed by ASCII: never valid UTF-8. It sits in line 3 (header = line 1).
        let at = bad.indices.filter { bad[$0] == UInt8(ascii: "\n") }[1] + 5
        bad.insert(contentsOf: [0xE9, 0x41], at: at)
        try folder.write("sales/c_not_utf8.csv", bad)
        try folder.write("sales/d_header_only.csv", SalesRows.header + "\n")
        try folder.write("sales/e_no_order_date.csv",
                         SalesRows.csv(1...3, offset: 3000).replacingOccurrences(of: "order_id,line_no,order_date,", with: "order_id,line_no,"))

        let (url, summary) = try folder.run(encoding: "utf-8")
        let files = try Ledger.files(url, run: summary.runId)

        XCTAssertEqual(files["sales/a_good.csv"]?.status, "loaded")
        XCTAssertEqual(files["sales/a_good.csv"]?.rowsLoaded, 3)

        let gz = try XCTUnwrap(files["sales/b_truncated.csv.gz"])
        XCTAssertEqual(gz.status, "failed")
        XCTAssertTrue(gz.message.contains("sales/b_truncated.csv.gz") && gz.message.contains("gzip"), gz.message)
        XCTAssertTrue(gz.message.contains("copy the file again"), gz.message)

        let utf8 = try XCTUnwrap(files["sales/c_not_utf8.csv"])
        XCTAssertEqual(utf8.status, "failed")
        XCTAssertTrue(utf8.message.hasPrefix("sales/c_not_utf8.csv line 3 byte "), utf8.message)
        XCTAssertTrue(utf8.message.contains("encoding = "), "the message says which setting to change: \(utf8.message)")

        let headerOnly = try XCTUnwrap(files["sales/d_header_only.csv"])
        XCTAssertEqual(headerOnly.status, "loaded")
        XCTAssertEqual([headerOnly.rowsRead, headerOnly.rowsLoaded], [0, 0])
        XCTAssertTrue(headerOnly.message.contains("header only"), headerOnly.message)

        let noDate = try XCTUnwrap(files["sales/e_no_order_date.csv"])
        XCTAssertEqual(noDate.status, "failed")
        XCTAssertTrue(noDate.message.hasPrefix("sales/e_no_order_date.csv:"), noDate.message)
        XCTAssertTrue(noDate.message.contains("missing required column(s) order_date"), noDate.message)
        XCTAssertTrue(noDate.message.contains("[sources.sales.columns]"), noDate.message)

        // Failed files leave nothing behind: no counts, no rows, no quarantine.
        for f in [gz, utf8, noDate] {
            XCTAssertEqual([f.rowsRead, f.rowsLoaded, f.rowsRejected, f.rowsMerged], [0, 0, 0, 0], f.name)
        }
        let db = try PostgresConnection.connect(url)
        XCTAssertEqual(try db.int("SELECT count(*) FROM dw.fct_sales_line"), 3)
        XCTAssertEqual(try db.int("SELECT count(*) FROM etl.reject"), 0)
        XCTAssertEqual(try db.int("SELECT files_failed FROM etl.run WHERE run_id = $1", [String(summary.runId)]), 3)
    }

    func testTheSameRowsGzippedAreOneDelivery() throws {
        let folder = try DeliveryFolder()
        try folder.write("sales/x.csv", SalesRows.csv(1...5))
        try folder.write("sales/x.csv.gz", try SalesRows.gzipped(1...5))
        let (url, summary) = try folder.run()
        let files = try Ledger.files(url, run: summary.runId)
        XCTAssertEqual(files["sales/x.csv"]?.status, "loaded")
        XCTAssertEqual(files["sales/x.csv"]?.rowsLoaded, 5)
        let gz = try XCTUnwrap(files["sales/x.csv.gz"])
        XCTAssertEqual(gz.status, "skipped")
        XCTAssertEqual([gz.rowsRead, gz.rowsLoaded, gz.rowsMerged], [5, 0, 5])
        XCTAssertTrue(gz.message.contains("same content as sales/x.csv"), gz.message)
        XCTAssertEqual(try PostgresConnection.connect(url).int("SELECT count(*) FROM dw.fct_sales_line"), 5)
    }

    func testAChangedFileUnderTheSameNameLoadsAsNew() throws {
        let folder = try DeliveryFolder()
        try folder.write("sales/x.csv", SalesRows.csv(1...3))
        let (url, first) = try folder.run()
        XCTAssertEqual(try Ledger.files(url, run: first.runId)["sales/x.csv"]?.rowsLoaded, 3)

        // The new version repeats the three rows and adds two. By the corrected-file rule it
        // replaces what its previous version loaded, so all five load and none is a duplicate.
        try folder.write("sales/x.csv", SalesRows.csv(1...5))
        let second = try folder.run(on: url)
        let f = try XCTUnwrap(try Ledger.files(url, run: second.runId)["sales/x.csv"])
        XCTAssertEqual(f.status, "loaded")
        XCTAssertEqual([f.rowsRead, f.rowsLoaded, f.rowsRejected, f.rowsMerged], [5, 5, 0, 0])
        XCTAssertTrue(f.message.contains("replaces the version loaded in run \(first.runId)"), f.message)
        let db = try PostgresConnection.connect(url)
        XCTAssertEqual(try db.int("SELECT count(*) FROM dw.fct_sales_line"), 5)
        XCTAssertEqual(try db.int("SELECT count(*) FROM dw.fct_sales_line WHERE run_id = $1", [String(second.runId)]), 5)
    }

    func testARowRepeatedWithinAFileLoadsOnce() throws {
        let folder = try DeliveryFolder()
        let rows = SalesRows.csv(1...4).split(separator: "\n").map(String.init)
        try folder.write("sales/x.csv", (rows + [rows[2]]).joined(separator: "\n") + "\n")
        let (url, summary) = try folder.run()
        let f = try XCTUnwrap(try Ledger.files(url, run: summary.runId)["sales/x.csv"])
        XCTAssertEqual([f.rowsRead, f.rowsLoaded, f.rowsRejected, f.rowsMerged], [5, 4, 0, 1])
        XCTAssertEqual(try PostgresConnection.connect(url).int("SELECT count(*) FROM dw.fct_sales_line"), 4)
    }

    func testChineseEncodingsAreDetectedAndRecorded() throws {
        let folder = try DeliveryFolder()
        try folder.write("sales/gb18030.csv", try Transcoder.encode(SalesRows.csv(1...3, offset: 100, header: SalesRows.simplifiedHeader), as: .gb18030))
        try folder.write("sales/big5.csv", try Transcoder.encode(SalesRows.csv(1...3, offset: 200, header: SalesRows.traditionalHeader, traditional: true), as: .big5))
        try folder.write("sales/bom.csv", [0xEF, 0xBB, 0xBF] + Array(SalesRows.csv(1...3, offset: 300).utf8))
        let (url, summary) = try folder.run()
        let files = try Ledger.files(url, run: summary.runId)
        XCTAssertEqual(files["sales/gb18030.csv"]?.encoding, "gb18030")
        XCTAssertEqual(files["sales/big5.csv"]?.encoding, "big5")
        XCTAssertEqual(files["sales/bom.csv"]?.encoding, "utf-8")
        for name in ["sales/gb18030.csv", "sales/big5.csv", "sales/bom.csv"] {
            XCTAssertEqual(files[name]?.status, "loaded", name)
            XCTAssertEqual(files[name]?.rowsLoaded, 3, name)
        }
        // The text arrived as characters, not mojibake: traditional names are simplified, the BOM
        // is gone (customer_key 0 is the unknown member).
        let db = try PostgresConnection.connect(url)
        let names = try db.query("SELECT DISTINCT name FROM dw.dim_customer WHERE customer_key <> 0").rows.map { $0[0]! }
        XCTAssertEqual(Set(names), ["王小明", "李静", "张伟"])
        XCTAssertEqual(try db.int("SELECT count(*) FROM dw.fct_sales_line WHERE order_id LIKE '%' || chr(65279) || '%'"), 0)
    }

    func testBrokenRecordsAreQuarantinedWithTheirPhysicalLines() throws {
        let folder = try DeliveryFolder()
        let rows = SalesRows.csv(1...4).split(separator: "\n").map(String.init)
        // Line 2 is a good row whose address holds a newline (lines 2–3); line 4 has a field too
        // many; line 5 is good; line 6 opens a quote that never closes.
        let multiLine = rows[1].replacingOccurrences(of: ",光明路1号,", with: ",\"光明路1号\n3栋\",")
        let ragged = rows[2] + ",extra"
        let unterminated = rows[4].replacingOccurrences(of: ",光明路4号,", with: ",\"光明路4号,")
        try folder.write("sales/x.csv", [rows[0], multiLine, ragged, rows[3], unterminated].joined(separator: "\n") + "\n")
        let (url, summary) = try folder.run()
        let db = try PostgresConnection.connect(url)
        let rejects = try db.query("SELECT line, reason_code, raw FROM etl.reject ORDER BY line").rows
        XCTAssertEqual(rejects.map { "\($0[0]!) \($0[1]!)" }, ["4 csv.ragged", "6 csv.unterminated_quote"])
        XCTAssertTrue(rejects.first?[2]?.hasSuffix(",extra") ?? false, "the raw text is kept")
        let f = try XCTUnwrap(try Ledger.files(url, run: summary.runId)["sales/x.csv"])
        XCTAssertEqual([f.rowsRead, f.rowsLoaded, f.rowsRejected], [4, 2, 2])
        XCTAssertEqual(try db.query("SELECT source_line FROM dw.fct_sales_line ORDER BY 1").rows.map { $0[0]! }, ["2", "5"])
    }
}

/// Sales rows with distinct, valid customers, rendered as the generator's UTF-8 export does.
enum SalesRows {
    static let header = "order_id,line_no,order_date,store_code,store_name,channel,member_card,customer_name,mobile,landline,province,city,address,sku,model,category,quantity,unit_price,amount"
    static let simplifiedHeader = "订单号,行号,购买日期,门店编码,门店,渠道,会员卡号,姓名,手机,电话,省份,城市,地址,商品编码,型号,品类,数量,单价,金额"
    static let traditionalHeader = "訂單號,行號,購買日期,門店編碼,門店,渠道,會員卡號,姓名,手機,電話,省份,城市,地址,商品編碼,型號,品類,數量,單價,金額"
    static let names = ["王小明", "李静", "张伟", "刘洋", "陈志明"]
    static let traditionalNames = ["王小明", "李靜", "張偉", "劉洋", "陳志明"]

    /// Rows `n` of the range (customer `n`, order `SO9…n+offset`); `traditional` writes a Taiwan
    /// store's row in traditional characters, every one of which Big5 can encode.
    static func csv(_ range: ClosedRange<Int>, offset: Int = 0, header: String = header, traditional: Bool = false) -> String {
        var lines = [header]
        for n in range {
            let id = n + offset
            let name = (traditional ? traditionalNames : names)[(n - 1) % names.count]
            let mobile = "139" + String(format: "%08d", 1_234_000 + id)
            let place = traditional ? "TW01,台北站前店,store,,\(name),\(mobile),,臺灣省,臺北市,信義路\(n)號,SK204,XQG-471,洗衣機"
                                    : "S0101,北京万达店,store,,\(name),\(mobile),,北京市,北京市,光明路\(n)号,SK204,XQG-471,洗衣机"
            lines.append("SO9\(String(format: "%08d", id)),1,2024-03-\(String(format: "%02d", n % 28 + 1)),\(place),1,4499.00,4499.00")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func gzipped(_ range: ClosedRange<Int>, offset: Int = 0) throws -> [UInt8] {
        let path = NSTemporaryDirectory() + "starcard-rows-\(UUID().uuidString).csv.gz"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let w = try GzipWriter(path: path)
        try w.write(Array(csv(range, offset: offset).utf8))
        try w.close()
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

/// A data folder of its own in the temp directory and a one-source pipeline over it.
struct DeliveryFolder {
    let root: URL

    init() throws {
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("starcard-delivery-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws { try write(name, Array(text.utf8)) }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// Runs the pipeline on a fresh database.
    func run(encoding: String = "auto", test: String = #function) throws -> (url: String, summary: RunSummary) {
        let url = try TestDatabase.fresh(test)
        return (url, try run(on: url, encoding: encoding))
    }

    func run(on url: String, encoding: String = "auto") throws -> RunSummary {
        let toml = """
            [pipeline]
            name = "faults"

            [sources.sales]
            kind = "sales"
            path = "sales"
            pattern = "*.csv*"
            encoding = "\(encoding)"
            """
        let config = try PipelineConfig.parse(toml, file: root.appendingPathComponent("faults.toml"))
        let runner = PipelineRunner(config: config, databaseURL: url, library: try PipelineFixture.library(), logger: PipelineFixture.logger)
        return try runner.run(RunOptions(dataDir: root))
    }
}

/// `etl.run_file` rows of one run, by file name.
enum Ledger {
    struct File {
        var name: String, status: String, encoding: String, message: String
        var rowsRead: Int, rowsLoaded: Int, rowsRejected: Int, rowsMerged: Int
    }

    static func files(_ url: String, run: Int64) throws -> [String: File] {
        let rows = try PostgresConnection.connect(url).query("""
            SELECT file_name, status, coalesce(encoding, ''), coalesce(message, ''), rows_read, rows_loaded, rows_rejected, rows_merged
            FROM etl.run_file WHERE run_id = $1
            """, [String(run)]).rows
        var out: [String: File] = [:]
        for r in rows {
            out[r[0]!] = File(name: r[0]!, status: r[1]!, encoding: r[2]!, message: r[3]!,
                              rowsRead: Int(r[4]!)!, rowsLoaded: Int(r[5]!)!, rowsRejected: Int(r[6]!)!, rowsMerged: Int(r[7]!)!)
        }
        return out
    }
}
