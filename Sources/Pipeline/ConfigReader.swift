import Cleanse
import Dedupe
import Extract
import Foundation
import Scoring
import TOMLKit

/// Walks a parsed pipeline document, collecting every problem (with its line) instead of
/// stopping at the first, and builds the typed configuration when there are none.
struct ConfigReader {
    let text: String
    let file: URL
    let lines: TOMLKeyLines
    private(set) var problems: [ConfigError.Problem] = []

    init(text: String, file: URL) {
        self.text = text
        self.file = file
        self.lines = TOMLKeyLines(text: text)
    }

    mutating func read() -> PipelineConfig? {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            problems.append(.init(line: e.source.begin.line, key: "", message: "TOML syntax: \(e.description)"))
            return nil
        } catch {
            problems.append(.init(line: nil, key: "", message: "TOML syntax: \(error)"))
            return nil
        }
        allowOnly(["pipeline", "sources", "cleanse", "dedupe", "scoring"], in: root, at: [])

        let pipeline = table(root, "pipeline", at: [], required: true)
        var name = "pipeline"
        var dataDir: URL?
        if let p = pipeline {
            allowOnly(["name", "data_dir"], in: p, at: ["pipeline"])
            name = string(p, "name", at: ["pipeline"], required: true) ?? name
            if let d = string(p, "data_dir", at: ["pipeline"]) {
                dataDir = URL(fileURLWithPath: d, relativeTo: file.deletingLastPathComponent()).standardizedFileURL
            }
        }

        var sources: [SourceConfig] = []
        if let s = table(root, "sources", at: [], required: true) {
            if s.keys.isEmpty { problem(["sources"], "define at least one source, e.g. [sources.sales] with kind = \"sales\"") }
            for key in s.keys.sorted() {
                if let src = source(key, in: s) { sources.append(src) }
            }
        }

        var rules = CleanseRules.default
        if let c = table(root, "cleanse", at: []) { cleanse(c, into: &rules) }

        let link = LinkRules.default
        if let d = table(root, "dedupe", at: []) { allowOnly([], in: d, at: ["dedupe"]) }

