/// Dates and timestamps as exports write them, read byte by byte (no DateFormatter, no regex).
///
/// Accepted: `2025-03-07`, `2025/3/7`, `2025.03.07`, `20250307`, `2025年3月7日`, `07/03/2025` and
/// `03/07/2025` (by `DateOrder`; when that reading is impossible but the other one is not, e.g.
/// `03/25/2025` day-first, the only possible reading is taken), ROC years `114/03/07` and
/// `民國114年3月7日` (year + 1911), each optionally followed by a time `14:05`, `14:05:09`,
/// `2:05 PM`, `下午2:05`, `T14:05:09.123`. Rejected on purpose: Excel serial numbers (`45723`),
/// two-digit years (`07/03/25`), years outside 1900…2100, and days that do not exist (Feb 30).
enum DateText {
    enum Failure: Error, Equatable {
        /// Not in any accepted shape.
        case unrecognised
        /// The shape is fine but the date or time does not exist.
        case impossible
        /// A bare 5-digit number: a spreadsheet date serial.
        case excelSerial
        /// A year written with two digits.
        case twoDigitYear
    }

    static func parseDay(_ s: String, order: DateOrder) -> Result<Day, Failure> {
        parseTimestamp(s, order: order).map(\.day)
    }

    static func parseTimestamp(_ s: String, order: DateOrder) -> Result<LocalTimestamp, Failure> {
        Text.withBytes(Text.halfWidth(s)) { read($0, order: order) }
    }

