import CLibPQ
import Foundation
import Logging

/// One libpq connection, owned: the `PGconn` is closed when the object goes away.
///
/// Not `Sendable`: libpq connections must not be used from two threads at once, so give each
/// task or thread its own connection.
public final class PostgresConnection {
    let handle: OpaquePointer
    let logger: Logger?
    /// Kept alive as long as the connection because libpq holds a raw pointer to it.
    private let noticeSink: NoticeSink
    /// Depth of `transaction` calls, to give nested savepoints distinct names.
    var transactionDepth = 0

    private init(handle: OpaquePointer, logger: Logger?) {
        self.handle = handle
        self.logger = logger
        self.noticeSink = NoticeSink(logger: logger)
        PQsetNoticeReceiver(handle, { context, result in
            guard let context, let result else { return }
            Unmanaged<NoticeSink>.fromOpaque(context).takeUnretainedValue().receive(result)
        }, Unmanaged.passUnretained(noticeSink).toOpaque())
    }

    deinit { PQfinish(handle) }

    /// Opens a connection.
    ///
    /// - Parameter conninfo: a `postgresql://` URL or a `key=value` string. An empty string means
    ///   "libpq defaults", so `PG*` environment variables, service files and `~/.pgpass` apply.
    /// - Throws: `PostgresError` of kind `.connection` whose first line names the host or socket
    ///   tried and libpq's reason; the conninfo itself is never echoed because it may hold a password.
    public static func connect(_ conninfo: String, logger: Logger? = nil) throws(PostgresError) -> PostgresConnection {
        guard let handle = PQconnectdb(conninfo) else {
            throw PostgresError(kind: .connection, message: "libpq could not allocate a connection (out of memory)")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let reason = PostgresError.lastMessage(of: handle, or: "unknown reason")
            let target = describeTarget(handle)
            PQfinish(handle)
            throw PostgresError(kind: .connection, message:
                "could not connect to the database server at \(target): \(reason) — check the URL, "
                + "that the server runs, or unset DATABASE_URL to use the embedded server")
        }
        let connection = PostgresConnection(handle: handle, logger: logger)
        logger?.debug("connected to PostgreSQL", metadata: [
            "server": "\(describeTarget(handle))", "serverVersion": "\(connection.serverVersion)",
        ])
        return connection
    }

    /// `PQserverVersion`: major × 10000 + minor for PostgreSQL 10 and later, e.g. 150004.
    public var serverVersion: Int { Int(PQserverVersion(handle)) }

    /// Runs SQL through the simple-query protocol: no parameters, but several statements
    /// separated by semicolons are allowed (migrations). Results are discarded.
    public func execute(_ sql: String) throws(PostgresError) {
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        try check(result, sql: sql)
    }

    /// Runs one statement with `$1...$n` bound to `params` in text format; `nil` binds SQL NULL.
    /// Values never become part of the SQL text.
    @discardableResult
    public func query(_ sql: String, _ params: [String?] = []) throws(PostgresError) -> QueryResult {
        let result = withCStrings(params) { values in
            PQexecParams(handle, sql, Int32(values.count), nil, values, nil, nil, 0)
        }
        defer { PQclear(result) }
        try check(result, sql: sql)
        return QueryResult(result!)
    }

    /// Throws unless `result` reports success. A COPY started through `execute` or `query` is
    /// refused, because the connection would otherwise stay stuck in COPY mode.
    func check(_ result: OpaquePointer?, sql: String) throws(PostgresError) {
        switch result.map(PQresultStatus) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return
        case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
            abandonCopy(reason: "COPY must go through copyIn")
            throw PostgresError(kind: .protocolViolation,
                                message: "COPY statements must be run with copyIn, not execute or query",
                                query: sql)
        default:
            throw PostgresError.from(result: result, connection: handle, query: sql)
        }
    }

    /// Ends a COPY the server started and drains its results so the connection is usable again.
    func abandonCopy(reason: String) {
        _ = PQputCopyEnd(handle, reason)
        var chunk: UnsafeMutablePointer<CChar>?
        while PQgetCopyData(handle, &chunk, 0) > 0 { PQfreemem(chunk) }
        while let result = PQgetResult(handle) { PQclear(result) }
    }

    /// Names where libpq tried to connect without repeating credentials: socket folder or host, and port.
    private static func describeTarget(_ handle: OpaquePointer) -> String {
        let host = PQhost(handle).map { String(cString: $0) } ?? ""
        let port = PQport(handle).map { String(cString: $0) } ?? ""
        let place = host.isEmpty ? "the default socket" : host.hasPrefix("/") ? "socket folder \(host)" : host
        return port.isEmpty ? place : "\(place) port \(port)"
    }
}

/// Routes server notices (NOTICE, WARNING) to the logger at debug level instead of stderr,
/// which would garble a CLI's progress display.
private final class NoticeSink {
    let logger: Logger?
    init(logger: Logger?) { self.logger = logger }

    func receive(_ result: OpaquePointer) {
        guard let logger, let text = PQresultErrorMessage(result) else { return }
        logger.debug("\(PostgresError.oneLine(String(cString: text)))", metadata: ["source": "postgres-notice"])
    }
}

/// Lends `strings` to C as NUL-terminated pointers, `nil` staying a null pointer, for one call.
func withCStrings<R>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    let copies = strings.map { $0.map { strdup($0) } ?? nil }
    defer { copies.forEach { free($0) } }
    return body(copies.map { $0.map { UnsafePointer($0) } })
}
