import XCTest
import Postgres

final class DatabaseTargetTests: XCTestCase {
    private let both = ["STARCARD_DATABASE_URL": "postgresql://starcard-host/a", "DATABASE_URL": "postgresql://other/b"]

    func testExplicitDbOptionBeatsBothEnvironmentVariables() {
        XCTAssertEqual(DatabaseTarget.resolve(explicit: "postgresql://cli/c", environment: both),
                       .url("postgresql://cli/c", origin: "--db"))
    }

    func testStarcardVariableBeatsGenericDatabaseURL() {
        XCTAssertEqual(DatabaseTarget.resolve(explicit: nil, environment: both),
                       .url("postgresql://starcard-host/a", origin: "STARCARD_DATABASE_URL"))
    }

    func testGenericDatabaseURLWhenStarcardVariableIsEmpty() {
        let environment = ["STARCARD_DATABASE_URL": "", "DATABASE_URL": "postgresql://other/b"]
        XCTAssertEqual(DatabaseTarget.resolve(explicit: nil, environment: environment),
                       .url("postgresql://other/b", origin: "DATABASE_URL"))
    }

    func testNothingConfiguredMeansEmbedded() {
        XCTAssertEqual(DatabaseTarget.resolve(explicit: nil, environment: ["DATABASE_URL": ""]), .embedded)
    }

    func testExplicitEmptyStringMeansLibpqDefaults() {
        XCTAssertEqual(DatabaseTarget.resolve(explicit: "", environment: both), .url("", origin: "--db"))
    }
}
