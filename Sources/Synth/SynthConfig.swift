/// A calendar day for the generator (Synth depends on Extract and Foundation only, so it cannot
/// use Cleanse's `Day`); arithmetic goes through a day number so intervals are exact.
public struct SynthDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(_ year: Int, _ month: Int, _ day: Int) { self.year = year; self.month = month; self.day = day }

    /// Days since 1970-01-01 (proleptic Gregorian; Hinnant's `days_from_civil`).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// 0 = Monday … 6 = Sunday.
    var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 }

    /// `YYYY-MM-DD`.
    public var description: String { "\(year)-\(pad2(month))-\(pad2(day))" }

    public static func < (a: SynthDate, b: SynthDate) -> Bool { a.dayNumber < b.dayNumber }
}

@inline(__always) func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }

/// What to generate. The same configuration always produces byte-identical output.
public struct SynthConfig: Sendable {
    /// Number of people in the population (rows of `truth/persons.csv`).
    public var customers: Int
    public var seed: UInt64
    /// Nightly increments to write after `endDate`, one folder each.
    public var nights: Int
    /// Write every delivery file as `.csv.gz`.
    public var gzip: Bool
    /// First business day of the simulated history.
    public var startDate: SynthDate
    /// "Today" of the base delivery: the last day the base files cover.
    public var endDate: SynthDate
    public var dirt: DirtRates

    public init(customers: Int, seed: UInt64, nights: Int = 0, gzip: Bool = false,
                startDate: SynthDate = SynthDate(2019, 1, 1), endDate: SynthDate = SynthDate(2025, 6, 30),
                dirt: DirtRates = .default) {
        self.customers = customers; self.seed = seed; self.nights = nights; self.gzip = gzip
        self.startDate = startDate; self.endDate = endDate; self.dirt = dirt
    }
}

/// How often each kind of dirt is written. Every rate is a probability per data row of the files
/// where that dirt can occur; a row carries at most one reject reason and at most one field issue,
/// and never both, so its expected handling is unambiguous.
///
/// Field issues (the row loads, the field is nulled with the code):
/// - `maskedMobile` → `mobile.masked`: `138****5678`. Only on sales/warranty rows that also carry a
///   landline or member card (so the row stays identifiable); never on contact rows.
/// - `placeholderMobile` → `mobile.placeholder`: one of `13800000000`, `13900000000`,
///   `11111111111`, `00000000000`, `12345678901` (same eligibility as masked).
/// - `spreadsheetMobile` → `mobile.spreadsheet_damage`: scientific notation such as `1.38123E+10`.
/// - `unknownCategory` → `category.unknown`: `净水器`, `吸尘器`, `其他家电` (sales, warranty).
/// - `impossibleBirthYear` → `birth_year.impossible`: `1850`, `1899`, `2099`, `3020` (warranty).
/// - `unknownProvince` → `province.unknown`: `江南省`, `华北省`, `东海省` (sales, warranty).
///
/// Rejects (the row is quarantined with the code):
/// - `raggedRow` → `csv.ragged`: one field dropped or one extra field appended.
/// - `missingKey` → `key.missing`: empty order_id / card_id / attempt_id.
/// - `missingDate` → `date.missing`, `invalidDate` → `date.invalid` (`2023-02-30`, month 13, ROC
///   `112/02/30`): order_date, registered_on or called_at.
/// - `invalidAmount` → `amount.invalid`: `#VALUE!` in a sales amount.
/// - `invalidOutcome` → `outcome.invalid`: `回拨`, `callback` in a contact outcome.
/// - `unidentifiable` → `customer.unidentifiable`: every person field empty.
///
/// Truthful variety (normal rows, must load): `phoneFormatVariety` (`+86 138 1234 5678`,
/// `0086-138-1234-5678`, `138-1234-5678`, full-width digits), `dateFormatVariety` (`2025/3/7`,
/// `20250307`, `2025年3月7日`), `addressAbbreviation`, `shortProvinceName`, `traditionalName`
/// (a person's later records in traditional characters), `amountFormatVariety` (`¥1,299.00`, `1299元`),
/// `categoryNameVariety` (a synonym such as `雪柜`/`彩电`/`冷气`, or the English code, instead of the common name).
///
/// Duplicates: `reExportedRows` of base rows repeat a clean earlier row of the same source kind
/// byte for byte in a later file; `nightReExports` is the same per night (at least one row a file).
/// `duplicateAcrossSources` (per row of the base GB18030 sales export) repeats a clean earlier
/// store order line from the English exports there, rewritten in that system's forms: same order
/// id, line, name, address, card and landline, but fresh mobile, date, amount, province and
/// category forms, so it is a duplicate only after cleansing.
public struct DirtRates: Sendable {
    /// Share of phone numbers written in a non-plain (still valid) form.
    public var phoneFormatVariety: Double
    /// Share of dates written as `2025/3/7`, `20250307` or `2025年3月7日` instead of ISO.
    public var dateFormatVariety: Double
    /// Share of amounts written as `¥1,299.00` or `1299元`.
    public var amountFormatVariety: Double
    /// Share of categories written as a synonym or the English code.
    public var categoryNameVariety: Double
    /// Share of addresses without district or with a shortened unit (`4-502`).
    public var addressAbbreviation: Double
    /// Share of province and city names without their suffix (`广东`, `广州`).
    public var shortProvinceName: Double
    /// Share of a person's later records whose name is in traditional characters.
    public var traditionalName: Double
    /// `mobile.masked` field issue rate (sales, warranty).
    public var maskedMobile: Double
    /// `mobile.placeholder` field issue rate (sales, warranty).
    public var placeholderMobile: Double
    /// `mobile.spreadsheet_damage` field issue rate (sales, warranty).
    public var spreadsheetMobile: Double
    /// `category.unknown` field issue rate (sales, warranty).
    public var unknownCategory: Double
    /// `birth_year.impossible` field issue rate (warranty).
    public var impossibleBirthYear: Double
    /// `province.unknown` field issue rate (sales, warranty).
    public var unknownProvince: Double
    /// `csv.ragged` reject rate (all files).
    public var raggedRow: Double
    /// `key.missing` reject rate (all files).
    public var missingKey: Double
    /// `date.missing` reject rate (all files).
    public var missingDate: Double
    /// `date.invalid` reject rate (all files).
    public var invalidDate: Double
    /// `amount.invalid` reject rate (sales).
    public var invalidAmount: Double
    /// `outcome.invalid` reject rate (contacts).
    public var invalidOutcome: Double
    /// `customer.unidentifiable` reject rate (all files).
    public var unidentifiable: Double
    /// Byte-identical re-exports per row of later English base files.
    public var reExportedRows: Double
    /// Byte-identical re-exports per row of night files (at least one a file when above 0).
    public var nightReExports: Double
    /// Rewritten copies of English store lines per row of the base GB18030 sales export.
    public var duplicateAcrossSources: Double

