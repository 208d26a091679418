/// Where each key of a TOML document stands, so semantic errors can name a line: TOMLKit reports
/// lines only for syntax errors. Keys are dotted paths (`sources.sales.encoding`); a table header's
/// line is recorded under the table's own path.
struct TOMLKeyLines {
    private(set) var lines: [String: Int] = [:]

    init(text: String) {
        var table: [String] = []
        var lineNo = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                let inner = line.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(separator: "#").first ?? ""
                let header = String(inner).replacingOccurrences(of: "]", with: "").trimmingCharacters(in: .whitespaces)
                table = Self.splitKey(header)
                let path = table.joined(separator: ".")
                if lines[path] == nil { lines[path] = lineNo }
                continue
            }
            guard let eq = Self.assignment(in: line) else { continue }
            let key = Self.splitKey(String(line[..<eq]).trimmingCharacters(in: .whitespaces))
            let path = (table + key).joined(separator: ".")
            if lines[path] == nil { lines[path] = lineNo }
        }
    }

    /// The line of a key, else of the nearest enclosing table that has one.
    func line(of path: [String]) -> Int? {
        var p = path
        while !p.isEmpty {
            if let l = lines[p.joined(separator: ".")] { return l }
            p.removeLast()
        }
        return nil
    }

    /// The `=` that ends a key, outside quotes.
    private static func assignment(in line: String) -> String.Index? {
        var quote: Character?
        for i in line.indices {
            let c = line[i]
            if let q = quote { if c == q { quote = nil }; continue }
            if c == "\"" || c == "'" { quote = c; continue }
            if c == "=" { return i }
        }
        return nil
    }

    /// `a."b.c".d` → [a, b.c, d].
    private static func splitKey(_ key: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for c in key {
            if let q = quote { if c == q { quote = nil } else { current.append(c) }; continue }
            if c == "\"" || c == "'" { quote = c; continue }
            if c == "." { parts.append(current.trimmingCharacters(in: .whitespaces)); current = ""; continue }
            current.append(c)
        }
        parts.append(current.trimmingCharacters(in: .whitespaces))
        return parts
    }
}

import Foundation
