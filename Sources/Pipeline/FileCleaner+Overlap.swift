import Cleanse
import Dedupe
import Foundation

extension FileCleaner {
    /// `forEachClean`, with extract and cleanse on a second thread running ahead of `body`.
    ///
    /// Staging a file was one thread doing everything (read, decode, cleanse, person keys, COPY
    /// text) while the server's COPY used a fraction of the other core. Here the second thread
    /// reads and cleanses batches of records and hashes their persons; this thread counts the
    /// persons and runs `body` (the COPY) on them in file order, as `forEachClean` does. Every count, reject and field issue is
    /// the same; the cleaner's tallies are final when this returns, because it waits for the
    /// reading thread in every case, including when `body` or the reading throws.
    func forEachCleanOverlapped(batchSize: Int = 1024, _ body: (CleanRecord, PersonDigest) throws -> Void) throws {
        let channel = RecordBatchChannel(capacity: 4)
        let reader = ReaderHandoff(cleaner: self)
        let thread = Thread {
            var failure: (any Error)?
            do {
                var batch: [HashedRecord] = []
                batch.reserveCapacity(batchSize)
                while let record = try reader.cleaner.nextClean() {
                    batch.append(HashedRecord(record: record, digest: reader.cleaner.personDigest(of: record)))
                    if batch.count == batchSize {
                        guard channel.put(batch) else { break }
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty { _ = channel.put(batch) }
            } catch {
                failure = error
            }
            channel.finish(failure)
        }
        // Cleansing recurses no deeper than on the main thread, whose stack is 8 MiB.
        thread.stackSize = 8 << 20
        thread.start()
        defer { channel.cancelAndWait() }
        while let batch = try channel.take() {
            for r in batch {
                sight(r.record, digest: r.digest)
                try body(r.record, r.digest)
            }
        }
    }
}

/// A clean record and the digest of its person, as the reading thread hands them over.
struct HashedRecord: Sendable {
    let record: CleanRecord
    let digest: PersonDigest
}

/// Lets the reading thread use the cleaner. Safe because the two threads touch disjoint state:
/// the reading thread the reader, the cleanser, the person hasher and the read/reject/issue
/// tallies; the calling thread only the person table and the latest date, until it has waited
/// for the reading thread to finish.
private struct ReaderHandoff: @unchecked Sendable {
    let cleaner: FileCleaner
}

/// A bounded queue of record batches from one reading thread to one consuming thread: the reader
/// blocks when `capacity` batches wait (so a slow COPY holds memory at a few batches), the
/// consumer when none do. The end of the file, or the reader's error, comes after every batch.
final class RecordBatchChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    private var batches: [[HashedRecord]] = []
    private var head = 0
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false

    init(capacity: Int) { self.capacity = capacity }

    /// Queues a batch; false when the consumer has gone (stop reading then).
    func put(_ batch: [HashedRecord]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count - head >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// The reader is done, with the error that stopped it, if any.
    func finish(_ error: (any Error)?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch in order; nil at the end; the reader's error once every batch before it is taken.
    func take() throws -> [HashedRecord]? {
        condition.lock()
        defer { condition.unlock() }
        while head == batches.count && !finished { condition.wait() }
        if head < batches.count {
            let batch = batches[head]
            batches[head] = []
            head += 1
            if head == batches.count { batches.removeAll(keepingCapacity: true); head = 0 }
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// Tells the reader to stop and waits until it has: after this it touches nothing shared.
    func cancelAndWait() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
