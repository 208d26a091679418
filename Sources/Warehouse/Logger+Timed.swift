import Foundation
import Logging

extension Logger {
    /// Runs a step and logs how long it took (info), so a slow run can be read off its log.
    public func timed<T>(_ step: String, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            info("step finished", metadata: ["step": "\(step)", "seconds": "\(String(format: "%.3f", seconds))"])
        }
        return try body()
    }
}
