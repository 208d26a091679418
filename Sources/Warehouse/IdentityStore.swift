import Cleanse
import Dedupe
import Logging
import Postgres

/// Dedupe's durable memory in the warehouse: reads the part of `dw.customer_identity` one run's
/// linking can touch, and writes what linking decided (persons, incoming customers, identity keys,
/// merges) for the load scripts. Everything runs inside the caller's transaction.
public struct IdentityStore {
    let db: PostgresConnection
    let logger: Logger

    public init(_ db: PostgresConnection, logger: Logger) { self.db = db; self.logger = logger }

    /// The known keys `request` asks for (see `HistoryRequest`) and the next free customer id.
    ///
    /// Memory and time follow the run, not the history: the request goes in by COPY and
    /// `dw.identity_history()` (migration 010) answers it with index probes and short range scans.
    public func history(for request: HistoryRequest) throws -> IdentityMap {
        let next = try db.query("SELECT coalesce(max(customer_id), 0) + 1 FROM dw.dim_customer").rows.first?[0]
        let nextCustomerId = next.flatMap { Int64($0) } ?? 1
        let empty = try db.query("SELECT NOT EXISTS (SELECT 1 FROM dw.customer_identity)").rows.first?[0] == "t"
        guard !empty, !(request.keys.isEmpty && request.blocks.isEmpty) else {
            return IdentityMap(keys: [:], nextCustomerId: nextCustomerId)
        }
        try db.execute("TRUNCATE staging.stg_history_key, staging.stg_history_block")
        _ = try db.copyIn(CopyStatements.historyKeys) { w in
            for key in request.keys { try w.writeRow([key]) }
        }
        _ = try db.copyIn(CopyStatements.historyBlocks) { w in
            for block in request.blocks { try w.writeRow([block]) }
        }
        // Fresh statistics let the planner pick index probes for a night and a hash join for a
        // request as large as the history.
        try db.execute("ANALYZE staging.stg_history_key, staging.stg_history_block")
        var keys: [String: Int64] = [:]
        for row in try db.query("SELECT identity_key, customer_id FROM dw.identity_history()").rows {
            if let k = row[0], let v = row[1].flatMap({ Int64($0) }) { keys[k] = v }
        }
        return IdentityMap(keys: keys, nextCustomerId: nextCustomerId)
    }

    /// Copies the linked persons, the customers' incoming attributes, the identity keys whose
    /// customer is new or changed, and the merges into place. `persons` are the sightings `link`
    /// was computed from, in the same order; `known` is the history `link` was given.
    ///
    /// The customers' attributes are gathered on another core while the persons and identity
    /// keys stream in, since the server, not this process, is the busy one then.
    func persist(persons: [PersonSighting], link: LinkResult, known: IdentityMap) throws {
        guard persons.count == link.customers.count else {
            throw WarehouseError.unexpected("dedupe linked \(link.customers.count) persons, the run has \(persons.count)")
        }
        let ids = link.customers
        let customers = Background { IncomingCustomer.build(persons, customers: ids) }
        // Binary COPY: the server neither splits text nor parses 1.2M uuids from hex (0.3 of 0.7 s).
        _ = try logger.timed("copy persons") {
            try db.copyInBinary(CopyStatements.person) { w in
                // Only the key read from each sighting: iterating the sightings themselves copies
                // each one, a dozen retains per row.
                try persons.withUnsafeBufferPointer { persons in
                    for i in persons.indices {
                        guard let key = PersonDigest(hex: persons[i].key) else {
                            throw WarehouseError.unexpected("person key \(persons[i].key) is not 32 hex digits")
                        }
                        try w.writeRow(fieldCount: 2) { row in
                            row.append(uuidHigh: key.high, low: key.low)
                            row.append(int8: ids[i])
                        }
                    }
                }
            }
        }
        try persistKeys(link.newIdentityKeys, known: known)
        let incoming = logger.timed("incoming customers") { customers.wait() }
        _ = try logger.timed("copy customers") {
            try db.copyInBinary(CopyStatements.customer) { w in
                for c in incoming {
                    try w.writeRow(fieldCount: IncomingCustomer.fieldCount) { row throws(PostgresError) in try c.encode(into: &row) }
                }
            }
        }
        if !link.merges.isEmpty {
            _ = try db.copyIn(CopyStatements.merges) { w in
                for m in link.merges { try w.writeRow([String(m.from), String(m.to)]) }
            }
        }
    }

    /// Keys never seen before go straight into the warehouse with COPY; the few known keys that
    /// now point elsewhere (their customer was merged) are updated through staging.
    private func persistKeys(_ changed: [(key: String, customerId: Int64)], known: IdentityMap) throws {
        // A first run knows no keys: nothing to look up in a million-key pass.
        var fresh = known.keys.isEmpty ? changed : changed.filter { known.keys[$0.key] == nil }
        let moved = known.keys.isEmpty ? [] : changed.filter { known.keys[$0.key] != nil }
        if !fresh.isEmpty {
            let run = try db.query("SELECT current_setting('starcard.run_id')").rows.first?[0] ?? nil
            try logger.timed("copy identity keys") {
                // Into an empty table the btrees are built once after the COPY; otherwise keys in
                // order let the primary-key btree grow at its right edge instead of splitting pages
                // at random.
                let bulk = try db.query("SELECT dw.begin_identity_bulk_load()").rows.first?[0] == "t"
                if !bulk { fresh.sort { $0.key < $1.key } }
                // Into the table this transaction emptied, rows go in frozen and their pages
                // all-visible, so a night's key lookups stay in the index (migration 022).
                _ = try db.copyIn(CopyStatements.newIdentityKeys + (bulk ? " (FREEZE)" : "")) { w in
                    var row: [String?] = [nil, nil, run]
                    for k in fresh {
                        row[0] = k.key
                        row[1] = String(k.customerId)
                        try w.writeRow(row)
                    }
                }
                if bulk { try db.execute("SELECT dw.end_identity_bulk_load()") }
            }
        }
        if !moved.isEmpty {
            _ = try db.copyIn(CopyStatements.movedIdentityKeys) { w in
                for k in moved { try w.writeRow([k.key, String(k.customerId)]) }
            }
        }
    }
}
