import Extract

/// The name memo outgrows the CPU caches on a large file (tens of thousands of distinct names),
/// and a lookup that waits for memory stalls the whole record: with one record at a time there
/// is nothing to overlap the wait with. Reading the entries a whole batch of records will need,
/// one independent read after another, lets the memory system serve them side by side, and the
/// lookups in `cleanse` then find them in cache.
extension Cleanser {
    /// Has the batches that `reader` parses from now on prefetched before they are cleansed.
    /// The reader keeps this cleanser alive while it reads; nothing here refers back to it.
    public func prefetchBatches(of reader: CSVFileReader) {
        reader.onBatch = { self.prefetch($0) }
    }

    /// Brings the name memo entries that cleansing `records` will look up into cache.
    public func prefetch(_ records: [RawRecord]) {
        let column = columns.name
        guard column >= 0 else { return }
        prefetchSlots.removeAll(keepingCapacity: true)
        // First where each lookup starts, then the reads in a tight loop of their own: between
        // reads of a whole record's field and hash, too few would be in flight at once. Through
        // the buffer, so reading a record's field does not copy (retain) the record.
        records.withUnsafeBufferPointer { records in
            for i in records.indices where records[i].fieldCount > column {
                if let slot = records[i].withFieldBytes(column, { nameCache.firstSlot(bytes: $0) }) { prefetchSlots.append(slot) }
            }
        }
        prefetched &+= nameCache.touch(prefetchSlots)
    }
}
