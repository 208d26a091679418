import Cleanse
import Postgres

/// The cleansed value types as the binary COPY fields of their columns.
extension CopyBinaryEncoder {
    mutating func append(date: Day?) throws(PostgresError) {
        guard let date else { appendNull(); return }
        try append(dateYear: date.year, month: date.month, day: date.day)
    }

    mutating func append(timestamp t: LocalTimestamp) throws(PostgresError) {
        try append(timestampYear: t.day.year, month: t.day.month, day: t.day.day, hour: t.hour, minute: t.minute, second: t.second)
    }

    mutating func append(money: Money?) {
        guard let money else { appendNull(); return }
        append(numericHundredths: money.cents)
    }
}
