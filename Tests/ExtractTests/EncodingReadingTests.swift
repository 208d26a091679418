@testable import Extract
import XCTest

final class EncodingReadingTests: XCTestCase {
    private func expectedRecords(_ text: String) throws -> ReadResult {
        try readAll(try temporaryFile("utf8.csv", Array(text.utf8)), ExtractOptions(encoding: .utf8, chunkSize: 1 << 20))
    }

    func testGB18030MultibyteCharacterSplitAcrossChunkBoundaries() throws {
        let expected = try expectedRecords(ChineseSamples.simplifiedCSV)
        XCTAssertEqual(expected.records.count, 4)
        let path = try temporaryFile("gb18030_split_across_chunk.csv", try Transcoder.encode(ChineseSamples.simplifiedCSV, as: .gb18030))
        for chunkSize in 1...7 {
            let result = try readAll(path, ExtractOptions(encoding: .gb18030, chunkSize: chunkSize))
            XCTAssertEqual(result.header, expected.header, "chunk \(chunkSize)")
            XCTAssertEqual(result.records, expected.records, "chunk \(chunkSize)")
        }
    }

    func testBig5MultibyteCharacterSplitAcrossChunkBoundaries() throws {
        let expected = try expectedRecords(ChineseSamples.traditionalCSV)
        let path = try temporaryFile("big5_split_across_chunk.csv", try Transcoder.encode(ChineseSamples.traditionalCSV, as: .big5))
        for chunkSize in 1...7 {
            let result = try readAll(path, ExtractOptions(encoding: .big5, chunkSize: chunkSize))
            XCTAssertEqual(result.header, expected.header, "chunk \(chunkSize)")
            XCTAssertEqual(result.records, expected.records, "chunk \(chunkSize)")
        }
    }

    func testFourByteGB18030CharacterSplitAcrossChunkBoundaries() throws {
        // 😀 and 𠀀 are four bytes in GB18030: splits can fall after its first, second or third byte.
        let text = "a,b\n😀,𠀀x\n"
        let path = try temporaryFile("gb18030_four_byte.csv", try Transcoder.encode(text, as: .gb18030))
        for chunkSize in 1...7 {
            let result = try readAll(path, ExtractOptions(encoding: .gb18030, chunkSize: chunkSize))
            XCTAssertEqual(result.records, [RawRecord(line: 2, fields: ["😀", "𠀀x"], raw: "😀,𠀀x")], "chunk \(chunkSize)")
        }
    }

    func testAutoDetectsGB18030ForSimplifiedText() throws {
        let path = try temporaryFile("cn.csv", try Transcoder.encode(ChineseSamples.simplifiedCSV, as: .gb18030))
        let result = try readAll(path)
        XCTAssertEqual(result.encoding, .gb18030)
        XCTAssertEqual(result.records, try expectedRecords(ChineseSamples.simplifiedCSV).records)
    }

    func testAutoDetectsBig5ForTraditionalText() throws {
        let path = try temporaryFile("tw.csv", try Transcoder.encode(ChineseSamples.traditionalCSV, as: .big5))
        let result = try readAll(path)
        XCTAssertEqual(result.encoding, .big5)
        XCTAssertEqual(result.records, try expectedRecords(ChineseSamples.traditionalCSV).records)
    }

    func testAutoDetectsGB18030ForTraditionalTextEncodedInGB18030() throws {
        // Taiwanese names typed on a mainland system: traditional characters, GB18030 bytes.
        let bytes = try Transcoder.encode(ChineseSamples.traditionalCSV, as: .gb18030)
        XCTAssertEqual(EncodingDetector.detect(bytes, sampleIsWholeFile: true), .gb18030)
    }

    func testAutoDetectionOnSingleShortRowsOfNames() throws {
        XCTAssertEqual(EncodingDetector.detect(try Transcoder.encode("姓名,城市\n王小明,北京\n", as: .gb18030), sampleIsWholeFile: true), .gb18030)
        XCTAssertEqual(EncodingDetector.detect(try Transcoder.encode("姓名,城市\n陳志明,臺北\n", as: .big5), sampleIsWholeFile: true), .big5)
    }

    func testAutoDetectsUTF8ForUTF8ChineseAndForPlainASCII() throws {
        XCTAssertEqual(EncodingDetector.detect(Array(ChineseSamples.traditionalCSV.utf8), sampleIsWholeFile: true), .utf8)
        XCTAssertEqual(EncodingDetector.detect(Array("a,b\n1,2\n".utf8), sampleIsWholeFile: true), .utf8)
    }

