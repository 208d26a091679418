import Foundation

/// A failure talking to PostgreSQL, sorted by what the caller should do about it.
///
/// `description` starts with one line that says what happened and how to fix it; DETAIL, HINT,
/// CONTEXT and the (shortened) query follow on later lines so logs keep the server's evidence.
public struct PostgresError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure this is; decides whether a retry can help.
    public enum Kind: Sendable {
        /// The server could not be reached or the connection broke; retrying may help.
        case connection
        /// The server rejected a statement; `sqlState` says why.
        case server
        /// The server or the caller did something this layer does not expect
        /// (wrong result kind, API misuse such as unlocking a lock not held).
        case protocolViolation
        /// Sending COPY data failed on the client side.
        case copy
    }

    /// What kind of failure this is.
    public let kind: Kind
    /// The five-character SQLSTATE code for server errors, e.g. `23505`.
    public let sqlState: String?
    /// The primary message, on one line.
    public let message: String
    /// The server's DETAIL field, e.g. which key value was duplicated.
    public let detail: String?
    /// The server's HINT field.
    public let hint: String?
    /// The server's CONTEXT field; for COPY it names the input line and column.
    public let context: String?
    /// The statement that failed, cut to its first 200 characters.
    public let query: String?

    /// Creates an error; `query` is shortened to 200 characters and `message` folded to one line.
    public init(kind: Kind, message: String, sqlState: String? = nil, detail: String? = nil,
                hint: String? = nil, context: String? = nil, query: String? = nil) {
        self.kind = kind
        self.message = PostgresError.oneLine(message)
        self.sqlState = sqlState
        self.detail = detail
        self.hint = hint
        self.context = context
        self.query = query.map { String($0.prefix(200)) }
    }

    /// True when the same work may succeed if tried again on a fresh connection or transaction:
    /// lost connections (class 08), serialization failures (40001), deadlocks (40P01) and
    /// administrator or crash shutdowns (57P01...57P03).
    public var isRetriable: Bool {
        if kind == .connection { return true }
        guard let state = sqlState else { return false }
        return state.hasPrefix("08") || ["40001", "40P01", "57P01", "57P02", "57P03"].contains(state)
    }

    public var description: String {
        var lines = [sqlState.map { "\(message) (SQLSTATE \($0))" } ?? message]
        if let detail { lines.append("DETAIL: \(detail)") }
        if let hint { lines.append("HINT: \(hint)") }
        if let context { lines.append("CONTEXT: \(context)") }
        if let query { lines.append("QUERY: \(PostgresError.oneLine(query))") }
        return lines.joined(separator: "\n")
    }

    /// libpq messages end with newlines and indent follow-up lines with tabs; a CLI shows one line.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}
