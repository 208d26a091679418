/// A retail point: mainland and Taiwan stores per city, plus the online shop and the call centre.
struct Store {
    let code: String
    let name: String

    static let online: Int16 = 0
    static let callCentre: Int16 = 1

    static let all: [Store] = {
        var s = [Store(code: "ONLINE", name: "官方商城"), Store(code: "CALL", name: "呼叫中心")]
        for (p, province) in Catalogue.mainland.enumerated() {
            for (c, city) in province.cities.enumerated() {
                for (k, suffix) in ["中山店", "万达店"].enumerated() {
                    s.append(Store(code: "S\(pad2(p))\(c)\(k)", name: city.short + suffix))
                }
            }
        }
        for (c, city) in Catalogue.taiwan.cities.enumerated() {
            for (k, suffix) in ["旗艦店", "站前店"].enumerated() {
                s.append(Store(code: "TW\(c)\(k)", name: city.short + suffix))
            }
        }
        return s
    }()

    /// Index into `all` of store `k` (0 or 1) in the residence's city.
    static func index(near r: Residence, _ k: Int) -> Int16 {
        var i = 2
        if r.taiwan {
            i += Catalogue.mainland.reduce(0) { $0 + $1.cities.count } * 2
        } else {
            for p in 0..<r.province { i += Catalogue.mainland[p].cities.count * 2 }
        }
        return Int16(i + r.city * 2 + k)
    }
}
