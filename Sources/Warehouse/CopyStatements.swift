import Cleanse

/// Every COPY the load stage issues, in one place so a test can check each against the schema.
public enum CopyStatements {
    static let person = "COPY staging.stg_person (person_key, customer_id) FROM STDIN (FORMAT binary)"
    static let customer = """
        COPY staging.stg_customer (customer_id, name, name_pinyin, gender, birth_year, mobile, landline,
                                   member_card, province, city, address, first_seen, last_seen) FROM STDIN (FORMAT binary)
        """
    static let newIdentityKeys = "COPY dw.customer_identity (identity_key, customer_id, first_run_id) FROM STDIN"
    static let movedIdentityKeys = "COPY staging.stg_identity (identity_key, customer_id) FROM STDIN"
    static let historyKeys = "COPY staging.stg_history_key (identity_key) FROM STDIN"
    static let historyBlocks = "COPY staging.stg_history_block (block) FROM STDIN"
    static let merges = "COPY staging.stg_merge (from_customer_id, to_customer_id) FROM STDIN"
    static let rejects = "COPY etl.reject (run_id, file_name, line, field, reason_code, message, raw) FROM STDIN"
    static let fieldIssues = "COPY etl.field_issue (run_id, file_name, line, field, code, value) FROM STDIN"
    static let holidays = "COPY dw.holiday (holiday_date, region, holiday_name) FROM STDIN"

    /// All of them, the staging tables of the three source kinds included.
    public static var all: [String] {
        SourceKind.allCases.map { StagingTable.copyStatement(for: $0) }
            + [person, customer, newIdentityKeys, movedIdentityKeys, historyKeys, historyBlocks, merges, rejects, fieldIssues, holidays]
    }
}
