/// The first observation carrying an identity key, and the customer history gives that key.
struct KeySighting {
    var key: String
    var observation: Int
    var known: Int64?

    static let unseen = KeySighting(key: "", observation: -1, known: nil)

    /// Marks `slot` as first seen by `observation` unless an earlier one already did; returns
    /// the observation that stands.
    static func record(_ observation: Int, _ key: String, _ slot: inout KeySighting) -> Int {
        if slot.observation < 0 { slot = KeySighting(key: key, observation: observation, known: nil) }
        return slot.observation
    }
}

/// Block entries (one mobile, landline or address, with a name token or none) kept flat and
/// grouped once at the end: most blocks hold a single entry, and an array per block would cost
/// an allocation per observation.
struct Blocks {
    struct Entry { var pinyin: String?; var node: Int }

    private var index: [KeyDigest: Int] = [:]
    private var isMobile: [Bool] = []
    private var blockOf: [Int] = []
    private var entries: [Entry] = []
    /// Each block's text, in block order, for the history request.
    private(set) var texts: [String] = []

    init(capacity: Int) {
        index.reserveCapacity(capacity)
        blockOf.reserveCapacity(capacity)
        entries.reserveCapacity(capacity)
        texts.reserveCapacity(capacity)
    }

    func contains(_ block: KeyDigest) -> Bool { index[block] != nil }

    /// Adds a block of this run, remembering its text the first time.
    mutating func add(_ block: String, isMobile mobile: Bool, pinyin: String?, node: Int) {
        if add(KeyDigest(block), isMobile: mobile, pinyin: pinyin, node: node) { texts.append(block) }
    }

    /// Adds an entry to a block; returns whether the block is new.
    @discardableResult
    mutating func add(_ block: KeyDigest, isMobile mobile: Bool, pinyin: String?, node: Int) -> Bool {
        let next = isMobile.count
        let b = Self.slot(next, &index[block, default: -1])
        if b == next { isMobile.append(mobile) }
        blockOf.append(b)
        entries.append(Entry(pinyin: pinyin, node: node))
        return b == next
    }

    private static func slot(_ next: Int, _ value: inout Int) -> Int {
        if value < 0 { value = next }
        return value
    }

    /// Calls `body` for every block with more than one entry, entries grouped by a counting sort.
    func forEachBlock(_ body: (_ isMobile: Bool, _ entries: ArraySlice<Entry>) -> Void) {
        var start = [Int](repeating: 0, count: isMobile.count + 1)
        for b in blockOf { start[b + 1] += 1 }
        for b in 0..<isMobile.count { start[b + 1] += start[b] }
        var fill = start
        var grouped = [Entry](repeating: Entry(pinyin: nil, node: 0), count: entries.count)
        for (e, b) in zip(entries, blockOf) {
            grouped[fill[b]] = e
            fill[b] += 1
        }
        for b in 0..<isMobile.count where start[b + 1] - start[b] > 1 {
            body(isMobile[b], grouped[start[b]..<start[b + 1]])
        }
    }
}
