import Foundation
import Logging
import XCTest
import TestSupport

/// Keeps every message logged through it, for assertions.
private final class RecordedMessages: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(Logger.Level, String)] = []

    func append(_ level: Logger.Level, _ message: String) { lock.withLock { entries.append((level, message)) } }
    var all: [(Logger.Level, String)] { lock.withLock { entries } }
}

private struct RecordingHandler: LogHandler {
    let messages: RecordedMessages
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        messages.append(event.level, event.message.description)
    }
}

final class NoticeLoggingTests: XCTestCase {
    func testServerNoticeGoesToLoggerAtDebugNotToStderr() throws {
        let messages = RecordedMessages()
        let logger = Logger(label: "test") { _ in RecordingHandler(messages: messages) }
        let connection = try PostgresConnection.connect(try TestDatabase.fresh(), logger: logger)
        try connection.execute("DO $$ BEGIN RAISE NOTICE 'customer % merged', '张伟'; END $$")
        let notices = messages.all.filter { $0.1.contains("customer 张伟 merged") }
        XCTAssertEqual(notices.count, 1, "\(messages.all)")
        XCTAssertEqual(notices.first?.0, .debug)
    }
}
