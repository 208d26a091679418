import Foundation
import XCTest
@testable import Synth

/// A fresh folder under the system temp directory, removed by the caller's `defer`.
func temporaryFolder(_ name: String) -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("synth-tests-\(name)-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.removeItem(at: url)
    return url
}

/// Every regular file under `root`, as relative paths, sorted.
func listFiles(_ root: URL) -> [String] {
    let base = root.standardizedFileURL.path + "/"
    let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])!
    var out: [String] = []
    for case let url as URL in e where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
        out.append(String(url.standardizedFileURL.path.dropFirst(base.count)))
    }
    return out.sorted()
}

/// Physical lines of a file (any of our encodings: none uses byte 0x0A inside a character).
func physicalLineCount(_ url: URL) throws -> Int {
    try Data(contentsOf: url).reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
}

/// Splits one CSV line (no embedded newlines: the generator never writes them).
func csvFields(_ line: Substring) -> [String] {
    var fields: [String] = [], current = "", quoted = false, previousQuote = false
    for ch in line {
        if quoted {
            if ch == "\"" { quoted = false; previousQuote = true } else { current.append(ch) }
        } else if ch == "\"" {
            if previousQuote { current.append("\"") }
            quoted = true
        } else if ch == "," {
            fields.append(current); current = ""; previousQuote = false
        } else {
            current.append(ch); previousQuote = false
        }
    }
    fields.append(current)
    return fields
}

/// A UTF-8 CSV file as header + data lines (line numbers 1-based, header = 1).
struct CSVTable {
    let header: [String]
    let rows: [Int: [String]]

    init(_ url: URL) throws {
        var text = try String(contentsOf: url, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        header = csvFields(lines.first!)
        var rows: [Int: [String]] = [:]
        for (i, l) in lines.enumerated().dropFirst() { rows[i + 1] = csvFields(l) }
        self.rows = rows
    }

    func column(_ name: String) -> Int { header.firstIndex(of: name)! }
}

/// One generation shared by the tests that only read it.
/// Tables are parsed once and cached (tests look up many lines of the same file); the lock
/// makes the cache safe to share between test cases.
final class GeneratedSet: @unchecked Sendable {
    let root: URL
    let summary: SynthSummary
    private var tables: [String: CSVTable] = [:]
    private let lock = NSLock()
    init(name: String, config: SynthConfig) throws {
        root = temporaryFolder(name)
        summary = try Generator.generate(config, to: root)
    }
    deinit { try? FileManager.default.removeItem(at: root) }

    func table(_ relative: String) throws -> CSVTable {
        lock.lock()
        defer { lock.unlock() }
        if let t = tables[relative] { return t }
        let t = try CSVTable(root.appendingPathComponent(relative))
        tables[relative] = t
        return t
    }
}
