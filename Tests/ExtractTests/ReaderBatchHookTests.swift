@testable import Extract
import Foundation
import XCTest

/// `onBatch` lets a consumer see records before `next()` hands them out (the cleanser prefetches
/// its memo entries from it): every record parsed after the hook is set must be announced once,
/// and announcing must not change what `next()` returns.
final class ReaderBatchHookTests: XCTestCase {
    func testEveryRecordParsedAfterTheHookIsSetIsAnnouncedOnceBeforeItIsReturned() throws {
        // Past the 64 KiB the reader samples in `init`, so most records are parsed later.
        let rows = (1...4_000).map { "\($0),name \($0),\"city, \($0 % 7)\"" }
        let path = try temporaryFile("batches.csv", Array(("id,name,city\n" + rows.joined(separator: "\n") + "\n").utf8))
        let reader = try CSVFileReader(path: path, options: ExtractOptions(chunkSize: 4_096))
        var announced: [Int] = []
        var batches = 0
        reader.onBatch = { batch in
            batches += 1
            announced += batch.map(\.line)
        }
        var returned: [RawRecord] = []
        while let record = try reader.next() { returned.append(record) }
        XCTAssertGreaterThan(batches, 1)
        XCTAssertEqual(Set(announced).count, announced.count, "a record announced twice")
        XCTAssertEqual(announced.sorted(), Array(returned.map(\.line).suffix(announced.count)), "announced records are the last ones returned")
        XCTAssertEqual(returned.map(\.fields), rows.indices.map { ["\($0 + 1)", "name \($0 + 1)", "city, \(($0 + 1) % 7)"] })
    }
}
