import CLibPQ

extension PostgresConnection {
    /// Runs `body` in a transaction: COMMIT when it returns, ROLLBACK when it throws (the
    /// original error is rethrown). Called inside another transaction it uses a savepoint, so only
    /// the inner work is undone.
    ///
    /// A COMMIT that the server turns into a ROLLBACK (because a statement failed and `body`
    /// swallowed the error) throws SQLSTATE 25P02 rather than passing silently.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        let savepoint = PQtransactionStatus(handle) == PQTRANS_IDLE ? nil : "starcard_sp_\(transactionDepth)"
        try execute(savepoint.map { "SAVEPOINT \($0)" } ?? "BEGIN")
        transactionDepth += 1
        defer { transactionDepth -= 1 }

        let value: T
        do {
            value = try body()
        } catch {
            let rollback = savepoint.map { "ROLLBACK TO SAVEPOINT \($0); RELEASE SAVEPOINT \($0)" } ?? "ROLLBACK"
            do { try execute(rollback) } catch let rollbackError {
                logger?.warning("rollback failed after an error", metadata: ["error": "\(rollbackError)"])
            }
            throw error
        }

        if let savepoint {
            try execute("RELEASE SAVEPOINT \(savepoint)")
        } else if try query("COMMIT").commandTag == "ROLLBACK" {
            throw PostgresError(kind: .server,
                                message: "the transaction was rolled back, not committed, because a statement in it failed",
                                sqlState: "25P02",
                                hint: "an error inside the transaction was caught and ignored; let it propagate",
                                query: "COMMIT")
        }
        return value
    }

    /// Takes the session-level advisory lock `key` if no other session holds it, without waiting.
    /// Returns whether this session now holds it; the lock lasts until `advisoryUnlock` or disconnect.
    public func tryAdvisoryLock(_ key: Int64) throws(PostgresError) -> Bool {
        try query("SELECT pg_try_advisory_lock($1::bigint) AS locked", [String(key)]).rows.first?.first == "t"
    }

    /// Releases the session-level advisory lock `key`.
    /// - Throws: `.protocolViolation` when this session did not hold it.
    public func advisoryUnlock(_ key: Int64) throws(PostgresError) {
        let released = try query("SELECT pg_advisory_unlock($1::bigint) AS released", [String(key)]).rows.first?.first
        guard released == "t" else {
            throw PostgresError(kind: .protocolViolation,
                                message: "advisory lock \(key) was not held by this session, so it could not be released")
        }
    }
}
