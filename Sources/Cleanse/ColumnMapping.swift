import Foundation

/// Which column of a file holds which canonical field. Built once per file, before any row is
/// read, so that every header problem is reported at once and rows are read by index.
public struct ColumnMapping: Sendable {
    /// The canonical field name that tells the mapping to skip a column.
    public static let ignoreField = "_ignore"

    /// The source kind the mapping was made for.
    public let kind: SourceKind
    /// Number of columns every record must have.
    public let columnCount: Int
    private let columnOfField: [String: Int]

    /// The column index of a canonical field, nil when the file does not have it.
    public func column(of field: String) -> Int? { columnOfField[field] }

    /// Maps the header to canonical fields by name, with built-in aliases (English and Chinese)
    /// plus `extraAliases` (canonical → [aliases]) from the pipeline. Names are compared ignoring
    /// case, surrounding spaces, a BOM, full-width forms, traditional script and ` `/`-` vs `_`.
    /// Columns listed under `extraAliases["_ignore"]` are skipped; any other unknown column is an error.
    public static func byHeader(_ header: [String], kind: SourceKind, extraAliases: [String: [String]] = [:],
                                file: String) throws(MappingError) -> ColumnMapping {
        let han = HanTransliterator()
        let specs = specs(kind)
        var fieldOfKey: [String: String] = [:]
        for spec in specs {
            fieldOfKey[headerKey(spec.name, han: han)] = spec.name
            for alias in spec.aliases { fieldOfKey[headerKey(alias, han: han)] = spec.name }
        }
        var error = MappingError(file: file, kind: kind)
        let known = Set(specs.map(\.name) + [ignoreField])
        for (field, aliases) in extraAliases {
            guard known.contains(field) else { error.unknownTargets.append(field); continue }
            for alias in aliases { fieldOfKey[headerKey(alias, han: han)] = field }
        }
        var columnOfField: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            guard let field = fieldOfKey[headerKey(name, han: han)] else { error.unknownColumns.append(name); continue }
            if field == ignoreField { continue }
            if columnOfField[field] != nil { error.duplicateFields.append(field); continue }
            columnOfField[field] = index
        }
        return try finish(columnOfField, count: header.count, specs: specs, error: error)
    }

    /// For headerless files: canonical field names (or `_ignore`) in column order.
    public static func byPosition(_ fields: [String], kind: SourceKind, file: String) throws(MappingError) -> ColumnMapping {
        let specs = specs(kind)
        let known = Set(specs.map(\.name))
        var error = MappingError(file: file, kind: kind)
        var columnOfField: [String: Int] = [:]
        for (index, field) in fields.enumerated() {
            if field == ignoreField { continue }
            guard known.contains(field) else { error.unknownColumns.append(field); continue }
            if columnOfField[field] != nil { error.duplicateFields.append(field); continue }
            columnOfField[field] = index
        }
        return try finish(columnOfField, count: fields.count, specs: specs, error: error)
    }

    private static func finish(_ columnOfField: [String: Int], count: Int, specs: [FieldSpec],
                               error: MappingError) throws(MappingError) -> ColumnMapping {
        var error = error
        error.missingRequired = specs.filter { $0.required && columnOfField[$0.name] == nil }.map(\.name)
        error.acceptedHeaders = Dictionary(uniqueKeysWithValues: specs.filter { error.missingRequired.contains($0.name) }
            .map { ($0.name, [$0.name] + $0.aliases) })
        if error.hasProblems { throw error }
        return ColumnMapping(kind: error.kind, columnCount: count, columnOfField: columnOfField)
    }

    /// Canonical field names of a kind, in the order the generator writes them.
    public static func canonicalFields(_ kind: SourceKind) -> [String] { specs(kind).map(\.name) }

    /// Fields a file of this kind must have.
    public static func requiredFields(_ kind: SourceKind) -> [String] { specs(kind).filter(\.required).map(\.name) }

    /// The comparison form of a header name.
    static func headerKey(_ s: String, han: HanTransliterator) -> String {
        let t = Text.trimmed(Text.halfWidth(s.replacingOccurrences(of: "\u{FEFF}", with: "")))
        var out = String.UnicodeScalarView()
        for c in Text.lookupKey(t.replacingOccurrences(of: " ", with: "_"), han: han).unicodeScalars where c != "_" {
            out.append(c)
        }
        return String(out)
    }
}
