import Cleanse

/// The identity keys of one person: the strings under which earlier runs remember a customer.
///
/// Formats (stable: they are persisted):
/// - `c:<member card>` — a card alone identifies a person.
/// - `m:<mobile>|<name>`, `l:<landline>|<name>`, `a:<address digest>|<name>` — a shared number or
///   address is household evidence, never enough alone, so it always travels with the name.
///   `<name>` is the pinyin, prefixed with `~` when the name was written in Latin letters (see
///   `NameToken`). It comes last (it has no `|`) so the part before the last `|` is the block.
///   The address enters as its 128-bit `StableHash128` digest: keys stay ASCII and short, which
///   makes hashing and comparing them several times cheaper than CJK text needing normalisation.
/// - `n:<mobile>` — a record with a mobile but no name.
/// - `p:<person key>` — a record with none of the above still keeps its id across runs, exactly.
struct IdentityKeys {
    var keys: [String] = []
    /// Blocks (`m:<mobile>` …) this person is compared in, with its name token (nil: nameless).
    var blocks: [(block: String, pinyin: String?)] = []

    init(of p: Person, personKey: String, rules: LinkRules) {
        let pinyin = NameToken(of: p)?.encoded
        if rules.linkOnMemberCard, let card = p.memberCard, !card.isEmpty { keys.append("c:" + card) }
        if rules.linkOnMobile, let mobile = p.mobile, !mobile.isEmpty {
            let block = "m:" + mobile
            if let pinyin { keys.append(block + "|" + pinyin) } else { keys.append("n:" + mobile) }
            blocks.append((block, pinyin))
        }
        if let pinyin {
            if rules.linkOnLandline, let landline = p.landline, !landline.isEmpty { add("l:" + landline, pinyin) }
            if rules.linkOnAddress, let address = p.address, !address.isEmpty { add("a:" + StableHash128.hex(address), pinyin) }
        }
        if keys.isEmpty { keys.append("p:" + personKey) }
    }

    private mutating func add(_ block: String, _ pinyin: String) {
        keys.append(block + "|" + pinyin)
        blocks.append((block, pinyin))
    }

    /// Splits a persisted name-bearing key (`m:`, `l:`, `a:`) into block and name token, without
    /// copying: history is scanned in full on every run.
    static func split(_ key: String) -> (block: Substring, pinyin: Substring)? {
        guard let first = key.utf8.first,
              first == UInt8(ascii: "m") || first == UInt8(ascii: "l") || first == UInt8(ascii: "a"),
              let bar = key.utf8.lastIndex(of: UInt8(ascii: "|")) else { return nil }
        return (key[..<bar], key[key.index(after: bar)...])
    }
}
