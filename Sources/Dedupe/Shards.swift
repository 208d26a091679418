import Dispatch
import Foundation

/// Runs independent pieces of one computation on all cores, results in piece order.
///
/// The linker's shards share nothing while they run; each returns its own result and the caller
/// combines them in shard order afterwards, so the outcome cannot depend on thread timing.
enum Shards {
    /// One shard per core: the linker runs while the database is idle, so it may use them all.
    static var defaultCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `work(0) … work(count - 1)`, computed concurrently.
    static func map<T>(_ count: Int, _ work: (Int) -> T) -> [T] {
        guard count > 1 else { return count == 1 ? [work(0)] : [] }
        return withoutActuallyEscaping(work) { work in
            [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                let out = Slots(base: buffer.baseAddress!, work: work)
                DispatchQueue.concurrentPerform(iterations: count) { out.fill($0) }
                initialized = count
            }
        }
    }

    /// Each iteration writes only its own slot.
    private struct Slots<T>: @unchecked Sendable {
        let base: UnsafeMutablePointer<T>
        let work: (Int) -> T
        func fill(_ i: Int) { (base + i).initialize(to: work(i)) }
    }

    /// The part `shard` of `count` items gets when they are cut into `shards` nearly equal ranges.
    static func range(_ shard: Int, of shards: Int, count: Int) -> Range<Int> {
        (count * shard / shards)..<(count * (shard + 1) / shards)
    }
}
