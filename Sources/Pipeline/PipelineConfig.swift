import Cleanse
import Dedupe
import Extract
import Foundation
import Scoring

/// One source of a pipeline: which files, how to read them, how their columns map.
public struct SourceConfig: Sendable {
    public var name: String
    public var kind: SourceKind
    /// Folder relative to the data folder.
    public var path: String
    /// Shell-style file pattern within that folder (`*.csv*`).
    public var pattern: String
    public var extract: ExtractOptions
    /// Extra header aliases: canonical field → names used by this source.
    public var columns: [String: [String]]
    /// For files without a header: canonical field names in column order.
    public var positions: [String]?
}

/// The scoring date: the latest business date loaded, or a fixed day.
public enum AsOf: Sendable, Equatable {
    case latest
    case day(Day)
}

/// A pipeline definition (`pipelines/*.toml`), validated as a whole when loaded.
public struct PipelineConfig: Sendable {
    public var file: URL
    public var name: String
    /// Default data folder (relative paths are relative to the pipeline file); `--data` overrides.
    public var dataDir: URL?
    public var sources: [SourceConfig]
    public var cleanse: CleanseRules
    public var link: LinkRules
    public var scoring: ScoringSettings
    public var asOf: AsOf

    /// Reads and validates a pipeline file; every problem is reported at once with its line.
    public static func load(_ url: URL) throws(ConfigError) -> PipelineConfig {
        let display = url.relativeToCwdPath
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw ConfigError(file: display, problems: [.init(line: nil, key: "", message: exists
                ? "cannot read the pipeline file — check its permissions"
                : "no such pipeline file — give the path of a .toml file such as pipelines/nightly.toml")])
        }
        return try parse(String(decoding: data, as: UTF8.self), file: url)
    }

    /// Parses pipeline TOML text; `file` names it in errors and anchors relative paths.
    public static func parse(_ text: String, file: URL) throws(ConfigError) -> PipelineConfig {
        var reader = ConfigReader(text: text, file: file)
        let config = reader.read()
        if !reader.problems.isEmpty || config == nil {
            let inFileOrder = reader.problems.sorted { ($0.line ?? .max, $0.key) < ($1.line ?? .max, $1.key) }
            throw ConfigError(file: file.relativeToCwdPath, problems: inFileOrder)
        }
        return config!
    }
}

extension URL {
    /// The path relative to the working directory when below it, for short messages.
    var relativeToCwdPath: String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        let p = standardizedFileURL.path
        return p.hasPrefix(cwd) ? String(p.dropFirst(cwd.count)) : p
    }
}
