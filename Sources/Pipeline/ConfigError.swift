/// Everything wrong with a pipeline file, found in one pass before any row moves.
public struct ConfigError: Error, CustomStringConvertible, Sendable {
    public struct Problem: Sendable, Equatable {
        public var line: Int?
        /// Dotted key path, e.g. `sources.sales.encoding`.
        public var key: String
        public var message: String
    }

    public var file: String
    public var problems: [Problem]

    /// One line per problem: `pipelines/nightly.toml:14: sources.sales.encoding: …`.
    public var description: String {
        problems.map { p in
            let at = p.line.map { "\(file):\($0)" } ?? file
            return p.key.isEmpty ? "\(at): \(p.message)" : "\(at): \(p.key): \(p.message)"
        }.joined(separator: "\n")
    }
}