        var scoring = ScoringSettings()
        var asOf = AsOf.latest
        if let s = table(root, "scoring", at: []) {
            let at = ["scoring"]
            allowOnly(["as_of", "current_high_share", "potential_high_share"], in: s, at: at)
            if let v = share(s, "current_high_share", at: at) { scoring.currentHighShare = v }
            if let v = share(s, "potential_high_share", at: at) { scoring.potentialHighShare = v }
            if let v = string(s, "as_of", at: at), v != "latest" {
                if let day = DayParser.iso(v) { asOf = .day(day) } else {
                    problem(at + ["as_of"], "\"\(v)\" is not a date — write \"latest\" or a date like \"2025-06-30\"")
                }
            }
        }
        guard problems.isEmpty else { return nil }
        return PipelineConfig(file: file, name: name, dataDir: dataDir, sources: sources, cleanse: rules,
                              link: link, scoring: scoring, asOf: asOf)
    }

    private mutating func source(_ key: String, in sources: TOMLTable) -> SourceConfig? {
        let at = ["sources", key]
        guard let t = table(sources, key, at: ["sources"], required: true) else { return nil }
        allowOnly(["kind", "path", "pattern", "encoding", "delimiter", "header", "columns", "positions"], in: t, at: at)
        let kindName = string(t, "kind", at: at, required: true)
        let kind = kindName.flatMap(SourceKind.init(rawValue:))
        if let k = kindName, kind == nil {
            problem(at + ["kind"], "unknown kind \"\(k)\" — use one of \(SourceKind.allCases.map { $0.rawValue }.joined(separator: ", "))")
        }
        var options = ExtractOptions()
        if let e = string(t, "encoding", at: at), e != "auto" {
            if let enc = TextEncoding(name: e) { options.encoding = enc } else {
                problem(at + ["encoding"], "unknown encoding \"\(e)\" — use auto, utf-8, gb18030 (also for GBK/GB2312) or big5")
            }
        }
        if let d = string(t, "delimiter", at: at), d != "auto" {
            let allowed: [String: UInt8] = [",": 44, ";": 59, "\t": 9, "|": 124, "\\t": 9, "tab": 9]
            if let b = allowed[d] { options.delimiter = b } else {
                problem(at + ["delimiter"], "delimiter \"\(d)\" is not supported — use auto, \",\", \";\", \"\\t\" or \"|\"")
            }
        }
        if let h = bool(t, "header", at: at) { options.hasHeader = h }
        var columns: [String: [String]] = [:]
        if let c = table(t, "columns", at: at), let k = kind {
            let canonical = Set(ColumnMapping.canonicalFields(k)).union(["_ignore"])
            for field in c.keys.sorted() {
                guard canonical.contains(field) else {
                    problem(at + ["columns", field], "\"\(field)\" is not a \(k.rawValue) field — use one of \(ColumnMapping.canonicalFields(k).joined(separator: ", ")) or _ignore")
                    continue
                }
                if let s = c[field]?.string { columns[field] = [s] }
                else if let a = c[field]?.array, a.allSatisfy({ $0.string != nil }) { columns[field] = a.compactMap { $0.string } }
                else { problem(at + ["columns", field], "must be a header name or a list of header names") }
            }
        }
        var positions: [String]?
        if let p = t["positions"] {
            if let a = p.array, a.allSatisfy({ $0.string != nil }) { positions = a.compactMap { $0.string } }
            else { problem(at + ["positions"], "must be a list of field names in column order") }
        }
        if options.hasHeader == false && positions == nil {
            problem(at + ["header"], "a source without a header needs positions = [\"order_id\", …] naming each column")
        }
        guard let k = kind else { return nil }
        return SourceConfig(name: key, kind: k, path: string(t, "path", at: at) ?? key,
                            pattern: string(t, "pattern", at: at) ?? "*.csv*", extract: options,
                            columns: columns, positions: positions)
    }

    private mutating func cleanse(_ c: TOMLTable, into rules: inout CleanseRules) {
        let at = ["cleanse"]
        allowOnly(["date_order", "category_synonyms", "outcome_synonyms", "placeholder_mobiles", "min_birth_year", "max_birth_year"], in: c, at: at)
        if let o = string(c, "date_order", at: at) {
            switch o {
            case "day_first": rules.dateOrder = .dayFirst
            case "month_first": rules.dateOrder = .monthFirst
            default: problem(at + ["date_order"], "\"\(o)\" — use day_first (07/03/2025 = 7 March) or month_first")
            }
        }
        if let s = table(c, "category_synonyms", at: at) {
            for k in s.keys {
                if let v = s[k]?.string { rules.categorySynonyms[k] = v }
                else { problem(at + ["category_synonyms", k], "must be a category code string such as \"fridge\"") }
            }
        }
        if let s = table(c, "outcome_synonyms", at: at) {
            let outcomes = Set(ContactOutcome.allCases.map(\.rawValue))
            for k in s.keys {
                if let v = s[k]?.string, outcomes.contains(v) { rules.outcomeSynonyms[k] = v }
                else { problem(at + ["outcome_synonyms", k], "must be one of \(outcomes.sorted().joined(separator: ", "))") }
            }
        }
        if let p = c["placeholder_mobiles"] {
            if let a = p.array, a.allSatisfy({ $0.string != nil }) { rules.placeholderMobiles.formUnion(a.compactMap { $0.string }) }
            else { problem(at + ["placeholder_mobiles"], "must be a list of numbers written as strings") }
        }
        if let v = int(c, "min_birth_year", at: at) { rules.minBirthYear = v }
        if let v = int(c, "max_birth_year", at: at) { rules.maxBirthYear = v }
    }

    // MARK: typed access that records a problem instead of failing

    private mutating func problem(_ path: [String], _ message: String) {
        problems.append(.init(line: lines.line(of: path), key: path.joined(separator: "."), message: message))
    }

    private mutating func allowOnly(_ keys: Set<String>, in t: TOMLTable, at path: [String]) {
        for k in t.keys where !keys.contains(k) {
            let hint = keys.min { Self.distance($0, k) < Self.distance($1, k) }
            let suggestion = hint.map { Self.distance($0, k) <= 3 ? " (did you mean \"\($0)\"?)" : "" } ?? ""
            problem(path + [k], "unknown key\(suggestion) — allowed here: \(keys.sorted().joined(separator: ", "))")
        }
    }

    private mutating func table(_ t: TOMLTable, _ key: String, at path: [String], required: Bool = false) -> TOMLTable? {
        guard let v = t[key] else {
            if required { problem(path + [key], "missing — add a [\((path + [key]).joined(separator: "."))] table") }
            return nil
        }
        guard let table = v.table else { problem(path + [key], "must be a table"); return nil }
        return table
    }

    private mutating func string(_ t: TOMLTable, _ key: String, at path: [String], required: Bool = false) -> String? {
        guard let v = t[key] else {
            if required { problem(path + [key], "missing — this key is required") }
            return nil
        }
        guard let s = v.string else { problem(path + [key], "must be a string in quotes"); return nil }
        return s
    }

    private mutating func bool(_ t: TOMLTable, _ key: String, at path: [String]) -> Bool? {
        guard let v = t[key] else { return nil }
        guard let b = v.bool else { problem(path + [key], "must be true or false"); return nil }
        return b
    }

    private mutating func int(_ t: TOMLTable, _ key: String, at path: [String]) -> Int? {
        guard let v = t[key] else { return nil }
        guard let i = v.int else { problem(path + [key], "must be a whole number"); return nil }
        return i
    }

    private mutating func share(_ t: TOMLTable, _ key: String, at path: [String]) -> Double? {
        guard let v = t[key] else { return nil }
        guard let d = v.double ?? v.int.map(Double.init), d > 0, d < 1 else {
            problem(path + [key], "must be a number between 0 and 1, e.g. 0.2"); return nil
        }
        return d
    }

    private static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var prev = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var cur = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[b.count]
    }
}

/// Parses `YYYY-MM-DD` for configuration and command-line dates.
public enum DayParser {
    public static func iso(_ s: String) -> Day? {
        let parts = s.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d), parts[0].count == 4 else { return nil }
        var c = DateComponents(); c.year = y; c.month = m; c.day = d
        guard let date = Calendar(identifier: .gregorian).date(from: c),
              Calendar(identifier: .gregorian).component(.day, from: date) == d else { return nil }
        return Day(year: y, month: m, day: d)
    }
}
