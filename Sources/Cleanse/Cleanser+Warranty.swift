import Extract

extension Cleanser {
    func warrantyCard(_ raw: RawRecord, issues: inout [FieldIssue]) throws(Rejection) -> WarrantyCard {
        let c = columns
        let cardId = try required(raw, c.cardId, "card_id", ReasonCode.keyMissing, "a warranty card is identified by its card number")
        let registeredOn = try requiredTimestamp(raw, c.registeredOn, "registered_on").day
        var purchaseDate: Day?
        if let v = text(raw, c.purchaseDate) {
            switch DateText.parseDay(v, order: rules.dateOrder) {
            case .success(let d): purchaseDate = d
            case .failure: issues.append(issue(raw, "purchase_date", ReasonCode.purchaseDateInvalid, v))
            }
        }
        let person = person(raw, issues: &issues)
        try requireIdentifiable(person, raw)
        return WarrantyCard(source: SourceRef(file: file, line: raw.line), cardId: cardId, registeredOn: registeredOn,
                            purchaseDate: purchaseDate, person: person, sku: repeatedText(raw, c.sku), model: repeatedText(raw, c.model),
                            category: category(raw, issues: &issues), serialNo: text(raw, c.serialNo),
                            storeCode: repeatedText(raw, c.storeCode))
    }
}
