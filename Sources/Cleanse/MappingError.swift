/// The header of a file does not fit its source kind. Thrown before any row is read; lists every
/// problem at once.
public struct MappingError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file whose header was mapped.
    public var file: String
    /// The kind of source the file was declared as.
    public var kind: SourceKind
    /// Required canonical fields no column maps to.
    public var missingRequired: [String] = []
    /// Header names (or positional field names) that match no canonical field.
    public var unknownColumns: [String] = []
    /// Canonical fields that more than one column maps to.
    public var duplicateFields: [String] = []
    /// Keys of `extraAliases` that are not canonical fields.
    public var unknownTargets: [String] = []
    /// For each missing field, the header names that would have matched it.
    public var acceptedHeaders: [String: [String]] = [:]
    /// The pipeline's name for the source, when the caller sets it, to name the exact TOML table.
    public var sourceName: String?

    public init(file: String, kind: SourceKind) { self.file = file; self.kind = kind }

    var hasProblems: Bool {
        !(missingRequired.isEmpty && unknownColumns.isEmpty && duplicateFields.isEmpty && unknownTargets.isEmpty)
    }

    /// One line: the file, every problem, and the TOML table to fix it in.
    public var description: String {
        func quoted(_ names: [String]) -> String { names.map { "'\($0)'" }.joined(separator: ", ") }
        var parts: [String] = []
        if !missingRequired.isEmpty {
            let accepted = missingRequired.map { "\($0) (headers accepted: \(acceptedHeaders[$0]?.joined(separator: "/") ?? $0))" }
            parts.append("missing required column(s) \(accepted.joined(separator: ", "))")
        }
        if !unknownColumns.isEmpty {
            parts.append("unknown column(s) \(quoted(unknownColumns)) (map each to a field, or list it under _ignore)")
        }
        if !duplicateFields.isEmpty { parts.append("more than one column maps to \(quoted(duplicateFields))") }
        if !unknownTargets.isEmpty {
            parts.append("\(quoted(unknownTargets)) are not \(kind.rawValue) fields (known: \(ColumnMapping.canonicalFields(kind).joined(separator: ", ")))")
        }
        let example = missingRequired.first ?? ColumnMapping.canonicalFields(kind)[0]
        return "\(file): \(kind.rawValue) header does not fit: \(parts.joined(separator: "; ")); fix it under [sources.\(sourceName ?? "<name>").columns] in the pipeline TOML, e.g. \(example) = [\"<header in the file>\"] or _ignore = [\"<column to skip>\"]"
    }
}
