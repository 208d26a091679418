import Extract

extension Cleanser {
    func salesLine(_ raw: RawRecord, issues: inout [FieldIssue]) throws(Rejection) -> SalesLine {
        let c = columns
        let orderId = try required(raw, c.orderId, "order_id", ReasonCode.keyMissing, "a sales line is identified by its order number")
        let orderDate = try requiredTimestamp(raw, c.orderDate, "order_date").day
        let amount = try amount(raw, c.amount, "amount", required: true, allowNegative: true)!
        let quantity = try count(raw, c.quantity, "quantity", ReasonCode.quantityInvalid, allowNegative: true)
        let lineNo = try count(raw, c.lineNo, "line_no", ReasonCode.lineNoInvalid, allowNegative: false)
        var unitPrice: Money?
        if c.unitPrice >= 0 {
            switch withText(raw, c.unitPrice, { $0.map(MoneyText.amount) ?? .empty }) {
            case .value(let m): unitPrice = m
            case .invalid: issues.append(issue(raw, "unit_price", ReasonCode.unitPriceInvalid, raw.field(c.unitPrice)))
            case .empty: break
            }
        }
        let person = person(raw, issues: &issues)
        try requireIdentifiable(person, raw)
        var channel: String?
        if let v = cached(&channelCache, raw, c.channel, { $0.lowercased() }) { channel = v }
        return SalesLine(source: SourceRef(file: file, line: raw.line), orderId: orderId, lineNo: lineNo, orderDate: orderDate,
                         storeCode: repeatedText(raw, c.storeCode), storeName: repeatedText(raw, c.storeName), channel: channel,
                         person: person, sku: repeatedText(raw, c.sku), model: repeatedText(raw, c.model),
                         category: category(raw, issues: &issues), quantity: quantity, unitPrice: unitPrice, amount: amount)
    }

    /// A whole-number count that defaults to 1 when absent.
    private func count(_ raw: RawRecord, _ column: Int, _ field: String, _ code: String, allowNegative: Bool) throws(Rejection) -> Int {
        guard column >= 0 else { return 1 }
        switch withText(raw, column, { $0.map(MoneyText.quantity) ?? .empty }) {
        case .empty: return 1
        case .value(let n) where allowNegative || n > 0: return n
        case .value, .invalid:
            throw rejection(raw, field: field, code: code,
                            "\(field) '\(raw.field(column))' is not a whole number\(allowNegative ? " other than zero" : " above zero") (units such as 2件 or 2.0 are fine); correct it in the source")
        }
    }
}
