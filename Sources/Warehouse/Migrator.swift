import Logging
import Postgres

/// Applies the numbered migrations in order, each in its own transaction, and records them in
/// `etl.schema_migration` with a checksum, so an edited, already-applied migration is caught
/// instead of silently diverging from the database. Then fills what SQL cannot compute (the
/// holiday calendar).
public enum Migrator {
    /// Applies what is missing; returns the names applied now.
    @discardableResult
    public static func migrate(_ db: PostgresConnection, library: SQLLibrary, logger: Logger) throws -> [String] {
        try db.execute("""
            CREATE TABLE IF NOT EXISTS public.starcard_schema_migration (
                name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
            """)
        let applied = try db.query("SELECT name, checksum FROM public.starcard_schema_migration")
        var known: [String: String] = [:]
        for row in applied.rows { if let n = row[0], let c = row[1] { known[n] = c } }
        var done: [String] = []
        for script in library.migrations {
            let sum = Checksum.fnv1a64Hex(script.text)
            if let old = known[script.name] {
                if old != sum { throw MigrationError.changedAfterApply(script.name) }
                continue
            }
            try db.transaction {
                try db.execute(script.text)
                try db.query("INSERT INTO public.starcard_schema_migration (name, checksum) VALUES ($1, $2)", [script.name, sum])
            }
            logger.info("applied migration", metadata: ["migration": "\(script.name)"])
            done.append(script.name)
        }
        try HolidayCalendar.install(db)
        return done
    }
}

public enum MigrationError: Error, CustomStringConvertible, Sendable {
    case changedAfterApply(String)
    public var description: String {
        switch self {
        case .changedAfterApply(let name):
            "migration \(name) was changed after it was applied to this database — restore the file and add a new numbered migration for the change"
        }
    }
}

/// A short, stable checksum of text (not for security: it tells an edited file from the original).
enum Checksum {
    static func fnv1a64Hex(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return String(h, radix: 16)
    }
}
