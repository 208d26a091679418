import CLibPQ

extension PostgresConnection {
    /// Runs `copyStatement` (a `COPY ... FROM STDIN`, text format) and lets `body` write the rows.
    ///
    /// - Returns: the number of rows the server reports it stored.
    /// - Throws: the server's error when it rejects a row — with SQLSTATE (e.g. `22P02`) and the
    ///   CONTEXT naming the COPY line and column; or whatever `body` threw, after cancelling the COPY
    ///   so the connection stays usable.
    public func copyIn(_ copyStatement: String, _ body: (inout CopyInWriter) throws -> Void) throws -> Int {
        try copy(copyStatement, body)
    }

    /// Runs `copyStatement` (a `COPY ... FROM STDIN (FORMAT binary)`) and lets `body` write the
    /// rows; returns and throws as `copyIn` does. A row that does not fit its columns (a field
    /// count or type mismatch) is the server's error, with the COPY line.
    public func copyInBinary(_ copyStatement: String, _ body: (inout BinaryCopyInWriter) throws -> Void) throws -> Int {
        try copy(copyStatement, body)
    }

    private func copy<Encoder: CopyEncoding>(_ copyStatement: String, _ body: (inout CopyWriter<Encoder>) throws -> Void) throws -> Int {
        let start = PQexec(handle, copyStatement)
        let status = start.map(PQresultStatus)
        guard status == PGRES_COPY_IN else {
            defer { PQclear(start) }
            if status == PGRES_FATAL_ERROR || status == PGRES_NONFATAL_ERROR || start == nil {
                throw PostgresError.from(result: start, connection: handle, query: copyStatement)
            }
            if status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH { abandonCopy(reason: "not COPY FROM STDIN") }
            throw PostgresError(kind: .protocolViolation,
                                message: "copyIn needs a COPY ... FROM STDIN statement", query: copyStatement)
        }
        PQclear(start)

        var writer = CopyWriter<Encoder>(connection: handle)
        do {
            try body(&writer)
            try writer.finish()
        } catch {
            // The server's own complaint explains a failed send better than libpq's "connection
            // lost"; a caller's error is the caller's story and wins otherwise.
            let serverError = endCopy(abortReason: "client aborted COPY: \(error)", statement: copyStatement).failure
            if let clientError = error as? PostgresError, clientError.kind == .copy, let serverError { throw serverError }
            throw error
        }
        let outcome = endCopy(abortReason: nil, statement: copyStatement)
        if let failure = outcome.failure { throw failure }
        logger?.debug("COPY finished", metadata: ["rows": "\(outcome.rows)"])
        return outcome.rows
    }

    /// Sends CopyDone (or CopyFail with `abortReason`) and reads every result until libpq has none,
    /// which both reports the outcome and leaves the connection ready for the next statement.
    private func endCopy(abortReason: String?, statement: String) -> (rows: Int, failure: PostgresError?) {
        var failure: PostgresError?
        if PQputCopyEnd(handle, abortReason) != 1 {
            failure = PostgresError(kind: .copy, message: "could not finish COPY: "
                                    + PostgresError.lastMessage(of: handle, or: "connection lost"), query: statement)
        }
        var rows = 0
        while let result = PQgetResult(handle) {
            switch PQresultStatus(result) {
            case PGRES_COMMAND_OK:
                rows = Int(String(cString: PQcmdTuples(result))) ?? 0
            default:
                if failure == nil || failure?.sqlState == nil {
                    failure = PostgresError.from(result: result, connection: handle, query: statement)
                }
            }
            PQclear(result)
        }
        return (rows, failure)
    }
}
