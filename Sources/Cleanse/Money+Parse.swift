/// Amounts and quantities, read byte by byte.
///
/// Amounts accept a currency mark before or after the number (`¥`, `￥`, `$`, `NT$`, `RMB`, `CNY`,
/// `NTD`, `TWD`, `元`, `块`), a sign (`-12`, `¥-12`, `-¥12`) or accounting parentheses (`(12.00)`),
/// commas between groups of three digits and a decimal point with up to two decimals (further
/// decimals only if zero). The decimal comma (`1.299,00`) is refused rather than guessed, because
/// `1,299` is one thousand two hundred and ninety-nine in every source we read.
enum MoneyText {
    enum Reading: Equatable {
        case empty
        case value(Money)
        case invalid
    }

    private static let prefixes: [[UInt8]] = ["NT$", "US$", "RMB", "CNY", "NTD", "TWD", "$", "¥", "￥"].map { Array($0.utf8) }
    private static let suffixes: [[UInt8]] = ["RMB", "CNY", "NTD", "TWD", "元", "块", "圆"].map { Array($0.utf8) }

    static func parseAmount(_ s: String) -> Reading {
        guard let t = Text.field(s) else { return .empty }
        return Text.withBytes(t) { amount($0) }
    }

    /// The amount in a field's bytes already passed through `Text.withField`.
    static func amount(_ all: UnsafeBufferPointer<UInt8>) -> Reading {
        var lo = 0, hi = all.count
        var negative = false
        func skipSpaces() {
            while lo < hi, all[lo] == 0x20 { lo += 1 }
            while hi > lo, all[hi - 1] == 0x20 { hi -= 1 }
        }
        func sign() { if lo < hi, all[lo] == 0x2D || all[lo] == 0x2B { negative = negative || all[lo] == 0x2D; lo += 1 } }
        if all[lo] &- 0x30 < 10 && all[hi - 1] &- 0x30 < 10 { return number(all, lo, hi, negative: false) }
        if hi - lo >= 2, all[lo] == 0x28, all[hi - 1] == 0x29 { negative = true; lo += 1; hi -= 1 }
        skipSpaces(); sign()
        if let p = prefixes.first(where: { matches($0, all, at: lo, upTo: hi) }) { lo += p.count; skipSpaces(); sign() }
        if let p = suffixes.first(where: { hi - $0.count >= lo && matches($0, all, at: hi - $0.count, upTo: hi) }) {
            hi -= p.count; skipSpaces()
        }
        guard lo < hi else { return .invalid }
        return number(all, lo, hi, negative: negative)
    }

    /// The number between `lo` and `hi` once currency marks and sign are off.
    @inline(__always)
    private static func number(_ all: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, negative: Bool) -> Reading {
        var units: Int64 = 0, cents: Int64 = 0
        var intDigits = 0, fracDigits = 0, groupDigits = 0
        var seenComma = false, seenDot = false
        var i = lo
        while i < hi {
            let c = all[i]
            if c &- 0x30 < 10 {
                let digit = Int64(c &- 0x30)
                if seenDot {
                    fracDigits += 1
                    if fracDigits <= 2 { cents = cents * 10 + digit } else if digit != 0 { return .invalid }
                } else {
                    intDigits += 1; groupDigits += 1
                    guard intDigits <= 15 else { return .invalid }
                    units = units * 10 + digit
                }
            } else if c == 0x2C, !seenDot, intDigits > 0, !seenComma || groupDigits == 3 {
                if !seenComma && groupDigits > 3 { return .invalid }
                seenComma = true; groupDigits = 0
            } else if c == 0x2E, !seenDot {
                seenDot = true
            } else {
                return .invalid
            }
            i += 1
        }
        if seenComma && groupDigits != 3 { return .invalid }
        guard intDigits + fracDigits > 0 else { return .invalid }
        if fracDigits == 1 { cents *= 10 }
        let total = units * 100 + cents
        return .value(Money(cents: negative ? -total : total))
    }

    @inline(__always)
    private static func matches(_ token: [UInt8], _ b: UnsafeBufferPointer<UInt8>, at start: Int, upTo end: Int) -> Bool {
        guard start >= 0, end - start >= token.count else { return false }
        for (k, t) in token.enumerated() where b[start + k] | (t >= 0x41 && t <= 0x5A ? 0x20 : 0) != t | (t >= 0x41 && t <= 0x5A ? 0x20 : 0) {
            return false
        }
        return true
    }

    enum Count: Equatable {
        case empty
        case value(Int)
        case invalid
    }

    private static let unitWords: [[UInt8]] = ["件", "台", "个", "個", "套", "只", "pcs", "pc", "units", "unit"].map { Array($0.utf8) }

    /// A count of items: non-zero whole numbers, `2件`/`2台`/`2 pcs`, `2.0`. A negative count is a
    /// returned item, mirroring the negative amount of a return line.
    static func parseQuantity(_ s: String) -> Count {
        guard let t = Text.field(s) else { return .empty }
        return Text.withBytes(t) { quantity($0) }
    }

    /// The count in a field's bytes already passed through `Text.withField`.
    static func quantity(_ b: UnsafeBufferPointer<UInt8>) -> Count {
        var hi = b.count
        if hi == 1, b[0] &- 0x31 < 9 { return .value(Int(b[0] &- 0x30)) }
        if let u = unitWords.first(where: { matches($0, b, at: hi - $0.count, upTo: hi) }) { hi -= u.count }
        while hi > 0, b[hi - 1] == 0x20 { hi -= 1 }
        var i = 0, value = 0, digits = 0
        let negative = hi > 0 && b[0] == 0x2D
        if negative || (hi > 0 && b[0] == 0x2B) { i = 1 }
        while i < hi, b[i] &- 0x30 < 10, digits < 9 { value = value * 10 + Int(b[i] &- 0x30); digits += 1; i += 1 }
        if i < hi, b[i] == 0x2E {
            i += 1
            while i < hi, b[i] == 0x30 { i += 1 }
        }
        guard digits > 0, i == hi, value != 0 else { return .invalid }
        return .value(negative ? -value : value)
    }
}
