import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file a source will read, named in the ledger by its path relative to the data folder.
struct SourceFile {
    let source: SourceConfig
    let url: URL
    let name: String
    let bytes: Int
}

enum SourceFiles {
    /// The files of every source, in a stable order (source name, then file name).
    static func discover(_ sources: [SourceConfig], in dataDir: URL) throws -> [SourceFile] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dataDir.path, isDirectory: &isDir), isDir.boolValue else {
            throw PipelineError.dataFolderMissing(dataDir.path)
        }
        var out: [SourceFile] = []
        for source in sources {
            let dir = dataDir.appendingPathComponent(source.path)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { continue }
            for name in names.sorted() where fnmatch(source.pattern, name, 0) == 0 {
                let url = dir.appendingPathComponent(name)
                let attrs = try? FileManager.default.attributesOfItem(atPath: url.path)
                guard (attrs?[.type] as? FileAttributeType) != .typeDirectory else { continue }
                let size = (attrs?[.size] as? NSNumber)?.intValue ?? 0
                let rel = source.path.isEmpty || source.path == "." ? name : "\(source.path)/\(name)"
                out.append(SourceFile(source: source, url: url, name: rel, bytes: size))
            }
        }
        return out
    }
}
