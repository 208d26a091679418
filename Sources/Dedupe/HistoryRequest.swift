/// What `Linker.link` needs to read from the identity history for one run's observations.
///
/// The linker consults history in two ways only: an exact identity key of this run, and the
/// name-bearing keys (`m:` `l:` `a:`) whose block is one of this run's blocks. A name-bearing
/// key of this run is always covered by its own block, so `keys` lists just the others (`c:`,
/// `n:`, `p:`); a night asks for a few thousand rows instead of the whole history.
public struct HistoryRequest: Sendable, Equatable {
    /// This run's identity keys that no block of `blocks` covers.
    public var keys: [String]
    /// This run's blocks (`m:<mobile>` …): history must return every key `<block>|<name>`.
    public var blocks: [String]

    public init(keys: [String], blocks: [String]) { self.keys = keys; self.blocks = blocks }
}
