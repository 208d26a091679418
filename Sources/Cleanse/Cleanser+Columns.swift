/// Column indices of every canonical field, resolved once per file (-1 when absent), so a row is
/// read by index without any name lookup.
struct Columns {
    var orderId = -1, lineNo = -1, orderDate = -1, storeCode = -1, storeName = -1, channel = -1
    var memberCard = -1, name = -1, gender = -1, birthYear = -1, mobile = -1, landline = -1
    var province = -1, city = -1, address = -1, sku = -1, model = -1, category = -1
    var quantity = -1, unitPrice = -1, amount = -1
    var cardId = -1, registeredOn = -1, purchaseDate = -1, serialNo = -1
    var attemptId = -1, campaignCode = -1, campaignName = -1, agentCode = -1, agentName = -1
    var calledAt = -1, outcome = -1, saleAmount = -1

    init(_ m: ColumnMapping) {
        func c(_ field: String) -> Int { m.column(of: field) ?? -1 }
        orderId = c("order_id"); lineNo = c("line_no"); orderDate = c("order_date"); storeCode = c("store_code")
        storeName = c("store_name"); channel = c("channel"); memberCard = c("member_card"); name = c("customer_name")
        gender = c("gender"); birthYear = c("birth_year"); mobile = c("mobile"); landline = c("landline")
        province = c("province"); city = c("city"); address = c("address"); sku = c("sku"); model = c("model")
        category = c("category"); quantity = c("quantity"); unitPrice = c("unit_price"); amount = c("amount")
        cardId = c("card_id"); registeredOn = c("registered_on"); purchaseDate = c("purchase_date"); serialNo = c("serial_no")
        attemptId = c("attempt_id"); campaignCode = c("campaign_code"); campaignName = c("campaign_name")
        agentCode = c("agent_code"); agentName = c("agent_name"); calledAt = c("called_at"); outcome = c("outcome")
        saleAmount = c("sale_amount")
    }
}
