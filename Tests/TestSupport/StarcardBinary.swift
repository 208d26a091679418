import Foundation

/// Where the checkout and its built `starcard` binary are, for tests that run the binary.
public enum StarcardBinary {
    /// The package root (this file is `Tests/TestSupport/StarcardBinary.swift`).
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary `swift build --product starcard` put next to the test bundle (or in the default
    /// debug folder), nil when it has not been built.
    public static var url: URL? {
        let beside = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        for dir in [beside, beside.deletingLastPathComponent(), packageRoot.appendingPathComponent(".build/debug")] {
            let b = dir.appendingPathComponent("starcard")
            if FileManager.default.isExecutableFile(atPath: b.path) { return b }
        }
        return nil
    }
}
