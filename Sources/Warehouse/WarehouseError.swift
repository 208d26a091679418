/// Faults of the load stage that are not the server's own errors.
public enum WarehouseError: Error, CustomStringConvertible, Sendable {
    case unexpected(String)
    /// Staged rows whose natural key is nowhere in the warehouse after the merge: rows would be lost.
    case lostRows(file: String, staged: Int, present: Int)
    /// The ledger for a file does not add up.
    case unbalanced(file: String, read: Int, loaded: Int, rejected: Int, merged: Int)

    public var description: String {
        switch self {
        case .unexpected(let s): "unexpected answer from the database: \(s)"
        case .lostRows(let f, let staged, let present):
            "\(f): \(staged - present) of \(staged) staged rows did not reach the warehouse — the run was rolled back; this is a bug in the load SQL, please report it with the file"
        case .unbalanced(let f, let read, let loaded, let rejected, let merged):
            "\(f): read \(read) ≠ loaded \(loaded) + rejected \(rejected) + merged \(merged) — the run was rolled back; this is a bug, please report it with the file"
        }
    }
}
