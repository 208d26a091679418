import Logging
import Postgres
import TestSupport
import Warehouse
import XCTest

/// `etl.latest_partition_key` (migration 016) reads month partitions from the newest down instead of
/// every row; these tests hold it to max() where the shortcut could go wrong: empty newest months,
/// rows only in the default partition, newer rows in the default partition than in any month.
final class LatestPartitionKeyTests: XCTestCase {
    private func monthsTable() throws -> PostgresConnection {
        let db = try PostgresConnection.connect(try TestDatabase.fresh())
        _ = try Migrator.migrate(db, library: try PipelineFixture.library(), logger: Logger(label: "test"))
        try db.execute("""
            CREATE TABLE public.sightings (seen timestamp NOT NULL) PARTITION BY RANGE (seen);
            CREATE TABLE public.sightings_default PARTITION OF public.sightings DEFAULT;
            SELECT etl.ensure_month_partitions('public.sightings', date '2024-10-01', date '2025-03-01');
            """)
        return db
    }

    private func latest(_ db: PostgresConnection) throws -> (shortcut: String?, max: String?) {
        let row = try db.query("""
            SELECT etl.latest_partition_key('public.sightings')::text, (SELECT max(seen) FROM public.sightings)::text
            """).rows.first
        return (row?[0] ?? nil, row?[1] ?? nil)
    }

    func testEmptyNewestMonthsAreSkippedAndAnEmptyTableGivesNull() throws {
        let db = try monthsTable()
        XCTAssertNil(try latest(db).shortcut)
        // October and December hold rows; January to March exist but are empty.
        try db.execute("INSERT INTO public.sightings VALUES ('2024-10-03 08:00'), ('2024-12-31 23:59:59'), ('2024-12-01')")
        let got = try latest(db)
        XCTAssertEqual(got.shortcut, "2024-12-31 23:59:59")
        XCTAssertEqual(got.shortcut, got.max)
    }

    func testRowsNoMonthTakesAreReadFromTheDefaultPartition() throws {
        let db = try monthsTable()
        // Only the default partition: a date after every month, and one before.
        try db.execute("INSERT INTO public.sightings VALUES ('2030-01-01 12:00'), ('2001-05-05')")
        XCTAssertEqual(try latest(db).shortcut, "2030-01-01 12:00:00")
        // A month now holds the newest row: the default partition's older one must not win.
        try db.execute("DELETE FROM public.sightings WHERE seen > '2029-01-01'; INSERT INTO public.sightings VALUES ('2025-02-14 10:00')")
        let got = try latest(db)
        XCTAssertEqual(got.shortcut, "2025-02-14 10:00:00")
        XCTAssertEqual(got.shortcut, got.max)
    }

    func testAnUnpartitionedTableIsRefusedByName() throws {
        let db = try monthsTable()
        XCTAssertThrowsError(try db.query("SELECT etl.latest_partition_key('dw.fct_warranty_registration')")) { error in
            XCTAssertTrue("\(error)".contains("dw.fct_warranty_registration is not a partitioned table"), "\(error)")
        }
    }
}
