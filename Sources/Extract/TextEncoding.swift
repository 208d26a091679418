/// A text encoding that source files arrive in.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case gb18030 = "gb18030"
    case big5 = "big5"

    /// Reads an encoding name as people write it in configuration (`UTF-8`, `utf8`, `GBK`,
    /// `gb2312`, `cp936`, `GB18030`, `Big5`, `BIG-5`, `cp950`, …); case, `-`, `_` and spaces
    /// are ignored. GBK and GB2312 map to GB18030 because GB18030 is a superset of both, and
    /// CP950 maps to Big5 because that is what Windows writes when people say "Big5".
    public init?(name: String) {
        let key = String(name.lowercased().filter { !"-_ ".contains($0) })
        switch key {
        case "utf8": self = .utf8
        case "gb18030", "gbk", "gb2312", "cp936", "euccn", "windows936": self = .gb18030
        case "big5", "cp950", "windows950": self = .big5
        default: return nil
        }
    }

    /// The name glibc's iconv knows this encoding by. CP950 rather than BIG5 because files
    /// from Windows use its extensions (the euro sign, for one) and it is a superset of Big5.
    var iconvName: String {
        switch self {
        case .utf8: "UTF-8"
        case .gb18030: "GB18030"
        case .big5: "CP950"
        }
    }
}
