import Cleanse
import Extract
import Foundation
import Postgres
import Warehouse

/// Throughput of one file on one core, with no database: what `starcard bench extract` prints
/// beside pandas. Two levels are measured, because they answer different questions:
/// `.cleanse` is the extract and cleanse stages alone (raw bytes → typed, cleansed records, the
/// same work as pandas' read_csv plus normalising); `.staging` adds what a run does next before
/// COPY (person keys for dedupe and the staging text of each row), through the same `FileCleaner`.
public enum ThroughputProbe {
    public enum Level: String, Sendable, CaseIterable { case cleanse, staging }

    public struct Result: Sendable {
        public var rows: Int
        public var rejected: Int
        public var bytes: Int
        public var seconds: Double
        /// CPU time of the process over the pass: on a machine whose cores other jobs share,
        /// this leaves out the time the core spent on them, which wall time does not.
        public var cpuSeconds: Double
        public var megabytesPerSecond: Double { Double(bytes) / 1_000_000 / seconds }
        public var rowsPerSecond: Double { Double(rows) / seconds }
    }

    public static func run(file: URL, kind: SourceKind, level: Level, rules: CleanseRules = .default) throws -> Result {
        let source = SourceConfig(name: "bench", kind: kind, path: ".", pattern: "*", extract: .init(), columns: [:], positions: nil)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: file.resolvingSymlinksInPath().path)[.size] as? NSNumber)?.intValue ?? 0
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = processCPUSeconds()
        var rows = 0, rejected = 0
        switch level {
        case .cleanse:
            let reader = try CSVFileReader(path: file.path, displayName: file.lastPathComponent, options: source.extract)
            let mapping = try ColumnMapping.byHeader(reader.header ?? [], kind: kind, file: file.lastPathComponent)
            let cleanser = Cleanser(kind: kind, mapping: mapping, rules: rules, file: file.lastPathComponent)
            cleanser.prefetchBatches(of: reader)
            while let raw = try reader.next() {
                rows += 1
                // Counted by the cleanser: matching the returned outcome here copied each one
                // (368 bytes) into a second temporary, ~1.7% of a pass the pipeline does not pay.
                _ = cleanser.cleanse(raw)
            }
            rejected = cleanser.rejectedCount
        case .staging:
            let cleaner = try FileCleaner(path: file.path, name: file.lastPathComponent, source: source, rules: rules)
            // The COPY text itself, as the run's writer builds it, emptied as often as it sends.
            var encoder = CopyBinaryEncoder(capacity: BinaryCopyInWriter.flushThreshold + 64 * 1024)
            var encodedBytes = 0
            let fields = StagingTable.fieldCount(for: kind)
            try cleaner.forEachClean { record, key in
                encoder.beginRow(fieldCount: fields)
                try StagingTable.encode(record, personKey: key, into: &encoder)
                if encoder.bytes.count >= BinaryCopyInWriter.flushThreshold { encodedBytes &+= encoder.bytes.count; encoder.removeAll() }
            }
            precondition(encodedBytes >= 0)
            rows = cleaner.read
            rejected = cleaner.rejects.count
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Result(rows: rows, rejected: rejected, bytes: bytes, seconds: seconds, cpuSeconds: processCPUSeconds() - cpuStart)
    }

    private static func processCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}

