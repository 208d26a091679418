import Cleanse
import Dedupe
import Scoring
import Warehouse

/// What a run did: the ledger of every file, the linkage and the marts it published.
public struct RunSummary: Sendable {
    public var runId: Int64
    public var pipeline: String
    public var files: [FileLedger]
    public var customersLinked: Int
    public var newCustomers: Int
    public var merges: Int
    public var marts: [MartSummary]
    public var asOf: Day?
    public var seconds: Double

    public var rowsRead: Int { files.reduce(0) { $0 + $1.rowsRead } }
    public var rowsLoaded: Int { files.reduce(0) { $0 + $1.rowsLoaded } }
    public var rowsRejected: Int { files.reduce(0) { $0 + $1.rowsRejected } }
    public var rowsMerged: Int { files.reduce(0) { $0 + $1.rowsMerged } }
    public var failedFiles: [FileLedger] { files.filter { $0.status == .failed } }
}

/// Errors that stop a run before or while it works (not row rejects, which are data).
public enum PipelineError: Error, CustomStringConvertible, Sendable {
    case dataFolderMissing(String)
    case noDataFolder(pipeline: String)
    case runInProgress
    case ledgerMismatch(String)

    public var description: String {
        switch self {
        case .dataFolderMissing(let p): "data folder \(p) does not exist — pass --data DIR or fix data_dir in the pipeline file"
        case .noDataFolder(let p): "\(p) names no data folder — pass --data DIR or set data_dir under [pipeline]"
        case .runInProgress: "another starcard run holds the run lock on this database — wait for it to finish (see `starcard status`)"
        case .ledgerMismatch(let m): "the run ledger does not add up (\(m)) — the run was rolled back; this is a bug, please report it"
        }
    }
}

/// Progress of long work, shown on a terminal by the CLI.
public protocol ProgressReporter: Sendable {
    func fileStarted(_ file: String, bytes: Int)
    func fileFinished(_ ledger: FileLedger, seconds: Double)
    func stage(_ name: String)
}
