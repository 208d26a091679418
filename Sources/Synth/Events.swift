/// How a sale reached us.
enum Channel: UInt8 { case store, online, phone
    var code: String { ["store", "online", "phone"][Int(rawValue)] }
}

/// One order line before rendering; days are day numbers.
struct SaleEvent {
    var person: Int32
    var day: Int32
    /// Provisional order key from the simulation; rendering renumbers orders chronologically.
    var order: Int32
    var lineNo: UInt8
    var category: UInt8
    var tier: UInt8
    var quantity: UInt8
    var unitPrice: Int32
    var channel: Channel
    var store: Int16
}

struct WarrantyEvent {
    var person: Int32
    var purchaseDay: Int32
    var registeredDay: Int32
    var category: UInt8
    var tier: UInt8
    var store: Int16
    var serial: UInt64
}

struct CallEvent {
    var person: Int32
    var campaign: Int16
    var day: Int32
    var secondOfDay: Int32
    var agent: UInt8
    /// Index into `Catalogue.outcomesEnglish`.
    var outcome: UInt8
    var amount: Int32
}
