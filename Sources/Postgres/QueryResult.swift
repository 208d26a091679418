import CLibPQ

/// The rows of one statement, copied out of libpq in text format so it can outlive the connection.
public struct QueryResult: Sendable {
    /// Column names in result order.
    public let columns: [String]
    /// Cell values as PostgreSQL's text output; `nil` is SQL NULL.
    public let rows: [[String?]]
    /// Rows touched by INSERT/UPDATE/DELETE/COPY (PQcmdTuples), or rows returned by SELECT.
    public let affectedRows: Int
    /// The server's command tag, e.g. `INSERT 0 3`, `COMMIT`, or `ROLLBACK` for a failed commit.
    public let commandTag: String

    /// Number of rows returned.
    public var rowCount: Int { rows.count }

    init(_ result: OpaquePointer) {
        let columnCount = PQnfields(result)
        let rowCount = PQntuples(result)
        columns = (0..<columnCount).map { String(cString: PQfname(result, $0)) }
        rows = (0..<rowCount).map { row in
            (0..<columnCount).map { column in
                PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
            }
        }
        affectedRows = Int(String(cString: PQcmdTuples(result))) ?? 0
        commandTag = String(cString: PQcmdStatus(result))
    }

    /// The value at `row` in the column named `column`, `nil` for SQL NULL.
    ///
    /// A column name the statement does not return is a programming error and stops the program
    /// with the names it does return.
    public func value(_ row: Int, _ column: String) -> String? {
        guard let index = columns.firstIndex(of: column) else {
            preconditionFailure("no column \"\(column)\" in result; columns are: \(columns.joined(separator: ", "))")
        }
        return rows[row][index]
    }
}
