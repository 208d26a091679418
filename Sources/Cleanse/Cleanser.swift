import Extract

/// Turns the raw records of one file into typed, normalised records or rejections.
///
/// One per file; not thread-safe. It caches every normalised name, city, province, category and
/// other repeated value by its raw text (`FieldCache`), so a value seen before costs one
/// dictionary lookup; each cache holds at most `cacheLimit` entries.
public final class Cleanser {
    let kind: SourceKind
    let file: String
    let rules: CleanseRules
    let columnCount: Int
    let columns: Columns
    let han = HanTransliterator()
    let placeholders: PhoneNumber.Placeholders
    let categories: CategoryTable
    let provinceIndex: [String: String]
    let outcomes: [String: ContactOutcome]
    let birthYears: ClosedRange<Int>
    static let cacheLimit = 200_000

    // The caches skip the runtime exclusivity check (a measurable share of a sales line): they are
    // touched only inside `cleanse`, which is not re-entrant, on the one thread that owns the file.

    @exclusivity(unchecked) var nameCache = FieldCache<NormalizedName?>(limit: cacheLimit)
    @exclusivity(unchecked) var cityCache = FieldCache<String?>(limit: cacheLimit)
    @exclusivity(unchecked) var provinceCache = FieldCache<String?>(limit: cacheLimit)
    @exclusivity(unchecked) var categoryCache = FieldCache<String?>(limit: cacheLimit)
    @exclusivity(unchecked) var genderCache = FieldCache<Demographics.Reading<String>>(limit: cacheLimit)
    @exclusivity(unchecked) var channelCache = FieldCache<String>(limit: cacheLimit)
    @exclusivity(unchecked) var outcomeCache = FieldCache<ContactOutcome?>(limit: cacheLimit)
    @exclusivity(unchecked) var repeatedTextCache = FieldCache<String>(limit: cacheLimit)
    /// How many records `cleanse` has rejected so far.
    public private(set) var rejectedCount = 0
    /// What `prefetch` read, stored so the compiler keeps the reads.
    @exclusivity(unchecked) var prefetched: UInt64 = 0
    /// `prefetch`'s list of slots, kept to reuse its storage.
    @exclusivity(unchecked) var prefetchSlots: [Int] = []

    /// `mapping` must have been made for `kind`; `file` names the file in rejections.
    public init(kind: SourceKind, mapping: ColumnMapping, rules: CleanseRules, file: String) {
        precondition(mapping.kind == kind, "\(file): a \(mapping.kind.rawValue) column mapping cannot cleanse \(kind.rawValue) records")
        self.kind = kind
        self.file = file
        self.rules = rules
        self.columnCount = mapping.columnCount
        self.columns = Columns(mapping)
        self.placeholders = PhoneNumber.placeholderSet(rules.placeholderMobiles)
        self.categories = CategoryTable(extra: rules.categorySynonyms, han: han)
        self.provinceIndex = Region.provinceIndex(han: han)
        self.outcomes = ContactOutcome.index(extra: rules.outcomeSynonyms, han: han)
        self.birthYears = rules.minBirthYear...max(rules.minBirthYear, rules.maxBirthYear)
    }

    /// A clean record with the issues of its unusable fields, or the reason the row cannot be used.
    public func cleanse(_ raw: RawRecord) -> CleanseOutcome {
        var issues: [FieldIssue] = []
        do throws(Rejection) {
            try checkShape(raw)
            switch kind {
            case .sales: return .clean(.sales(try salesLine(raw, issues: &issues)), issues: issues)
            case .warranty: return .clean(.warranty(try warrantyCard(raw, issues: &issues)), issues: issues)
            case .contact: return .clean(.contact(try contactAttempt(raw, issues: &issues)), issues: issues)
            }
        } catch {
            rejectedCount += 1
            return .rejected(error)
        }
    }

    private func checkShape(_ raw: RawRecord) throws(Rejection) {
        if let problem = raw.problem {
            let how = problem == .unterminatedQuote
                ? "a quote opened in this record is never closed, so the rest of the file was read as one field; close the quote or double the quote character inside the field"
                : "text follows the closing quote of a field; double quote characters inside quoted fields (\"\" for \")"
            throw rejection(raw, field: nil, code: problem.rawValue, how)
        }
        if raw.fieldCount != columnCount {
            throw rejection(raw, field: nil, code: ReasonCode.csvRagged,
                            "the record has \(raw.fieldCount) fields but the header has \(columnCount); a field probably holds an unquoted comma or line break: quote it in the export, or fix the row")
        }
    }

    // MARK: Row helpers shared by the three kinds

    @inline(__always)
    func text(_ raw: RawRecord, _ column: Int) -> String? {
        column < 0 ? nil : raw.withFieldBytes(column) { Text.field($0) }
    }

    /// `text(raw, column)` for columns whose values repeat on most rows (store, sku, model, agent):
    /// a short value seen before is copied from a memo instead of being validated and built again.
    /// Longer values skip the memo, whose dictionary lookup would cost more than the string.
    @inline(__always)
    func repeatedText(_ raw: RawRecord, _ column: Int) -> String? {
        withText(raw, column) { b in
            guard let b else { return nil }
            guard b.count <= 15 else { return String(decoding: b, as: UTF8.self) }
            return repeatedTextCache.value(bytes: b) { String(decoding: b, as: UTF8.self) }
        }
    }

