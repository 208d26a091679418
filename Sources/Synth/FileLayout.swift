import Extract

/// Which source a file belongs to (the folder it lives in).
enum RecordKind: String {
    case sales, warranty, contact
    var folder: String { self == .contact ? "contacts" : rawValue }
}

/// How a file writes its values: English headers and codes, Chinese headers and values, or the
/// Taiwan store's traditional-character export (ROC dates, NT$ amounts).
enum Dialect { case english, chinese, taiwan }

/// One delivery file: where it goes and how it is written.
struct FileSpec: Hashable {
    let name: String
    let kind: RecordKind
    let dialect: Dialect
    let encoding: TextEncoding
    let bom: Bool
    let crlf: Bool

    init(_ name: String, _ kind: RecordKind, _ dialect: Dialect, _ encoding: TextEncoding = .utf8,
         bom: Bool = false, crlf: Bool = false) {
        self.name = name; self.kind = kind; self.dialect = dialect; self.encoding = encoding
        self.bom = bom; self.crlf = crlf
    }

    var header: [String] {
        let pairs = Self.headers[kind]!
        switch dialect {
        case .english: return pairs.map(\.0)
        case .chinese: return pairs.map(\.1)
        case .taiwan: return pairs.map(\.2)
        }
    }

    /// (English, Chinese alias, traditional form of the alias for Big5 files).
    static let headers: [RecordKind: [(String, String, String)]] = [
        .sales: [("order_id", "订单号", "訂單號"), ("line_no", "行号", "行號"), ("order_date", "购买日期", "購買日期"),
                 ("store_code", "门店编码", "門店編碼"), ("store_name", "门店", "門店"), ("channel", "渠道", "渠道"),
                 ("member_card", "会员卡号", "會員卡號"), ("customer_name", "姓名", "姓名"), ("mobile", "手机", "手機"),
                 ("landline", "电话", "電話"), ("province", "省份", "省份"), ("city", "城市", "城市"),
                 ("address", "地址", "地址"), ("sku", "商品编码", "商品編碼"), ("model", "型号", "型號"),
                 ("category", "品类", "品類"), ("quantity", "数量", "數量"), ("unit_price", "单价", "單價"),
                 ("amount", "金额", "金額")],
        .warranty: [("card_id", "保修卡号", "保修卡號"), ("registered_on", "登记日期", "登記日期"),
                    ("purchase_date", "购买日期", "購買日期"), ("customer_name", "姓名", "姓名"), ("gender", "性别", "性別"),
                    ("birth_year", "出生年份", "出生年份"), ("mobile", "手机", "手機"), ("landline", "电话", "電話"),
                    ("province", "省份", "省份"), ("city", "城市", "城市"), ("address", "地址", "地址"),
                    ("sku", "商品编码", "商品編碼"), ("model", "型号", "型號"), ("category", "品类", "品類"),
                    ("serial_no", "机身编号", "機身編號"), ("store_code", "经销商编码", "經銷商編碼")],
        .contact: [("attempt_id", "呼叫编号", "呼叫編號"), ("campaign_code", "活动编码", "活動編碼"),
                   ("campaign_name", "活动名称", "活動名稱"), ("agent_code", "坐席工号", "坐席工號"),
                   ("agent_name", "坐席姓名", "坐席姓名"), ("called_at", "呼叫时间", "呼叫時間"),
                   ("customer_name", "姓名", "姓名"), ("mobile", "手机", "手機"), ("outcome", "结果", "結果"),
                   ("sale_amount", "成交金额", "成交金額")],
    ]

    /// Column index of a canonical field name.
    static func column(_ field: String, in kind: RecordKind) -> Int {
        headers[kind]!.firstIndex { $0.0 == field }!
    }
}

/// Where each event goes. The base splits history at a middle year (two English UTF-8 sales
/// exports), sends online orders to a GB18030 export with Chinese headers and Taiwan customers
/// to a Big5 store export; warranty cards and contacts split the same way between an English
/// UTF-8 file (warranty with a BOM) and a GB18030 file with Chinese headers. Nights are English
/// UTF-8 files named by date, plus a Big5 file on nights with Taiwan sales.
struct FileLayout {
    let start: SynthDate
    let end: SynthDate
    let splitYear: Int

    init(start: SynthDate, end: SynthDate) {
        self.start = start; self.end = end
        splitYear = start.year + (end.year - start.year) / 2
    }

    func salesEarly() -> FileSpec { FileSpec("sales_\(start.year)_\(splitYear).csv", .sales, .english) }
    func salesLate() -> FileSpec { FileSpec("sales_\(splitYear + 1)_\(end.year).csv", .sales, .english) }

    func sales(year: Int, night: String?, online: Bool, taiwan: Bool) -> FileSpec {
        if taiwan { return FileSpec("sales_tw_big5\(night.map { "_" + $0 } ?? "").csv", .sales, .taiwan, .big5, crlf: true) }
        if let night { return FileSpec("sales_\(night).csv", .sales, .english) }
        if online { return FileSpec("sales_online_gb18030.csv", .sales, .chinese, .gb18030) }
        return year <= splitYear ? salesEarly() : salesLate()
    }

    func warranty(year: Int, night: String?, taiwan: Bool) -> FileSpec {
        if let night { return FileSpec("warranty_\(night).csv", .warranty, .english) }
        if taiwan || year <= splitYear { return FileSpec("warranty_cards.csv", .warranty, .english, bom: true) }
        return FileSpec("warranty_gb18030.csv", .warranty, .chinese, .gb18030)
    }

    func contact(year: Int, night: String?) -> FileSpec {
        if let night { return FileSpec("contacts_\(night).csv", .contact, .english) }
        if year <= splitYear { return FileSpec("contacts_\(start.year)_\(splitYear).csv", .contact, .english) }
        return FileSpec("contacts_\(splitYear + 1)_\(end.year)_gb18030.csv", .contact, .chinese, .gb18030)
    }
}
