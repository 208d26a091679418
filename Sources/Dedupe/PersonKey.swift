import Cleanse

/// The stable identity of one normalised person tuple.
public enum PersonKey {
    /// A 128-bit hex digest (32 lowercase hex digits) of every field of `p`, identical in every
    /// process and on every machine, so it can be stored and joined on.
    ///
    /// Fields are written in declaration order, each preceded by a presence byte, so a nil field
    /// and an empty string, or text moving between adjacent fields, never give the same bytes.
    /// The leading version tag changes if the encoding ever has to.
    public static func of(_ p: Person) -> String {
        var bytes: [UInt8] = Array("person.v1".utf8)
        func put(_ s: String?) {
            guard let s else { bytes.append(0); return }
            bytes.append(1)
            let utf8 = Array(s.utf8)
            withUnsafeBytes(of: UInt32(utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: utf8)
        }
        put(p.name); put(p.namePinyin); put(p.gender); put(p.birthYear.map(String.init))
        put(p.mobile); put(p.landline); put(p.memberCard)
        put(p.province); put(p.city); put(p.address)
        return StableHash128.hex(bytes)
    }
}