    /// Calls `body` with the bytes of `text(raw, column)`, nil when absent or blank, without
    /// making a string: most fields are only parsed or looked up.
    @inline(__always)
    func withText<R>(_ raw: RawRecord, _ column: Int, _ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
        column < 0 ? body(nil) : raw.withFieldBytes(column) { Text.withField($0, body) }
    }

    /// The value `cache` holds for `text(raw, column)`, made from that text on a miss; nil when
    /// the field is absent or blank. A hit makes no string.
    @inline(__always)
    func cached<V>(_ cache: inout FieldCache<V>, _ raw: RawRecord, _ column: Int, _ make: (String) -> V) -> V? {
        withText(raw, column) { b in
            guard let b else { return nil }
            return cache.value(bytes: b) { make(String(decoding: b, as: UTF8.self)) }
        }
    }

    func rejection(_ raw: RawRecord, field: String?, code: String, _ message: String) -> Rejection {
        Rejection(source: SourceRef(file: file, line: raw.line), field: field, code: code,
                  message: "\(file) line \(raw.line): \(message)", raw: raw.raw)
    }

    func issue(_ raw: RawRecord, _ field: String, _ code: String, _ value: String) -> FieldIssue {
        FieldIssue(source: SourceRef(file: file, line: raw.line), field: field, code: code, value: value)
    }

    /// The required text of `field`, or a rejection with `code`.
    func required(_ raw: RawRecord, _ column: Int, _ field: String, _ code: String, _ why: String) throws(Rejection) -> String {
        guard let v = text(raw, column) else { throw missing(raw, field, code, why) }
        return v
    }

    private func missing(_ raw: RawRecord, _ field: String, _ code: String, _ why: String) -> Rejection {
        rejection(raw, field: field, code: code, "\(field) is empty; \(why): fill it in the source, or remove the row")
    }

    /// The required date or timestamp of `field`, or `date.missing` / `date.invalid`.
    func requiredTimestamp(_ raw: RawRecord, _ column: Int, _ field: String) throws(Rejection) -> LocalTimestamp {
        // `text` is already half-width, so its bytes go straight to the date scanner.
        let parsed = withText(raw, column) { b in b.map { DateText.read($0, order: rules.dateOrder) } }
        switch parsed {
        case nil: throw missing(raw, field, ReasonCode.dateMissing, "the row cannot be placed in time without it")
        case .success(let t)?: return t
        case .failure(let f)?:
            throw rejection(raw, field: field, code: ReasonCode.dateInvalid, Self.explain(f, field: field, value: text(raw, column)!))
        }
    }

    static func explain(_ f: DateText.Failure, field: String, value: String) -> String {
        let forms = "write it as YYYY-MM-DD (also read: 2025/3/7, 20250307, 2025年3月7日, dd/mm/yyyy per date_order, ROC 114/03/07)"
        return switch f {
        case .impossible: "\(field) '\(value)' is not a real date or time (for example 30 February); correct the value in the source"
        case .excelSerial: "\(field) '\(value)' looks like a spreadsheet date serial number; format the column as dates before exporting, or \(forms)"
        case .twoDigitYear: "\(field) '\(value)' has a two-digit year, whose century is not guessed; \(forms)"
        case .unrecognised: "\(field) '\(value)' is not a date; \(forms)"
        }
    }

    /// An amount, or the rejection for a missing or unreadable one.
    func amount(_ raw: RawRecord, _ column: Int, _ field: String, required: Bool, allowNegative: Bool) throws(Rejection) -> Money? {
        switch withText(raw, column, { $0.map(MoneyText.amount) ?? .empty }) {
        case .value(let m) where allowNegative || m.cents >= 0: return m
        case .empty where !required: return nil
        case .empty:
            throw rejection(raw, field: field, code: ReasonCode.amountMissing, "\(field) is empty; a line without an amount cannot count towards revenue: fill it in the source")
        case .value, .invalid:
            throw rejection(raw, field: field, code: ReasonCode.amountInvalid,
                            "\(field) '\(raw.field(column))' is not an amount\(allowNegative ? "" : " of zero or more"); write digits with a decimal point and commas only between thousands, e.g. 1,299.00 or ¥1299")
        }
    }

    /// Looks `text` up in `cache`, computing and storing it on a miss.
    @inline(__always)
    func cached<V>(_ cache: inout FieldCache<V>, _ text: String, _ make: () -> V) -> V {
        cache.value(text, make)
    }

    /// Canonical category code, with a `category.unknown` issue when there is none.
    func category(_ raw: RawRecord, issues: inout [FieldIssue]) -> String? {
        guard let code = cached(&categoryCache, raw, columns.category, { categories.code(of: $0, han: han) }) else { return nil }
        if code == nil { issues.append(issue(raw, "category", ReasonCode.categoryUnknown, text(raw, columns.category)!)) }
        return code
    }
}
