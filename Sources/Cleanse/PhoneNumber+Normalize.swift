/// Mobile and landline numbers as people and spreadsheets write them.
///
/// Mobiles become 11 digits `1[3-9]xxxxxxxxx` (mainland) or 10 digits `09xxxxxxxx` (Taiwan, also
/// from `+886 912 345 678` and from `912345678` whose leading 0 a spreadsheet dropped). Landlines
/// become the digits with area code (`02112345678`), without extension. A landline found in the
/// mobile column (and a mobile in the landline column) is moved to its own field.
enum PhoneNumber {
    enum Reading: Equatable {
        case empty
        case mobile(String)
        case landline(String)
        /// Unusable; the `ReasonCode` says why.
        case issue(String)
    }

    /// Well-known fake numbers; a number whose last ten digits are all equal (`13333333333`) is
    /// recognised without a list.
    static let builtInPlaceholders: Set<String> = ["13800138000", "13888888888", "11111111111", "12345678901",
                                                   "13800000000", "13900000000", "13000000000", "18888888888",
                                                   "13812345678", "10000000000", "12345678910"]

    /// Placeholders as sorted numbers: the check on every mobile is a short binary search over
    /// integers, with no string built and no hashing.
    static func placeholderSet(_ extra: Set<String>) -> Placeholders {
        Placeholders(sorted: builtInPlaceholders.union(extra).compactMap { UInt64($0.filter(\.isNumber)) }.sorted())
    }

    struct Placeholders: Sendable {
        let sorted: [UInt64]

