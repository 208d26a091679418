@testable import Extract
import XCTest

final class CSVParserTests: XCTestCase {
    private func parse(_ bytes: [UInt8], delimiter: UInt8, pieces: [Range<Int>]) -> [RawRecord] {
        var parser = CSVParser(delimiter: delimiter)
        var records: [RawRecord] = []
        for piece in pieces {
            parser.feed(Array(bytes[piece]))
            records += parser.drain()
        }
        parser.finish()
        return records + parser.drain()
    }

    private func assertParses(_ fixture: CSVFixture, file: StaticString = #filePath, line: UInt = #line) {
        let bytes = fixture.bytes
        let whole = parse(bytes, delimiter: fixture.delimiterByte, pieces: [0..<bytes.count])
        XCTAssertEqual(whole, fixture.expected, "\(fixture.name) all at once", file: file, line: line)
        let dripped = parse(bytes, delimiter: fixture.delimiterByte, pieces: bytes.indices.map { $0..<($0 + 1) })
        XCTAssertEqual(dripped, fixture.expected, "\(fixture.name) byte by byte", file: file, line: line)
        for split in 0...bytes.count {
            let records = parse(bytes, delimiter: fixture.delimiterByte, pieces: [0..<split, split..<bytes.count])
            XCTAssertEqual(records, fixture.expected, "\(fixture.name) split at \(split)", file: file, line: line)
        }
    }

    func testCRLFInQuotedFieldKeepsNewlineAndCountsPhysicalLines() { assertParses(CSVFixtures.crlfInQuotedField) }
    func testDoubledQuotesUnescapeToOneQuote() { assertParses(CSVFixtures.doubledQuotes) }
    func testCROnlyLineEndsEndRecords() { assertParses(CSVFixtures.crOnlyLineEnds) }
    func testSemicolonDelimiterLeavesCommasInFields() { assertParses(CSVFixtures.semicolonDelimiter) }
    func testTabDelimiterWithChineseTextAndEmptyFields() { assertParses(CSVFixtures.tabDelimiter) }
    func testPipeDelimiterQuotedPipeStaysInField() { assertParses(CSVFixtures.pipeDelimiter) }
    func testUnterminatedQuoteAtEOFYieldsRecordWithProblem() { assertParses(CSVFixtures.unterminatedQuoteAtEOF) }
    func testBlankLinesAreSkippedButKeepLineNumbers() { assertParses(CSVFixtures.blankLinesKeepLineNumbers) }
    func testTextAfterClosingQuoteIsFlaggedAndKeptVerbatim() { assertParses(CSVFixtures.textAfterClosingQuote) }
    func testTrailingEmptyFieldWithoutLineEndAtEOF() { assertParses(CSVFixtures.trailingEmptyFieldWithoutLineEnd) }

    /// The word-wise skip finds a field's end inside an eight-byte word: every field length and
    /// offset in a word, ended by the delimiter, LF and CR LF, must give back the exact fields.
    func testFieldEndsAreFoundAtEveryOffsetInAWord() {
        for first in 0...17 {
            for second in 0...17 {
                let fields = [String(repeating: "a", count: first), String(repeating: "北", count: second / 3) + String(repeating: "b", count: second % 3), "z"]
                for end in ["\n", "\r\n"] {
                    let text = fields.joined(separator: ";") + end + fields.reversed().joined(separator: ";") + end
                    let records = parse(Array(text.utf8), delimiter: UInt8(ascii: ";"), pieces: [0..<text.utf8.count])
                    XCTAssertEqual(records.map(\.fields), [fields, fields.reversed()], "lengths \(first), \(second), end \(end.debugDescription)")
                }
            }
        }
    }
    func testEmptyInputGivesNoRecords() {
        XCTAssertEqual(parse([], delimiter: UInt8(ascii: ","), pieces: []), [])
    }

    func testSniffingFindsEachFixturesDelimiter() {
        for fixture in CSVFixtures.all {
            XCTAssertEqual(
                CSVParser.sniffDelimiter(in: fixture.bytes, sampleIsWholeFile: true), fixture.delimiterByte, fixture.name)
        }
    }

    func testSniffingPrefersConsistentSemicolonOverCommasInsideText() {
        let sample = Array("name;city;amount\nLi, Wei;Beijing;12,50\nWang;Taipei, Da'an;3\nZhao;Xi'an;7\n".utf8)
        XCTAssertEqual(CSVParser.sniffDelimiter(in: sample, sampleIsWholeFile: false), UInt8(ascii: ";"))
    }

    func testSniffingFallsBackToCommaForSingleColumn() {
        XCTAssertEqual(CSVParser.sniffDelimiter(in: Array("name\nLi\nWang\n".utf8), sampleIsWholeFile: true), UInt8(ascii: ","))
    }
}
