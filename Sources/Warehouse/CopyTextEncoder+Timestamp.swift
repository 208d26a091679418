import Cleanse
import Postgres

extension CopyTextEncoder {
    /// Appends `t` as `t.description` prints it (`YYYY-MM-DD HH:MM:SS`). A contact row's call time
    /// was the costliest field to stage: `description` interpolates four Strings and allocates
    /// the 19-byte result; here the time of day goes straight into the buffer after the date.
    mutating func append(timestamp t: LocalTimestamp) {
        guard (0...99).contains(t.hour), (0...99).contains(t.minute), (0...99).contains(t.second) else {
            append(field: t.description)
            return
        }
        append(field: t.day.description)
        continueField(plain: 9) { b in
            b[0] = 0x20
            b[1] = 48 + UInt8(t.hour / 10); b[2] = 48 + UInt8(t.hour % 10); b[3] = 0x3A
            b[4] = 48 + UInt8(t.minute / 10); b[5] = 48 + UInt8(t.minute % 10); b[6] = 0x3A
            b[7] = 48 + UInt8(t.second / 10); b[8] = 48 + UInt8(t.second % 10)
            return 9
        }
    }
}
