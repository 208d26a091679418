import Extract

/// The three kinds of delivery starcard understands.
public enum SourceKind: String, Sendable, CaseIterable, Codable {
    case sales, warranty, contact
}

/// Where a record came from: the file as named in the ledger and its physical line.
public struct SourceRef: Sendable, Hashable {
    public var file: String
    public var line: Int
    public init(file: String, line: Int) { self.file = file; self.line = line }
}

/// A calendar day without time zone. Dates in the sources are local business dates.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public init(year: Int, month: Int, day: Int) { self.year = year; self.month = month; self.day = day }
    /// ISO 8601 `YYYY-MM-DD`, the form COPY and SQL expect. Written digit by digit: every staged
    /// row prints one or two of these.
    public var description: String {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            return "\(year)-\(month)-\(day)"
        }
        return String(unsafeUninitializedCapacity: 10) { b in
            b[0] = 48 + UInt8(year / 1000); b[1] = 48 + UInt8(year / 100 % 10)
            b[2] = 48 + UInt8(year / 10 % 10); b[3] = 48 + UInt8(year % 10); b[4] = 45
            b[5] = 48 + UInt8(month / 10); b[6] = 48 + UInt8(month % 10); b[7] = 45
            b[8] = 48 + UInt8(day / 10); b[9] = 48 + UInt8(day % 10)
            return 10
        }
    }
    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
}

/// A local date and time (seconds resolution), as printed by call-centre systems.
public struct LocalTimestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var day: Day
    public var hour: Int
    public var minute: Int
    public var second: Int
    public init(day: Day, hour: Int, minute: Int, second: Int) {
        self.day = day; self.hour = hour; self.minute = minute; self.second = second
    }
    /// `YYYY-MM-DD HH:MM:SS`.
    public var description: String {
        func p2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(day) \(p2(hour)):\(p2(minute)):\(p2(second))"
    }
    public static func < (a: LocalTimestamp, b: LocalTimestamp) -> Bool {
        (a.day, a.hour, a.minute, a.second) < (b.day, b.hour, b.minute, b.second)
    }
}

/// Money in the smallest unit (fen / cents), so sums are exact.
public struct Money: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var cents: Int64
    public init(cents: Int64) { self.cents = cents }
    /// `123.45`, `-0.50`: the text form COPY reads into `numeric(14,2)`. Written digit by digit:
    /// every staged sales row prints one or two of these.
    public var description: String {
        String(unsafeUninitializedCapacity: 22) { b in
            var digits = cents.magnitude
            // Fill from the right: two decimals, the point, then at least one integer digit.
            var end = 22
            func put(_ d: UInt8) { end -= 1; b[end] = d }
            put(48 + UInt8(digits % 10)); digits /= 10
            put(48 + UInt8(digits % 10)); digits /= 10
            put(46)
            repeat { put(48 + UInt8(digits % 10)); digits /= 10 } while digits > 0
            if cents < 0 { put(45) }
            let count = 22 - end
            for i in 0..<count { b[i] = b[end + i] }
            return count
        }
    }
    public static func < (a: Money, b: Money) -> Bool { a.cents < b.cents }
}

/// The person a record is about, with every field already normalised (nil when unusable).
public struct Person: Sendable, Hashable {
    /// Simplified-Chinese (or Latin) name, trimmed, half-width, inner spaces removed.
    public var name: String?
    /// The name's pinyin without tones or spaces (`zhangwei`), for matching across scripts.
    public var namePinyin: String?
    /// `M`, `F` or nil.
    public var gender: String?
    public var birthYear: Int?
    /// 11-digit mainland mobile (`13812345678`) or 10-digit Taiwan mobile (`0912345678`).
    public var mobile: String?
    /// Landline with area code, digits only (`02112345678`).
    public var landline: String?
    public var memberCard: String?
    /// Canonical province name (`广东省`).
    public var province: String?
    /// Canonical city name (`广州市`).
    public var city: String?
    public var address: String?

    public init(name: String? = nil, namePinyin: String? = nil, gender: String? = nil, birthYear: Int? = nil,
                mobile: String? = nil, landline: String? = nil, memberCard: String? = nil,
                province: String? = nil, city: String? = nil, address: String? = nil) {
        self.name = name; self.namePinyin = namePinyin; self.gender = gender; self.birthYear = birthYear
        self.mobile = mobile; self.landline = landline; self.memberCard = memberCard
        self.province = province; self.city = city; self.address = address
    }
}

/// One order line of a sales export (grain of `dw.fct_sales_line`).
///
/// The three record kinds have `let` fields: an init that assigns `var` fields one by one makes
/// the compiler build the value in a temporary and copy it out (a retain and release of every
/// string field per row, about 5% of extract+cleanse); with `let` fields it builds it in place.
/// Nothing changes a record after the cleanser makes it. `Person` stays `var`: dedupe merges into one.
public struct SalesLine: Sendable, Hashable {
    public let source: SourceRef
    public let orderId: String
    public let lineNo: Int
    public let orderDate: Day
    public let storeCode: String?
    public let storeName: String?
    /// `store`, `online`, `phone`, … as given (lower-cased).
    public let channel: String?
    public let person: Person
    public let sku: String?
    public let model: String?
    /// Canonical category code (`fridge`, `washer`, `aircon`, `tv`, …).
    public let category: String?
    public let quantity: Int
    public let unitPrice: Money?
    public let amount: Money