    func testAutoDetectsUTF8WhenTheSampleEndsInsideACharacter() throws {
        let bytes = Array(ChineseSamples.simplifiedCSV.utf8)
        XCTAssertEqual(EncodingDetector.detect(Array(bytes.prefix(bytes.count - 2)), sampleIsWholeFile: false), .utf8)
    }

    func testBOMUTF8IsStrippedFromFirstHeaderField() throws {
        let path = try temporaryFile("bom_utf8.csv", [0xEF, 0xBB, 0xBF] + Array("id,名字\n1,王\n".utf8))
        for chunkSize in 1...4 {
            let result = try readAll(path, ExtractOptions(chunkSize: chunkSize))
            XCTAssertEqual(result.encoding, .utf8)
            XCTAssertEqual(result.header, ["id", "名字"], "chunk \(chunkSize)")
            XCTAssertEqual(result.records, [RawRecord(line: 2, fields: ["1", "王"], raw: "1,王")])
        }
    }

    func testTextThatOnlyStartsLikeABOMIsKept() throws {
        // U+FEFE is EF BB BE: it shares the BOM's first two bytes, so it must wait for the third.
        let path = try temporaryFile("near_bom.csv", Array("\u{FEFE}x,y\n1,2\n".utf8))
        XCTAssertEqual(try readAll(path, ExtractOptions(chunkSize: 2)).header, ["\u{FEFE}x", "y"])
    }

    func testInvalidUTF8ReportsLineAndByteOffsetAfterDeliveringEarlierRecords() throws {
        let prefix = Array("id,note\n1,ok\n\n2,\"multi\nline\"\n3,bad".utf8)
        let bytes = prefix + [0xFF] + Array("byte\n4,never\n".utf8)
        let path = try temporaryFile("sales_tw.csv", bytes)
        for chunkSize in [1, 2, 5, 1 << 18] {
            let (records, error) = readUntilError(path, ExtractOptions(encoding: .utf8, chunkSize: chunkSize))
            XCTAssertEqual(error, .undecodable(file: path, encoding: .utf8, line: 6, byteOffset: prefix.count), "chunk \(chunkSize)")
            XCTAssertEqual(records.map(\.fields.first), ["1", "2"], "chunk \(chunkSize)")
        }
    }

    func testTruncatedMultibyteCharacterAtEndOfFileIsUndecodable() throws {
        let bytes = Array("a,b\n1,王".utf8).dropLast()
        let path = try temporaryFile("cut_char.csv", Array(bytes))
        let (_, error) = readUntilError(path, ExtractOptions(encoding: .utf8, chunkSize: 3))
        XCTAssertEqual(error, .undecodable(file: path, encoding: .utf8, line: 2, byteOffset: 6))
    }

    func testInvalidBig5BytesReportLineAndOffset() throws {
        // 0xFF is never a Big5 lead byte.
        let good = try Transcoder.encode("名字,城市\n陳,臺北\n", as: .big5)
        let path = try temporaryFile("bad_big5.csv", good + [0xFF, 0xFF, 0x0A])
        let (records, error) = readUntilError(path, ExtractOptions(encoding: .big5, chunkSize: 3))
        XCTAssertEqual(error, .undecodable(file: path, encoding: .big5, line: 3, byteOffset: good.count))
        XCTAssertEqual(records.map(\.fields), [["陳", "臺北"]])
    }

    func testUndecodableDescriptionNamesFileLineByteAndTheFix() {
        let error = ExtractError.undecodable(file: "sales_tw.csv", encoding: .utf8, line: 1042, byteOffset: 88231)
        XCTAssertEqual(
            error.description,
            "sales_tw.csv line 1042 byte 88231: bytes are not valid UTF-8 — set `encoding = \"big5\"` (or \"gb18030\") for this source in the pipeline, or `auto`")
    }

    func testGB18030BOMIsStripped() throws {
        let path = try temporaryFile("gb_bom.csv", [0x84, 0x31, 0x95, 0x33] + (try Transcoder.encode("名字,城市\n王,北京\n", as: .gb18030)))
        for chunkSize in [1, 3, 100] {
            XCTAssertEqual(try readAll(path, ExtractOptions(encoding: .gb18030, chunkSize: chunkSize)).header, ["名字", "城市"])
        }
    }
}