    /// `interpret(scan(b), order:)`, with `YYYY-MM-DD` (how most exports write every date of every
    /// row) read straight from its fixed positions: the same reading, without the general scan.
    @inline(__always)
    static func read(_ b: UnsafeBufferPointer<UInt8>, order: DateOrder) -> Result<LocalTimestamp, Failure> {
        if b.count == 10, b[4] == 0x2D, b[7] == 0x2D {
            func digit(_ i: Int) -> Int? { b[i] &- 0x30 < 10 ? Int(b[i] &- 0x30) : nil }
            if let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3),
               let m0 = digit(5), let m1 = digit(6), let d0 = digit(8), let d1 = digit(9) {
                return validated(y: ((y0 * 10 + y1) * 10 + y2) * 10 + y3, m: m0 * 10 + m1, d: d0 * 10 + d1,
                                 h: 0, mi: 0, s: 0, g: Scan())
            }
        }
        return interpret(scan(b), order: order)
    }

    /// The digit groups of a date text and the words around them that change their meaning.
    struct Scan {
        var values: (Int, Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0, 0)
        var widths: (Int, Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var roc = false, pm = false, am = false
        var foreign = false
        /// Only digits and at most one `.`: how a spreadsheet serial looks.
        var bareNumber = true

        func value(_ i: Int) -> Int {
            switch i { case 0: values.0; case 1: values.1; case 2: values.2; case 3: values.3
            case 4: values.4; case 5: values.5; case 6: values.6; default: values.7 }
        }
        func width(_ i: Int) -> Int {
            switch i { case 0: widths.0; case 1: widths.1; case 2: widths.2; case 3: widths.3
            case 4: widths.4; case 5: widths.5; case 6: widths.6; default: widths.7 }
        }
        mutating func append(_ v: Int, width w: Int) {
            switch count { case 0: values.0 = v; widths.0 = w; case 1: values.1 = v; widths.1 = w
            case 2: values.2 = v; widths.2 = w; case 3: values.3 = v; widths.3 = w
            case 4: values.4 = v; widths.4 = w; case 5: values.5 = v; widths.5 = w
            case 6: values.6 = v; widths.6 = w; case 7: values.7 = v; widths.7 = w
            default: foreign = true }
            count += 1
        }
    }

    static func scan(_ b: UnsafeBufferPointer<UInt8>) -> Scan {
        var r = Scan()
        var i = 0
        var dots = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c &- 0x30 < 10 {
                var v = 0, w = 0
                while i < n, b[i] &- 0x30 < 10 {
                    if w < 15 { v = v * 10 + Int(b[i] &- 0x30) }
                    w += 1; i += 1
                }
                r.append(v, width: w)
                continue
            }
            r.bareNumber = r.bareNumber && c == 0x2E
            switch c {
            case 0x2E: dots += 1
            case 0x20, 0x2D, 0x2F, 0x3A, 0x2C, 0x54, 0x74, 0x5A: break  // space - / : , T t Z
            case 0x41, 0x61, 0x50, 0x70:  // A a P p, must be AM / PM
                if i + 1 < n, b[i + 1] | 0x20 == 0x6D { if c | 0x20 == 0x70 { r.pm = true } else { r.am = true }; i += 1 }
                else { r.foreign = true }
            case 0xE6 where i + 2 < n && b[i + 1] == 0xB0 && b[i + 2] == 0x91: r.roc = true  // 民
            case 0xE4 where i + 2 < n && b[i + 1] == 0xB8 && b[i + 2] == 0x8B: r.pm = true   // 下(午)
            case 0xE4 where i + 2 < n && b[i + 1] == 0xB8 && b[i + 2] == 0x8A: r.am = true   // 上(午)
            case 0x80...: break  // 年 月 日 号 時 分 秒 and other words between the numbers
            default: r.foreign = true
            }
            i += 1
        }
        if dots > 1 { r.bareNumber = false }
        return r
    }

    static func interpret(_ g: Scan, order: DateOrder) -> Result<LocalTimestamp, Failure> {
        guard g.count > 0, !g.foreign else { return .failure(.unrecognised) }
        if g.bareNumber && g.width(0) == 5 && g.count <= 2 { return .failure(.excelSerial) }
        var y = 0, m = 0, d = 0, timeAt = 3
        switch (g.width(0), g.count) {
        case (8, _):
            let v = g.value(0); y = v / 10000; m = v / 100 % 100; d = v % 100; timeAt = 1
        case (14, 1):
            let v = g.value(0)
            return validated(y: v / 10_000_000_000, m: v / 100_000_000 % 100, d: v / 1_000_000 % 100,
                             h: v / 10000 % 100, mi: v / 100 % 100, s: v % 100, g: g)
        case (_, 0...2): return .failure(.unrecognised)
        case (4, _) where g.width(1) <= 2 && g.width(2) <= 2: y = g.value(0); m = g.value(1); d = g.value(2)
        case (1...3, _) where (g.roc || g.width(0) == 3) && g.width(1) <= 2 && g.width(2) <= 2:
            y = g.value(0) + 1911; m = g.value(1); d = g.value(2)
        case (1...2, _) where g.width(1) <= 2 && g.width(2) == 4:
            y = g.value(2)
            let (a, b) = (g.value(0), g.value(1))
            (d, m) = order == .dayFirst ? (a, b) : (b, a)
            if m > 12 && d <= 12 { swap(&d, &m) }
        case (1...2, _) where g.width(2) <= 2: return .failure(.twoDigitYear)
        default: return .failure(.unrecognised)
        }
        let h = g.count > timeAt ? g.value(timeAt) : 0
        let mi = g.count > timeAt + 1 ? g.value(timeAt + 1) : 0
        let s = g.count > timeAt + 2 ? g.value(timeAt + 2) : 0
        return validated(y: y, m: m, d: d, h: h, mi: mi, s: s, g: g)
    }

    private static func validated(y: Int, m: Int, d: Int, h: Int, mi: Int, s: Int, g: Scan) -> Result<LocalTimestamp, Failure> {
        var hour = h
        if g.pm || g.am {
            guard (1...12).contains(hour) else { return .failure(.impossible) }
            if g.pm && hour < 12 { hour += 12 }
            if g.am && hour == 12 { hour = 0 }
        }
        guard (1900...2100).contains(y), (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y),
              (0...23).contains(hour), (0...59).contains(mi), (0...59).contains(s) else { return .failure(.impossible) }
        return .success(LocalTimestamp(day: Day(year: y, month: m, day: d), hour: hour, minute: mi, second: s))
    }

    static func daysIn(month m: Int, year y: Int) -> Int {
        switch m {
        case 2: (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
