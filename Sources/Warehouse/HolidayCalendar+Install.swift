import Postgres

extension HolidayCalendar {
    /// Fills `dw.holiday` for the years of `dw.dim_date` and sets the date dimension's holiday
    /// flags, once per database (the migrations create the table empty: SQL has no Chinese calendar).
    public static func install(_ db: PostgresConnection) throws {
        guard try db.query("SELECT NOT EXISTS (SELECT 1 FROM dw.holiday)").rows.first?[0] == "t" else { return }
        let range = try db.query("SELECT extract(year FROM min(full_date))::int, extract(year FROM max(full_date))::int FROM dw.dim_date")
        guard let row = range.rows.first, let first = row[0].flatMap({ Int($0) }), let last = row[1].flatMap({ Int($0) }) else { return }
        try db.transaction {
            _ = try db.copyIn(CopyStatements.holidays) { w in
                for h in Set(holidays(years: first...last)) { try w.writeRow([h.date.description, h.region.rawValue, h.name]) }
            }
            try db.query("SELECT dw.apply_holidays()")
        }
    }
}
