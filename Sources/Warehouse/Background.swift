import Dispatch

/// A value computed on another thread while the caller does something else.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the worker before it signals, read only after `wait` has seen the signal.
    private var value: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.value = work()
            self.done.signal()
        }
    }

    /// Blocks until the value is ready. Call it once.
    func wait() -> Value {
        done.wait()
        return value!
    }
}
