import Cleanse
import Dedupe
import Postgres

/// The staging table each kind of record is copied into, and the row it becomes there.
/// Column order here must match the COPY column lists; a test checks them against the server.
public enum StagingTable {
    /// The COPY a run stages the kind's rows with: binary, see `CopyBinaryEncoder` for why.
    public static func binaryCopyStatement(for kind: SourceKind) -> String {
        copyStatement(for: kind) + " (FORMAT binary)"
    }

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

    /// How many columns `copyStatement(for:)` lists, the fields of every binary row.
    public static func fieldCount(for kind: SourceKind) -> Int {
        switch kind {
        case .sales: 15
        case .warranty, .contact: 11
        }
    }

    /// Writes the record as one binary staging row, with the digest of its person as the uuid
    /// person key. What the server stores is what the text COPY of the values' `description`
    /// (and the key's 32 hex digits) stored: the same dates, times, numerics and text.
    /// - Throws: for a value its column cannot hold, as the server would for its text.
    public static func encode(_ record: CleanRecord, personKey: PersonDigest, into row: inout CopyBinaryEncoder) throws(PostgresError) {
        switch record {
        case .sales(let r):
            row.append(text: r.source.file); try row.append(int4: r.source.line); row.append(uuidHigh: personKey.high, low: personKey.low)
            row.append(text: r.orderId); try row.append(int4: r.lineNo); try row.append(date: r.orderDate)
            row.append(text: r.storeCode); row.append(text: r.storeName); row.append(text: r.channel)
            row.append(text: r.sku); row.append(text: r.model); row.append(text: r.category)
            try row.append(int4: r.quantity); row.append(money: r.unitPrice); row.append(money: r.amount)
        case .warranty(let r):
            row.append(text: r.source.file); try row.append(int4: r.source.line); row.append(uuidHigh: personKey.high, low: personKey.low)
            row.append(text: r.cardId); try row.append(date: r.registeredOn); try row.append(date: r.purchaseDate)
            row.append(text: r.sku); row.append(text: r.model); row.append(text: r.category)
            row.append(text: r.serialNo); row.append(text: r.storeCode)
        case .contact(let r):
            row.append(text: r.source.file); try row.append(int4: r.source.line); row.append(uuidHigh: personKey.high, low: personKey.low)
            row.append(text: r.attemptId); row.append(text: r.campaignCode); row.append(text: r.campaignName)
            row.append(text: r.agentCode); row.append(text: r.agentName); try row.append(timestamp: r.calledAt)
            row.append(text: r.outcome.rawValue); row.append(money: r.saleAmount)
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
