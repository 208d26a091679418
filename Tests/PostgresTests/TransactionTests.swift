import XCTest
import TestSupport

private struct Abort: Error {}

final class TransactionTests: XCTestCase {
    private func connectionWithTable() throws -> PostgresConnection {
        let connection = try PostgresConnection.connect(try TestDatabase.fresh(name))
        try connection.execute("CREATE TABLE t (v int)")
        return connection
    }

    private func count(_ connection: PostgresConnection) throws -> String? {
        try connection.query("SELECT count(*) AS n FROM t").value(0, "n")
    }

    func testTransactionCommitsWhenBodyReturns() throws {
        let connection = try connectionWithTable()
        let value = try connection.transaction { () throws -> Int in
            try connection.execute("INSERT INTO t VALUES (1)")
            return 7
        }
        XCTAssertEqual(value, 7)
        XCTAssertEqual(try count(connection), "1")
    }

    func testTransactionRollsBackWhenBodyThrowsAndRethrowsTheSameError() throws {
        let connection = try connectionWithTable()
        XCTAssertThrowsError(try connection.transaction {
            try connection.execute("INSERT INTO t VALUES (1)")
            throw Abort()
        }) { error in XCTAssertTrue(error is Abort) }
        XCTAssertEqual(try count(connection), "0")
    }

    func testSwallowedStatementErrorMakesCommitThrow25P02InsteadOfSilentRollback() throws {
        let connection = try connectionWithTable()
        XCTAssertThrowsError(try connection.transaction {
            try connection.execute("INSERT INTO t VALUES (1)")
            _ = try? connection.execute("SELECT * FROM missing")
        }) { error in XCTAssertEqual((error as? PostgresError)?.sqlState, "25P02") }
        XCTAssertEqual(try count(connection), "0")
    }

    func testNestedTransactionThatThrowsUndoesOnlyItsOwnWork() throws {
        let connection = try connectionWithTable()
        try connection.transaction {
            try connection.execute("INSERT INTO t VALUES (1)")
            _ = try? connection.transaction {
                try connection.execute("INSERT INTO t VALUES (2)")
                throw Abort()
            }
        }
        XCTAssertEqual(try connection.query("SELECT v FROM t").rows, [["1"]])
    }

    func testSecondConnectionCannotTakeAdvisoryLockWhileFirstHoldsIt() throws {
        let url = try TestDatabase.fresh()
        let first = try PostgresConnection.connect(url)
        let second = try PostgresConnection.connect(url)
        XCTAssertTrue(try first.tryAdvisoryLock(42))
        XCTAssertFalse(try second.tryAdvisoryLock(42))
        XCTAssertTrue(try second.tryAdvisoryLock(43), "a different key is independent")
        try first.advisoryUnlock(42)
        XCTAssertTrue(try second.tryAdvisoryLock(42))
    }

    func testUnlockingAnAdvisoryLockNotHeldThrows() throws {
        let connection = try PostgresConnection.connect(try TestDatabase.fresh())
        XCTAssertThrowsError(try connection.advisoryUnlock(-9_000_000_000)) { error in
            XCTAssertEqual((error as? PostgresError)?.kind, .protocolViolation)
        }
    }
}
