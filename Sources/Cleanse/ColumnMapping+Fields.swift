/// The canonical fields of each source kind, their built-in header aliases and the required ones.
/// Aliases are compared after `ColumnMapping.headerKey` (case, width, spaces, traditional script
/// folded), so each is listed once in its simplest spelling.
extension ColumnMapping {
    struct FieldSpec {
        let name: String
        let aliases: [String]
        let required: Bool
        init(_ name: String, _ aliases: [String], required: Bool = false) {
            self.name = name; self.aliases = aliases; self.required = required
        }
    }

    static let personSpecs: [String: FieldSpec] = [
        "customer_name": FieldSpec("customer_name", ["name", "customer", "姓名", "客户姓名", "客户名称", "客户", "顾客姓名", "联系人"]),
        "gender": FieldSpec("gender", ["sex", "性别"]),
        "birth_year": FieldSpec("birth_year", ["birthyear", "year_of_birth", "出生年份", "出生年", "出生年度"]),
        "mobile": FieldSpec("mobile", ["mobile_phone", "cellphone", "cell", "phone", "手机", "手机号", "手机号码", "移动电话"]),
        "landline": FieldSpec("landline", ["tel", "telephone", "电话", "固定电话", "固话", "座机", "联系电话"]),
        "province": FieldSpec("province", ["省份", "省", "省市"]),
        "city": FieldSpec("city", ["城市", "市", "地市"]),
        "address": FieldSpec("address", ["addr", "地址", "详细地址", "联系地址", "通讯地址"]),
    ]

    static func specs(_ kind: SourceKind) -> [FieldSpec] {
        let p = personSpecs
        switch kind {
        case .sales:
            return [
                FieldSpec("order_id", ["order_no", "order_number", "订单号", "订单编号", "单号"], required: true),
                FieldSpec("line_no", ["line", "line_number", "行号", "明细行号"]),
                FieldSpec("order_date", ["date", "sale_date", "购买日期", "订单日期", "销售日期", "日期"], required: true),
                FieldSpec("store_code", ["store_id", "门店编码", "门店代码", "门店编号"]),
                FieldSpec("store_name", ["store", "门店", "门店名称"]),
                FieldSpec("channel", ["渠道", "销售渠道"]),
                FieldSpec("member_card", ["member_card_no", "card_no", "会员卡号", "会员卡", "会员号"]),
                p["customer_name"]!, p["mobile"]!, p["landline"]!, p["province"]!, p["city"]!, p["address"]!,
                FieldSpec("sku", ["商品编码", "商品代码", "物料编码"]),
                FieldSpec("model", ["型号", "产品型号"]),
                FieldSpec("category", ["品类", "类别", "产品类别", "商品类别"]),
                FieldSpec("quantity", ["qty", "数量"]),
                FieldSpec("unit_price", ["price", "单价"]),
                FieldSpec("amount", ["total", "金额", "销售金额", "总金额", "实付金额"], required: true),
            ]
        case .warranty:
            return [
                FieldSpec("card_id", ["warranty_card_id", "保修卡号", "保修卡编号", "回函编号"], required: true),
                FieldSpec("registered_on", ["registration_date", "登记日期", "注册日期", "回函日期"], required: true),
                FieldSpec("purchase_date", ["购买日期", "购机日期"]),
                p["customer_name"]!, p["gender"]!, p["birth_year"]!, p["mobile"]!, p["landline"]!,
                p["province"]!, p["city"]!, p["address"]!,
                FieldSpec("sku", ["商品编码", "商品代码", "物料编码"]),
                FieldSpec("model", ["型号", "产品型号"]),
                FieldSpec("category", ["品类", "类别", "产品类别"]),
                FieldSpec("serial_no", ["serial", "serial_number", "机身编号", "机身号", "序列号", "条码"]),
                FieldSpec("store_code", ["dealer_code", "经销商编码", "经销商代码", "门店编码"]),
            ]
        case .contact:
            return [
                FieldSpec("attempt_id", ["call_id", "呼叫编号", "通话编号", "呼叫id"], required: true),
                FieldSpec("campaign_code", ["campaign", "活动编码", "活动代码", "项目编码"], required: true),
                FieldSpec("campaign_name", ["活动名称", "项目名称"]),
                FieldSpec("agent_code", ["agent", "agent_id", "坐席工号", "工号", "坐席编号"], required: true),
                FieldSpec("agent_name", ["坐席姓名", "坐席", "坐席名称"]),
                FieldSpec("called_at", ["call_time", "呼叫时间", "通话时间", "拨打时间"], required: true),
                p["customer_name"]!, p["mobile"]!,
                FieldSpec("outcome", ["result", "结果", "呼叫结果", "通话结果"], required: true),
                FieldSpec("sale_amount", ["成交金额", "销售金额"]),
            ]
        }
    }
}
