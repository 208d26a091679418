import Cleanse
import Dedupe
import Extract
import Warehouse

/// Extract and cleanse of one file: opens the reader, maps the header, cleanses every record and
/// keeps the tallies, the quarantine and the persons seen. The load stage and the throughput
/// benchmark both drive it, so the benchmark measures exactly what a run does.
final class FileCleaner {
    let reader: CSVFileReader
    let cleanser: Cleanser
    private(set) var read = 0
    private(set) var rejects: [Rejection] = []
    private(set) var issues: [FieldIssue] = []
    private(set) var persons = PersonTable()
    private var hasher = PersonKeyHasher()
    private(set) var latest: Day?

    init(path: String, name: String, source: SourceConfig, rules: CleanseRules) throws {
        reader = try CSVFileReader(path: path, displayName: name, options: source.extract)
        let mapping: ColumnMapping
        do {
            if let positions = source.positions {
                mapping = try ColumnMapping.byPosition(positions, kind: source.kind, file: name)
            } else {
                mapping = try ColumnMapping.byHeader(reader.header ?? [], kind: source.kind,
                                                     extraAliases: source.columns, file: name)
            }
        } catch var e {
            e.sourceName = source.name   // so the message names the TOML table to edit
            throw e
        }
        cleanser = Cleanser(kind: source.kind, mapping: mapping, rules: rules, file: name)
        cleanser.prefetchBatches(of: reader)
    }

    /// Calls `body` with every clean record and the digest of its person (its person key).
    func forEachClean(_ body: (CleanRecord, PersonDigest) throws -> Void) throws {
        while let record = try nextClean() {
            let digest = personDigest(of: record)
            sight(record, digest: digest)
            try body(record, digest)
        }
    }

    /// Reads and cleanses records up to the next clean one (nil at the end of the file), counting
    /// every record read and keeping the rejects and field issues on the way.
    func nextClean() throws -> CleanRecord? {
        while let raw = try reader.next() {
            read += 1
            switch cleanser.cleanse(raw) {
            case .rejected(let r):
                rejects.append(r)
            case .clean(let record, let found):
                if !found.isEmpty { issues.append(contentsOf: found) }
                return record
            }
        }
        return nil
    }

    /// The digest of the record's person: its person key.
    func personDigest(of record: CleanRecord) -> PersonDigest {
        hasher.digest(record.person)
    }

    /// Counts a sighting of the record's person (whose digest is `digest`) on its business date.
    func sight(_ record: CleanRecord, digest: PersonDigest) {
        let day = StagingTable.businessDate(record)
        if latest.map({ day > $0 }) ?? true { latest = day }
        _ = persons.sight(record.person, digest: digest, on: day)
    }
}
