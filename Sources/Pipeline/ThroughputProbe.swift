import Cleanse
import Foundation
import Warehouse

/// Extract + cleanse throughput of one file, on one core, with no database: what `starcard bench
/// extract` prints beside pandas. It runs the same `FileCleaner` as a real run and renders each
/// clean record to its staging text, stopping short of COPY.
public enum ThroughputProbe {
    public struct Result: Sendable {
        public var rows: Int
        public var rejected: Int
        public var bytes: Int
        public var seconds: Double
        public var megabytesPerSecond: Double { Double(bytes) / 1_000_000 / seconds }
        public var rowsPerSecond: Double { Double(rows) / seconds }
    }

    public static func extractAndCleanse(file: URL, kind: SourceKind, rules: CleanseRules = .default) throws -> Result {
        let source = SourceConfig(name: "bench", kind: kind, path: ".", pattern: "*", extract: .init(), columns: [:], positions: nil)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue ?? 0
        let start = DispatchTime.now().uptimeNanoseconds
        let cleaner = try FileCleaner(path: file.path, name: file.lastPathComponent, source: source, rules: rules)
        var fieldsRendered = 0
        try cleaner.forEachClean { record, key in
            fieldsRendered &+= StagingTable.fields(record, personKey: key).count
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        precondition(fieldsRendered >= 0)
        return Result(rows: cleaner.read, rejected: cleaner.rejects.count, bytes: bytes, seconds: seconds)
    }
}
