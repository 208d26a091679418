/// Each distinct identity key of the run once, with the first observation carrying it and the
/// customer history gives it: enough to link now and to tell later which keys are new.
///
/// The index maps a digest to a slot in flat arrays, so the table probed at random stays small.
struct KeyTable {
    private var slots: DigestIndex
    private(set) var texts: [String] = []
    private(set) var firstObservation: [Int32] = []
    var known: [Int64?] = []

    init(capacity: Int) {
        slots = DigestIndex(capacity: capacity)
        texts.reserveCapacity(capacity)
        firstObservation.reserveCapacity(capacity)
    }

    var count: Int { texts.count }

    /// Records `key` (whose digest is `digest`) as carried by `observation`; returns the first
    /// observation that carried it.
    mutating func record(_ digest: KeyDigest, _ key: String, observation: Int) -> Int {
        let next = Int32(texts.count)
        let slot = slots.slot(digest, insertingIfAbsent: next)
        if slot == next {
            texts.append(key)
            firstObservation.append(Int32(observation))
        }
        return Int(firstObservation[Int(slot)])
    }
}

/// Block entries (one mobile, landline or address, with a name token or none) kept flat and
/// grouped once at the end: most blocks hold a single entry, and an array per block would cost
/// an allocation per observation.
struct Blocks {
    struct Entry { var pinyin: String?; var node: Int }

    private var index: DigestIndex
    private var isMobile: [Bool] = []
    private var blockOf: [Int] = []
    private var entries: [Entry] = []
    /// Each block's text, in block order, for the history request.
    private(set) var texts: [String] = []

    init(capacity: Int) {
        index = DigestIndex(capacity: capacity)
        blockOf.reserveCapacity(capacity)
        entries.reserveCapacity(capacity)
        texts.reserveCapacity(capacity)
    }

    func contains(_ block: KeyDigest) -> Bool { index.slot(block) != nil }

    /// Adds an entry to the block with digest `block`, remembering `text` when the block is new.
    /// History's entries pass no text: they only join blocks this run already has.
    mutating func add(_ block: KeyDigest, text: String?, isMobile mobile: Bool, pinyin: String?, node: Int) {
        let next = isMobile.count
        let b = Int(index.slot(block, insertingIfAbsent: Int32(next)))
        if b == next {
            isMobile.append(mobile)
            if let text { texts.append(text) }
        }
        blockOf.append(b)
        entries.append(Entry(pinyin: pinyin, node: node))
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