    public init(phoneFormatVariety: Double = 0.35, dateFormatVariety: Double = 0.4, amountFormatVariety: Double = 0.3, categoryNameVariety: Double = 0.3,
                addressAbbreviation: Double = 0.3, shortProvinceName: Double = 0.3, traditionalName: Double = 0.03,
                maskedMobile: Double = 0.005, placeholderMobile: Double = 0.003, spreadsheetMobile: Double = 0.003,
                unknownCategory: Double = 0.005, impossibleBirthYear: Double = 0.005, unknownProvince: Double = 0.002,
                raggedRow: Double = 0.001, missingKey: Double = 0.001, missingDate: Double = 0.001,
                invalidDate: Double = 0.001, invalidAmount: Double = 0.001, invalidOutcome: Double = 0.002,
                unidentifiable: Double = 0.001, reExportedRows: Double = 0.005, nightReExports: Double = 0.03,
                duplicateAcrossSources: Double = 0.003) {
        self.phoneFormatVariety = phoneFormatVariety; self.dateFormatVariety = dateFormatVariety
        self.amountFormatVariety = amountFormatVariety; self.categoryNameVariety = categoryNameVariety
        self.addressAbbreviation = addressAbbreviation
        self.shortProvinceName = shortProvinceName; self.traditionalName = traditionalName
        self.maskedMobile = maskedMobile; self.placeholderMobile = placeholderMobile
        self.spreadsheetMobile = spreadsheetMobile; self.unknownCategory = unknownCategory
        self.impossibleBirthYear = impossibleBirthYear; self.unknownProvince = unknownProvince
        self.raggedRow = raggedRow; self.missingKey = missingKey; self.missingDate = missingDate
        self.invalidDate = invalidDate; self.invalidAmount = invalidAmount; self.invalidOutcome = invalidOutcome
        self.unidentifiable = unidentifiable; self.reExportedRows = reExportedRows; self.nightReExports = nightReExports
        self.duplicateAcrossSources = duplicateAcrossSources
    }

    /// The rates above, chosen so a 100k-customer run carries a few hundred of each fault.
    public static let `default` = DirtRates()
    /// No dirt and no variety: every row in its plainest form (useful for golden tests).
    public static let clean = DirtRates(phoneFormatVariety: 0, dateFormatVariety: 0, amountFormatVariety: 0, categoryNameVariety: 0,
                                        addressAbbreviation: 0, shortProvinceName: 0, traditionalName: 0,
                                        maskedMobile: 0, placeholderMobile: 0, spreadsheetMobile: 0,
                                        unknownCategory: 0, impossibleBirthYear: 0, unknownProvince: 0,
                                        raggedRow: 0, missingKey: 0, missingDate: 0, invalidDate: 0,
                                        invalidAmount: 0, invalidOutcome: 0, unidentifiable: 0,
                                        reExportedRows: 0, nightReExports: 0,
                                        duplicateAcrossSources: 0)
}
