import Cleanse

/// The staging table each kind of record is copied into, and the row it becomes there.
/// Column order here must match the COPY column lists; a test checks them against the server.
public enum StagingTable {
    public static func copyStatement(for kind: SourceKind) -> String {
        switch kind {
        case .sales:
            "COPY staging.stg_sales_line (source_file, source_line, person_key, order_id, line_no, order_date, store_code, store_name, channel, sku, model, category, quantity, unit_price, amount) FROM STDIN"
        case .warranty:
            "COPY staging.stg_warranty_card (source_file, source_line, person_key, card_id, registered_on, purchase_date, sku, model, category, serial_no, store_code) FROM STDIN"
        case .contact:
            "COPY staging.stg_contact_attempt (source_file, source_line, person_key, attempt_id, campaign_code, campaign_name, agent_code, agent_name, called_at, outcome, sale_amount) FROM STDIN"
        }
    }

    /// The record as text fields for COPY, with the dedupe key of its person.
    public static func fields(_ record: CleanRecord, personKey: String) -> [String?] {
        switch record {
        case .sales(let r):
            [r.source.file, String(r.source.line), personKey, r.orderId, String(r.lineNo), r.orderDate.description,
             r.storeCode, r.storeName, r.channel, r.sku, r.model, r.category, String(r.quantity),
             r.unitPrice?.description, r.amount.description]
        case .warranty(let r):
            [r.source.file, String(r.source.line), personKey, r.cardId, r.registeredOn.description,
             r.purchaseDate?.description, r.sku, r.model, r.category, r.serialNo, r.storeCode]
        case .contact(let r):
            [r.source.file, String(r.source.line), personKey, r.attemptId, r.campaignCode, r.campaignName,
             r.agentCode, r.agentName, r.calledAt.description, r.outcome.rawValue, r.saleAmount?.description]
        }
    }

    /// The date a record was made, which dates its person's attributes for SCD2.
    public static func businessDate(_ record: CleanRecord) -> Day {
        switch record {
        case .sales(let r): r.orderDate
        case .warranty(let r): r.registeredOn
        case .contact(let r): r.calledAt.day
        }
    }
}
