import XCTest
import TestSupport

final class PostgresConnectionTests: XCTestCase {
    func testConnectToMissingSocketFolderFailsWithOneClearConnectionLine() throws {
        let url = "postgresql:///starcard?host=/nonexistent/starcard-socket&port=5999&user=starcard"
        XCTAssertThrowsError(try PostgresConnection.connect(url)) { error in
            guard let error = error as? PostgresError else { return XCTFail("unexpected error \(error)") }
            XCTAssertEqual(error.kind, .connection)
            XCTAssertTrue(error.isRetriable)
            XCTAssertFalse(error.description.contains("\n"), error.description)
            XCTAssertTrue(error.description.hasPrefix("could not connect to the database server at socket folder /nonexistent/starcard-socket port 5999: "),
                          error.description)
            XCTAssertTrue(error.description.contains("unset DATABASE_URL"), error.description)
        }
    }

    func testParameterisedQueryRoundTripsNullAndChineseName() throws {
        let connection = try PostgresConnection.connect(try TestDatabase.fresh())
        let result = try connection.query("SELECT $1::text AS name, $2::text AS missing, length($1) AS chars", ["张伟", nil])
        XCTAssertEqual(result.columns, ["name", "missing", "chars"])
        XCTAssertEqual(result.rowCount, 1)
        XCTAssertEqual(result.value(0, "name"), "张伟")
        XCTAssertNil(result.value(0, "missing"))
        XCTAssertEqual(result.value(0, "chars"), "2")
    }

    func testParameterWithQuoteAndSemicolonIsBoundNotSpliced() throws {
        let connection = try PostgresConnection.connect(try TestDatabase.fresh())
        try connection.execute("CREATE TABLE t (v text)")
        let hostile = "x'); DROP TABLE t; --"
        XCTAssertEqual(try connection.query("INSERT INTO t VALUES ($1)", [hostile]).affectedRows, 1)
        XCTAssertEqual(try connection.query("SELECT v FROM t").rows, [[hostile]])
    }

    func testExecuteRunsSeveralStatementsLikeAMigration() throws {
        let connection = try PostgresConnection.connect(try TestDatabase.fresh())
        try connection.execute("CREATE TABLE a (id int); CREATE TABLE b (id int); INSERT INTO b VALUES (1), (2);")
        let result = try connection.query("SELECT count(*) AS n FROM b")
        XCTAssertEqual(result.value(0, "n"), "2")
        XCTAssertEqual(result.affectedRows, 1)
        XCTAssertEqual(result.commandTag, "SELECT 1")
    }

    func testUndefinedTableCarriesSQLState42P01AndTheQuery() throws {
        let connection = try PostgresConnection.connect(try TestDatabase.fresh())
        XCTAssertThrowsError(try connection.query("SELECT * FROM no_such_table")) { error in
            let error = error as! PostgresError
            XCTAssertEqual(error.kind, .server)
            XCTAssertEqual(error.sqlState, "42P01")
            XCTAssertEqual(error.query, "SELECT * FROM no_such_table")
            XCTAssertFalse(error.isRetriable)
            XCTAssertEqual(error.description.split(separator: "\n").first.map(String.init),
                           "relation \"no_such_table\" does not exist (SQLSTATE 42P01)")
        }
    }

    func testUniqueViolationCarries23505AndTheDuplicatedKeyInDetail() throws {
        let connection = try PostgresConnection.connect(try TestDatabase.fresh())
        try connection.execute("CREATE TABLE customer (mobile text PRIMARY KEY); INSERT INTO customer VALUES ('13800138000')")
        XCTAssertThrowsError(try connection.query("INSERT INTO customer VALUES ($1)", ["13800138000"])) { error in
            let error = error as! PostgresError
            XCTAssertEqual(error.sqlState, "23505")
            XCTAssertEqual(error.detail, "Key (mobile)=(13800138000) already exists.")
            XCTAssertTrue(error.description.contains("DETAIL: Key (mobile)=(13800138000) already exists."))
        }
        XCTAssertEqual(try connection.query("SELECT 1 AS still_usable").value(0, "still_usable"), "1")
    }

    func testLongQueryIsCutTo200CharactersInTheError() throws {
        let connection = try PostgresConnection.connect(try TestDatabase.fresh())
        let sql = "SELECT * FROM missing_table WHERE " + String(repeating: "1 = 1 AND ", count: 50) + "true"
        XCTAssertThrowsError(try connection.query(sql)) { error in
            XCTAssertEqual((error as! PostgresError).query, String(sql.prefix(200)))
        }
    }

    func testCopyThroughExecuteIsRefusedAndLeavesTheConnectionUsable() throws {
        let connection = try PostgresConnection.connect(try TestDatabase.fresh())
        try connection.execute("CREATE TABLE t (v text)")
        XCTAssertThrowsError(try connection.execute("COPY t FROM STDIN")) { error in
            XCTAssertEqual((error as! PostgresError).kind, .protocolViolation)
        }
        XCTAssertEqual(try connection.query("SELECT count(*) AS n FROM t").value(0, "n"), "0")
    }

    func testSessionEndedByAdministratorIsRetriable() throws {
        let url = try TestDatabase.fresh()
        let victim = try PostgresConnection.connect(url)
        let pid = try XCTUnwrap(victim.query("SELECT pg_backend_pid() AS pid").value(0, "pid"))
        let admin = try PostgresConnection.connect(url)
        XCTAssertEqual(try admin.query("SELECT pg_terminate_backend($1::int) AS done", [pid]).value(0, "done"), "t")
        XCTAssertThrowsError(try victim.query("SELECT 1")) { error in
            let error = error as! PostgresError
            XCTAssertTrue(error.isRetriable, "\(error.kind) \(String(describing: error.sqlState)): \(error.message)")
        }
    }

    func testServerVersionIsFifteenOrLater() throws {
        let connection = try PostgresConnection.connect(try TestDatabase.fresh())
        XCTAssertGreaterThanOrEqual(connection.serverVersion, 150000)
    }

    func testQuoteIdentifierDoublesEmbeddedQuotes() {
        XCTAssertEqual(PostgresConnection.quoteIdentifier("my \"table\""), "\"my \"\"table\"\"\"")
    }
}
