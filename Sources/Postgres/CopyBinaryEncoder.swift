/// Encodes rows in PostgreSQL's binary COPY format (`COPY … FROM STDIN (FORMAT binary)`) into a
/// byte buffer, with no I/O.
///
/// For the staging tables binary is cheaper at both ends: the server no longer splits and
/// unescapes text or parses uuids (16 `strtoul` calls each), dates, timestamps and numerics, and
/// the client no longer scans every byte for the four escapes. Text fields go as their UTF-8
/// bytes (the server still checks the encoding); the other types as the server stores them.
public struct CopyBinaryEncoder: Sendable {
    /// The bytes encoded since the last `removeAll`; the first batch starts with the file header.
    public private(set) var bytes: [UInt8] = []

    /// Days from 0001-01-01 (proleptic Gregorian) to PostgreSQL's epoch, 2000-01-01.
    static let postgresEpochDay = daysFromCivil(year: 2000, month: 1, day: 1)

    /// Creates an encoder whose buffer can grow to `capacity` bytes without reallocating, holding
    /// the binary COPY header: signature, flags (none), header extension length (zero).
    public init(capacity: Int = 0) {
        bytes.reserveCapacity(max(capacity, 19))
        bytes.append(contentsOf: [0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00])
        put32(0)
        put32(0)
    }

    /// Starts a row of `fieldCount` fields; exactly that many `append` calls must follow.
    public mutating func beginRow(fieldCount: Int) { put16(UInt16(fieldCount)) }

    /// SQL NULL.
    public mutating func appendNull() { put32(UInt32(bitPattern: -1)) }

    /// A `text` field (nil is NULL): the string's UTF-8 bytes, unescaped.
    public mutating func append(text: String?) {
        guard var text else { appendNull(); return }
        text.withUTF8 { utf8 in
            put32(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// An `integer` field. Throws as the server's `int4in` would for a value it cannot hold.
    public mutating func append(int4 value: Int) throws(PostgresError) {
        guard let v = Int32(exactly: value) else {
            throw PostgresError(kind: .copy, message: "value \"\(value)\" is out of range for type integer")
        }
        put32(4)
        put32(UInt32(bitPattern: v))
    }

    /// A `bigint` field.
    public mutating func append(int8 value: Int64) {
        put32(8)
        put64(UInt64(bitPattern: value))
    }

    /// A `smallint` field. Throws as the server's `int2in` would for a value it cannot hold.
    public mutating func append(int2 value: Int) throws(PostgresError) {
        guard let v = Int16(exactly: value) else {
            throw PostgresError(kind: .copy, message: "value \"\(value)\" is out of range for type smallint")
        }
        put32(2)
        put16(UInt16(bitPattern: v))
    }

    /// A `uuid` field from its 128 bits, most significant first (the order of its hex digits).
    public mutating func append(uuidHigh high: UInt64, low: UInt64) {
        put32(16)
        put64(high)
        put64(low)
    }

    /// A `date` field. Throws for a day that is not on the calendar, as `date_in` would.
    public mutating func append(dateYear year: Int, month: Int, day: Int) throws(PostgresError) {
        let days = try Self.daysSinceEpoch(year: year, month: month, day: day)
        put32(4)
        put32(UInt32(bitPattern: Int32(days)))
    }

    /// A `timestamp` (without time zone) field, to the second. Throws for an impossible date or time.
    public mutating func append(timestampYear year: Int, month: Int, day: Int,
                                hour: Int, minute: Int, second: Int) throws(PostgresError) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else {
            throw PostgresError(kind: .copy, message: "time \(hour):\(minute):\(second) is out of range for type timestamp")
        }
        let days = try Self.daysSinceEpoch(year: year, month: month, day: day)
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        put32(8)
        put64(UInt64(bitPattern: seconds * 1_000_000))
    }

    /// A `numeric` field holding `hundredths / 100` with two decimals (display scale 2), the value
    /// and scale `numeric_in` makes of the text `123.45`; the column's typmod is checked by the server.
    public mutating func append(numericHundredths hundredths: Int64) {
        // Base-10000 digits, most significant first: the integer part's groups, then the
        // fraction's two decimals as the first half of one more group.
        var magnitude = hundredths.magnitude
        let fraction = UInt16(magnitude % 100) * 100
        magnitude /= 100
        var groups: (UInt16, UInt16, UInt16, UInt16, UInt16, UInt16) = (0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &groups) { raw in
            let g = raw.bindMemory(to: UInt16.self)
            while magnitude > 0 { g[count] = UInt16(magnitude % 10_000); magnitude /= 10_000; count += 1 }
        }
        let integerGroups = count
        let digitCount = integerGroups + (fraction == 0 ? 0 : 1)
        put32(UInt32(8 + 2 * digitCount))
        put16(UInt16(digitCount))
        put16(UInt16(bitPattern: Int16(digitCount == 0 ? 0 : (integerGroups > 0 ? integerGroups - 1 : -1))))
        put16(hundredths < 0 ? 0x4000 : 0x0000)
        put16(2)
        withUnsafeBytes(of: &groups) { raw in
            let g = raw.bindMemory(to: UInt16.self)
            for i in stride(from: integerGroups - 1, through: 0, by: -1) { put16(g[i]) }
        }
        if fraction != 0 { put16(fraction) }
    }

    /// Ends the data: the trailer after the last row. Only the final batch may carry it.
    public mutating func finish() { put16(UInt16(bitPattern: -1)) }

    /// Empties the buffer, keeping its memory for the next rows.
    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    private mutating func put16(_ v: UInt16) {
        bytes.append(UInt8(v >> 8)); bytes.append(UInt8(v & 0xFF))
    }

    private mutating func put32(_ v: UInt32) {
        withUnsafeBytes(of: v.bigEndian) { bytes.append(contentsOf: $0) }
    }

    private mutating func put64(_ v: UInt64) {
        withUnsafeBytes(of: v.bigEndian) { bytes.append(contentsOf: $0) }
    }

    private static func daysSinceEpoch(year: Int, month: Int, day: Int) throws(PostgresError) -> Int {
        let daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= daysInMonth[month - 1] + (month == 2 && leap ? 1 : 0) else {
            throw PostgresError(kind: .copy, message: "date/time field value out of range: \"\(year)-\(month)-\(day)\"")
        }
        return daysFromCivil(year: year, month: month, day: day) - postgresEpochDay
    }

    /// Days since 0001-01-01 of a valid Gregorian date (Howard Hinnant's days_from_civil, shifted).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra
    }
}
