import XCTest
import Postgres

final class PostgresErrorTests: XCTestCase {
    private func server(_ state: String) -> PostgresError {
        PostgresError(kind: .server, message: "m", sqlState: state)
    }

    func testRetriableStatesAreConnectionClassSerializationDeadlockAndShutdown() {
        for state in ["08006", "08001", "40001", "40P01", "57P01", "57P02", "57P03"] {
            XCTAssertTrue(server(state).isRetriable, state)
        }
        for state in ["23505", "42P01", "22P02", "57014", "40002"] {
            XCTAssertFalse(server(state).isRetriable, state)
        }
    }

    func testMultiLineLibpqMessageIsFoldedIntoOneLine() {
        let error = PostgresError(kind: .connection, message: "connection failed: No such file\n\tIs the server running?\n")
        XCTAssertEqual(error.message, "connection failed: No such file Is the server running?")
    }

    func testDescriptionPutsSummaryFirstThenDetailHintContext() {
        let error = PostgresError(kind: .server, message: "boom", sqlState: "22P02", detail: "d", hint: "h", context: "c")
        XCTAssertEqual(error.description, "boom (SQLSTATE 22P02)\nDETAIL: d\nHINT: h\nCONTEXT: c")
    }
}
