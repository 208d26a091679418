import CLibPQ

extension PostgresError {
    /// Reads the server's error fields from a failed result. A fatal result without SQLSTATE on a
    /// connection that went bad means the socket broke mid-statement, which is retriable.
    static func from(result: OpaquePointer?, connection: OpaquePointer, query: String?) -> PostgresError {
        guard let result else {
            return PostgresError(kind: PQstatus(connection) == CONNECTION_BAD ? .connection : .protocolViolation,
                                 message: lastMessage(of: connection, or: "no result from the server"),
                                 query: query)
        }
        func field(_ code: Character) -> String? {
            guard let value = PQresultErrorField(result, Int32(code.asciiValue!)) else { return nil }
            return String(cString: value)
        }
        let sqlState = field("C")
        let primary = field("M") ?? String(cString: PQresultErrorMessage(result))
        if sqlState == nil && PQstatus(connection) == CONNECTION_BAD {
            return PostgresError(kind: .connection,
                                 message: "lost the connection to the database server: \(primary)",
                                 query: query)
        }
        return PostgresError(kind: sqlState == nil ? .protocolViolation : .server, message: primary,
                             sqlState: sqlState, detail: field("D"), hint: field("H"),
                             context: field("W"), query: query)
    }

    /// libpq keeps the last client-side failure on the connection, ending in a newline.
    static func lastMessage(of connection: OpaquePointer?, or fallback: String) -> String {
        guard let connection, let text = PQerrorMessage(connection) else { return fallback }
        let message = oneLine(String(cString: text))
        return message.isEmpty ? fallback : message
    }
}
