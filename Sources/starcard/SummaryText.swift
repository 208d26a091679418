import Pipeline
import Warehouse

/// The run summary as a plain-text table.
enum SummaryText {
    static func render(_ s: RunSummary) -> String {
        var out = "run \(s.runId) (\(s.pipeline)) succeeded in \(String(format: "%.1f", s.seconds)) s"
        if let d = s.asOf { out += ", scored as of \(d)" }
        out += "\n\n"
        let rows: [[String]] = s.files.map { f in
            [f.fileName, f.status.rawValue, f.encoding ?? "-", "\(f.rowsRead)", "\(f.rowsLoaded)", "\(f.rowsRejected)",
             "\(f.rowsMerged)", "\(f.fieldIssues)"]
        } + [["total", "", "", "\(s.rowsRead)", "\(s.rowsLoaded)", "\(s.rowsRejected)", "\(s.rowsMerged)",
              "\(s.files.reduce(0) { $0 + $1.fieldIssues })"]]
        out += table(["file", "status", "encoding", "read", "loaded", "rejected", "merged", "field issues"], rows)
        for f in s.files {
            guard let m = f.message else { continue }
            out += m.hasPrefix(f.fileName) ? "\n  \(m)" : "\n  \(f.fileName): \(m)"
        }
        out += "\n\ncustomers: \(s.customersLinked) linked in this run, \(s.newCustomers) new, \(s.merges) merged\n"
        out += "marts: " + s.marts.map { "\($0.name) \($0.rows) rows" }.joined(separator: ", ")
        return out
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { i in all.map { $0[i].count }.max() ?? 0 }
        func line(_ r: [String]) -> String {
            r.enumerated().map { i, v in
                let pad = String(repeating: " ", count: widths[i] - v.count)
                return i == 0 || i == 1 || i == 2 ? v + pad : pad + v
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}