    public init(source: SourceRef, orderId: String, lineNo: Int, orderDate: Day, storeCode: String?, storeName: String?,
                channel: String?, person: Person, sku: String?, model: String?, category: String?,
                quantity: Int, unitPrice: Money?, amount: Money) {
        self.source = source; self.orderId = orderId; self.lineNo = lineNo; self.orderDate = orderDate
        self.storeCode = storeCode; self.storeName = storeName; self.channel = channel; self.person = person
        self.sku = sku; self.model = model; self.category = category
        self.quantity = quantity; self.unitPrice = unitPrice; self.amount = amount
    }
}

/// One returned warranty card (grain of `dw.fct_warranty_registration`).
public struct WarrantyCard: Sendable, Hashable {
    public let source: SourceRef
    public let cardId: String
    public let registeredOn: Day
    public let purchaseDate: Day?
    public let person: Person
    public let sku: String?
    public let model: String?
    public let category: String?
    public let serialNo: String?
    public let storeCode: String?

    public init(source: SourceRef, cardId: String, registeredOn: Day, purchaseDate: Day?, person: Person,
                sku: String?, model: String?, category: String?, serialNo: String?, storeCode: String?) {
        self.source = source; self.cardId = cardId; self.registeredOn = registeredOn; self.purchaseDate = purchaseDate
        self.person = person; self.sku = sku; self.model = model; self.category = category
        self.serialNo = serialNo; self.storeCode = storeCode
    }
}

/// What happened on one dial attempt, in funnel order: each later stage implies the earlier ones.
public enum ContactOutcome: String, Sendable, CaseIterable, Codable {
    /// No connection (no answer, busy, switched off, invalid number).
    case unreachable
    /// Connected, but not to the customer (wrong person, family member, gatekeeper).
    case wrongParty = "wrong_party"
    /// The customer was reached; no offer presented.
    case reached
    /// The offer was presented; no sale.
    case presented
    /// A sale was made and paid.
    case sold
    /// A sale was made but payment collection failed.
    case lapsed
}

/// One dial attempt of a call-centre campaign (grain of `dw.fct_contact_attempt`).
public struct ContactAttempt: Sendable, Hashable {
    public let source: SourceRef
    public let attemptId: String
    public let campaignCode: String
    public let campaignName: String?
    public let agentCode: String
    public let agentName: String?
    public let calledAt: LocalTimestamp
    public let person: Person
    public let outcome: ContactOutcome
    /// Sale amount for `sold` and `lapsed`.
    public let saleAmount: Money?

    public init(source: SourceRef, attemptId: String, campaignCode: String, campaignName: String?, agentCode: String,
                agentName: String?, calledAt: LocalTimestamp, person: Person, outcome: ContactOutcome, saleAmount: Money?) {
        self.source = source; self.attemptId = attemptId; self.campaignCode = campaignCode; self.campaignName = campaignName
        self.agentCode = agentCode; self.agentName = agentName; self.calledAt = calledAt; self.person = person
        self.outcome = outcome; self.saleAmount = saleAmount
    }
}

/// A row that cannot be used: quarantined in `etl.reject`, counted, and the file goes on.
public struct Rejection: Sendable, Hashable, Error {
    public var source: SourceRef
    /// Canonical field at fault, nil for whole-record faults.
    public var field: String?
    /// Stable reason code, e.g. `date.missing` (see `ReasonCode`).
    public var code: String
    /// What was wrong and how to fix it, for a person.
    public var message: String
    public var raw: String
    public init(source: SourceRef, field: String?, code: String, message: String, raw: String) {
        self.source = source; self.field = field; self.code = code; self.message = message; self.raw = raw
    }
}

/// A field value that was unusable and set to nil; the row itself goes on.
public struct FieldIssue: Sendable, Hashable {
    public var source: SourceRef
    public var field: String
    /// Stable code, e.g. `mobile.masked`.
    public var code: String
    public var value: String
    public init(source: SourceRef, field: String, code: String, value: String) {
        self.source = source; self.field = field; self.code = code; self.value = value
    }
}

/// A cleansed record of any kind.
public enum CleanRecord: Sendable, Hashable {
    case sales(SalesLine)
    case warranty(WarrantyCard)
    case contact(ContactAttempt)

    public var source: SourceRef {
        switch self {
        case .sales(let r): r.source
        case .warranty(let r): r.source
        case .contact(let r): r.source
        }
    }
    public var person: Person {
        switch self {
        case .sales(let r): r.person
        case .warranty(let r): r.person
        case .contact(let r): r.person
        }
    }
}

/// What `Cleanser.cleanse` makes of one raw record.
public enum CleanseOutcome: Sendable {
    case clean(CleanRecord, issues: [FieldIssue])
    case rejected(Rejection)
}
