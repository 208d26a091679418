import Extract

/// Stable reason codes for rejected rows (`Rejection.code`) and unusable field values
/// (`FieldIssue.code`). They are stored in `etl.reject` and counted per run, so they never change
/// once published; add new ones instead.
public enum ReasonCode {
    // Row rejections: the row cannot be used.
    /// The record has a different number of fields than the header.
    public static let csvRagged = "csv.ragged"
    /// A quoted field was still open at the end of the file.
    public static let csvUnterminatedQuote = CSVProblem.unterminatedQuote.rawValue
    /// Text followed a closing quote inside one field.
    public static let csvTextAfterQuote = CSVProblem.textAfterClosingQuote.rawValue
    /// The business key (order_id, card_id, attempt_id) is empty.
    public static let keyMissing = "key.missing"
    /// The record's defining date is empty.
    public static let dateMissing = "date.missing"
    /// A date or timestamp could not be read or does not exist.
    public static let dateInvalid = "date.invalid"
    /// The sales amount is empty.
    public static let amountMissing = "amount.missing"
    /// An amount could not be read.
    public static let amountInvalid = "amount.invalid"
    /// A quantity is not a non-zero whole number.
    public static let quantityInvalid = "quantity.invalid"
    /// A sales line number is not a positive whole number.
    public static let lineNoInvalid = "line_no.invalid"
    /// A call result that maps to no `ContactOutcome`.
    public static let outcomeInvalid = "outcome.invalid"
    /// No mobile, landline, member card, nor name with address: nobody to attach the row to.
    public static let customerUnidentifiable = "customer.unidentifiable"
    /// A contact attempt without campaign code.
    public static let campaignMissing = "campaign.missing"
    /// A contact attempt without agent code.
    public static let agentMissing = "agent.missing"

    // Field issues: the value becomes nil, the row goes on.
    /// Digits hidden by `*` or `x` (`138****5678`).
    public static let mobileMasked = "mobile.masked"
    /// A well-known fake number (`13800138000`, eleven equal digits, …).
    public static let mobilePlaceholder = "mobile.placeholder"
    /// A number a spreadsheet turned into a float (`1.38123E+10`, `13812345678.0`); never guessed back.
    public static let mobileSpreadsheetDamage = "mobile.spreadsheet_damage"
    /// Not a mainland or Taiwan mobile, nor a landline.
    public static let mobileInvalid = "mobile.invalid"
    /// Not a landline with area code.
    public static let landlineInvalid = "landline.invalid"
    /// A product category with no known synonym.
    public static let categoryUnknown = "category.unknown"
    /// A province that is none of the 34 provincial-level divisions.
    public static let provinceUnknown = "province.unknown"
    /// A gender value that is neither male nor female nor an explicit unknown.
    public static let genderUnknown = "gender.unknown"
    /// A birth year outside the plausibility window.
    public static let birthYearImpossible = "birth_year.impossible"
    /// A two-digit birth year (`85`): the century is not guessed.
    public static let birthYearAmbiguous = "birth_year.ambiguous"
    /// A unit price that could not be read (the line amount still stands).
    public static let unitPriceInvalid = "unit_price.invalid"
    /// A warranty card's purchase date that could not be read (the registration date still stands).
    public static let purchaseDateInvalid = "purchase_date.invalid"
    /// A birth year that is not a number at all.
    public static let birthYearInvalid = "birth_year.invalid"
}