        func contains(_ v: UInt64) -> Bool {
            var lo = 0, hi = sorted.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if sorted[mid] < v { lo = mid + 1 } else { hi = mid }
            }
            return lo < sorted.count && sorted[lo] == v
        }
    }

    /// Up to 24 digits of a number and what else was seen around them.
    private struct Digits {
        var bytes: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        var masked = false, exponent = false, other = false, plus = false

        mutating func append(_ d: UInt8) {
            guard count < 24 else { other = true; return }
            withUnsafeMutableBytes(of: &bytes) { $0[count] = d }
            count += 1
        }
        func withBuffer<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            withUnsafeBytes(of: bytes) { raw in body(UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[0..<count])) }
        }
    }

    private static func digits(_ b: UnsafeBufferPointer<UInt8>) -> Digits {
        var d = Digits()
        for (i, c) in b.enumerated() {
            switch c {
            case 0x30...0x39: d.append(c)
            case 0x2A, 0x78, 0x58: d.masked = true                     // * x X
            case 0x45, 0x65:                                           // E e, as in 1.38E+10
                let between = i > 0 && i + 1 < b.count && b[i - 1] &- 0x30 < 10 && (b[i + 1] == 0x2B || b[i + 1] &- 0x30 < 10)
                if between { d.exponent = true } else { d.other = true }
            case 0x2B: d.plus = d.plus || d.count == 0                 // +
            case 0x20, 0x2D, 0x2E, 0x28, 0x29, 0x2F: break             // space - . ( ) /
            default: d.other = true
            }
        }
        return d
    }

    /// `13812345678.0`, `13812345678.00`: a number stored as a float.
    private static func hasFloatTail(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let dot = b.lastIndex(of: 0x2E), dot > 0, dot < b.count - 1 else { return false }
        return b[..<dot].allSatisfy { $0 &- 0x30 < 10 } && b[(dot + 1)...].allSatisfy { $0 == 0x30 }
    }

    static func readMobile(_ s: String, placeholders: Placeholders) -> Reading {
        guard let t = Text.field(s) else { return .empty }
        return Text.withBytes(t) { readMobile($0, placeholders: placeholders) }
    }

    /// `readMobile` of a field's bytes already passed through `Text.withField`.
    static func readMobile(_ b: UnsafeBufferPointer<UInt8>, placeholders: Placeholders) -> Reading {
        if b.count == 11, b[0] == 0x31, b.allSatisfy({ $0 &- 0x30 < 10 }) {
            if isPlaceholder(b, placeholders) { return .issue(ReasonCode.mobilePlaceholder) }
            return b[1] >= 0x33 ? .mobile(Text.ascii(b)) : .issue(ReasonCode.mobileInvalid)
        }
        let d = digits(b)
        if d.masked && d.count >= 3 && !d.exponent { return .issue(ReasonCode.mobileMasked) }
        if d.exponent || hasFloatTail(b) { return .issue(ReasonCode.mobileSpreadsheetDamage) }
        if d.other || d.masked { return .issue(ReasonCode.mobileInvalid) }
        return d.withBuffer { classify($0, plus: d.plus, original: b, placeholders: placeholders) }
    }

    private static func classify(_ all: UnsafeBufferPointer<UInt8>, plus: Bool, original: UnsafeBufferPointer<UInt8>,
                                 placeholders: Placeholders) -> Reading {
        func starts(_ p: StaticString) -> Bool { begins(all[...], with: p) }
        var drop = 0, taiwan = false, international = false
        if starts("00886") { drop = 5; taiwan = true }
        else if starts("0086") { drop = 4 }
        else if plus && starts("886") { drop = 3; taiwan = true }
        else if plus && starts("86") { drop = 2 }
        else if plus { return .issue(ReasonCode.mobileInvalid) }
        else if all.count == 12 && starts("886") { drop = 3; taiwan = true }
        else if all.count == 13 && starts("861") { drop = 2 }
        international = drop > 0
        let r = UnsafeBufferPointer(rebasing: all[drop...])
        let n = r.count
        if taiwan {
            if n == 9 && r[0] == 0x39 { return .mobile("0" + Text.ascii(r)) }
            if n == 10 && r[0] == 0x30 && r[1] == 0x39 { return .mobile(Text.ascii(r)) }
            return .issue(ReasonCode.mobileInvalid)
        }
        if n == 11 && isPlaceholder(r, placeholders) { return .issue(ReasonCode.mobilePlaceholder) }
        if n == 11 && r[0] == 0x31 && r[1] >= 0x33 { return .mobile(Text.ascii(r)) }
        if !international && n == 10 && r[0] == 0x30 && r[1] == 0x39 { return .mobile(Text.ascii(r)) }
        if !international && n == 9 && r[0] == 0x39 { return .mobile("0" + Text.ascii(r)) }
        if n >= 9 && (r[0] == 0x30 || international) {
            if case .landline(let l) = readLandline(Text.ascii(original)) { return .landline(l) }
        }
        return .issue(ReasonCode.mobileInvalid)
    }

    private static func isPlaceholder(_ b: UnsafeBufferPointer<UInt8>, _ placeholders: Placeholders) -> Bool {
        var v: UInt64 = 0
        for c in b { v = v &* 10 &+ UInt64(c &- 0x30) }
        return b.dropFirst().allSatisfy { $0 == b[b.count - 1] } || placeholders.contains(v)
    }

    private static let extensionMarks: [[UInt8]] = ["转", "轉", "分机", "分機", "ext", "EXT", "Ext", "x", "X", "#", ",", ";", "~"]
        .map { Array($0.utf8) }

    /// Digits with area code; the extension (`-801`, `转801`, `ext. 801`) is dropped. A mainland
    /// or Taiwan mobile here comes back as `.mobile`. A number without area code is invalid: it
    /// cannot be told apart from the same local number in another city.
    static func readLandline(_ s: String) -> Reading {
        guard let t = Text.field(s) else { return .empty }
        return Text.withBytes(t) { readLandline($0) }
    }

    /// `readLandline` of a field's bytes already passed through `Text.withField`.
    static func readLandline(_ b: UnsafeBufferPointer<UInt8>) -> Reading {
        // One pass, digits gathered on the stack: this runs on every row that has a landline.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: b.count) { digits in
            var count = 0, groups = 0, lastGroup = 0
            var plus = false, i = 0
            scanning: while i < b.count {
                let c = b[i]
                if c &- 0x30 < 10 {
                    let start = count
                    while i < b.count, b[i] &- 0x30 < 10 { digits[count] = b[i]; count += 1; i += 1 }
                    groups += 1
                    lastGroup = count - start
                    continue
                }
                switch c {
                case 0x2B: plus = plus || count == 0
                case 0x20, 0x2D, 0x2E, 0x28, 0x29, 0x2F: break
                default:
                    // No mark starts with a byte accepted above, so the first other byte
                    // either opens the extension or makes the number invalid.
                    if i > 0 && startsExtension(b, at: i) { break scanning }
                    return .issue(ReasonCode.landlineInvalid)
                }
                i += 1
            }
            return classifyLandline(UnsafeBufferPointer(rebasing: digits[..<count]), plus: plus,
                                    groups: groups, lastGroup: lastGroup)
        }
    }

    private static func classifyLandline(_ digits: UnsafeBufferPointer<UInt8>, plus: Bool, groups: Int, lastGroup: Int) -> Reading {
        var national = digits[...]
        if begins(national, with: "0086") { national = national.dropFirst(4) }
        else if plus && begins(national, with: "86") { national = national.dropFirst(2) }
        else if plus { return .issue(ReasonCode.landlineInvalid) }
        let prefixed = national.count < digits.count
        if national.count == 11, national.first == 0x31, national.dropFirst().first! >= 0x33 {
            return .mobile(Text.ascii(UnsafeBufferPointer(rebasing: national)))
        }
        if !prefixed, national.count == 10, begins(national, with: "09") {
            return .mobile(Text.ascii(UnsafeBufferPointer(rebasing: national)))
        }
        func landline(_ d: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
            let trunk = prefixed && d.first != 0x30
            let length = d.count + (trunk ? 1 : 0)
            guard length >= 10, length <= 12, trunk || d.first == 0x30,
                  (trunk ? d.first : d.dropFirst().first) != 0x30 else { return nil }
            return trunk ? "0" + Text.ascii(UnsafeBufferPointer(rebasing: d)) : Text.ascii(UnsafeBufferPointer(rebasing: d))
        }
        if let l = landline(national) { return .landline(l) }
        if groups >= 3, lastGroup <= 5, let l = landline(national.dropLast(lastGroup)) { return .landline(l) }
        return .issue(ReasonCode.landlineInvalid)
    }

    /// Whether `d` begins with `prefix`, byte against byte: through `String.UTF8View` the same
    /// test was a generic walk costing ~1% of extract+cleanse, as every row has a phone number.
    @inline(__always)
    private static func begins(_ d: Slice<UnsafeBufferPointer<UInt8>>, with prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { d.starts(with: $0) }
    }

    private static func startsExtension(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        extensionMarks.contains { mark in i + mark.count <= b.count && b[i..<(i + mark.count)].elementsEqual(mark) }
    }
}
