import Cleanse
import Postgres

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

    /// Writes the record as one staging row, with the dedupe key of its person, straight into the
    /// COPY buffer: numbers and times are printed into it, no `String` or array is made per row.
    /// The text is what `String(_:)` and the values' `description` print, byte for byte.
    public static func encode(_ record: CleanRecord, personKey: String, into row: inout CopyTextEncoder) {
        switch record {
        case .sales(let r):
            row.append(field: r.source.file); row.append(digits: r.source.line); row.append(field: personKey)
            row.append(field: r.orderId); row.append(digits: r.lineNo); row.append(field: r.orderDate.description)
            row.append(field: r.storeCode); row.append(field: r.storeName); row.append(field: r.channel)
            row.append(field: r.sku); row.append(field: r.model); row.append(field: r.category)
            row.append(digits: r.quantity); row.append(field: r.unitPrice?.description); row.append(field: r.amount.description)
        case .warranty(let r):
            row.append(field: r.source.file); row.append(digits: r.source.line); row.append(field: personKey)
            row.append(field: r.cardId); row.append(field: r.registeredOn.description); row.append(field: r.purchaseDate?.description)
            row.append(field: r.sku); row.append(field: r.model); row.append(field: r.category)
            row.append(field: r.serialNo); row.append(field: r.storeCode)
        case .contact(let r):
            row.append(field: r.source.file); row.append(digits: r.source.line); row.append(field: personKey)
            row.append(field: r.attemptId); row.append(field: r.campaignCode); row.append(field: r.campaignName)
            row.append(field: r.agentCode); row.append(field: r.agentName); row.append(timestamp: r.calledAt)
            row.append(field: r.outcome.rawValue); row.append(field: r.saleAmount?.description)
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
