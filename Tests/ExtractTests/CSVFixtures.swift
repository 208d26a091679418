@testable import Extract

/// An awkward CSV input and the records it must give, whatever the chunking.
struct CSVFixture {
    let name: String
    let text: String
    let delimiter: Character
    let expected: [RawRecord]

    var bytes: [UInt8] { Array(text.utf8) }
    var delimiterByte: UInt8 { delimiter.asciiValue! }
}

enum CSVFixtures {
    static let crlfInQuotedField = CSVFixture(
        name: "crlf_in_quoted_field",
        text: "id,note\r\n1,\"first\r\nsecond\"\r\n2,plain\r\n",
        delimiter: ",",
        expected: [
            RawRecord(line: 1, fields: ["id", "note"], raw: "id,note"),
            RawRecord(line: 2, fields: ["1", "first\r\nsecond"], raw: "1,\"first\r\nsecond\""),
            RawRecord(line: 4, fields: ["2", "plain"], raw: "2,plain"),
        ])

    static let doubledQuotes = CSVFixture(
        name: "doubled_quotes",
        text: "a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n\"\",x\n",
        delimiter: ",",
        expected: [
            RawRecord(line: 1, fields: ["a", "b"], raw: "a,b"),
            RawRecord(line: 2, fields: ["say \"hi\"", "\""], raw: "\"say \"\"hi\"\"\",\"\"\"\""),
            RawRecord(line: 3, fields: ["", "x"], raw: "\"\",x"),
        ])

    static let crOnlyLineEnds = CSVFixture(
        name: "cr_only_line_ends",
        text: "a,b\r1,\"x\ry\"\r\r2,3",
        delimiter: ",",
        expected: [
            RawRecord(line: 1, fields: ["a", "b"], raw: "a,b"),
            RawRecord(line: 2, fields: ["1", "x\ry"], raw: "1,\"x\ry\""),
            RawRecord(line: 5, fields: ["2", "3"], raw: "2,3"),
        ])

    static let semicolonDelimiter = CSVFixture(
        name: "semicolon_delimiter",
        text: "name;amount\nLi, Wei;12,50\n\"a;b\";7\n",
        delimiter: ";",
        expected: [
            RawRecord(line: 1, fields: ["name", "amount"], raw: "name;amount"),
            RawRecord(line: 2, fields: ["Li, Wei", "12,50"], raw: "Li, Wei;12,50"),
            RawRecord(line: 3, fields: ["a;b", "7"], raw: "\"a;b\";7"),
        ])

    static let tabDelimiter = CSVFixture(
        name: "tab_delimiter",
        text: "姓名\t城市\t金额\n王小明\t北京,朝阳\t\n\t\t\n",
        delimiter: "\t",
        expected: [
            RawRecord(line: 1, fields: ["姓名", "城市", "金额"], raw: "姓名\t城市\t金额"),
            RawRecord(line: 2, fields: ["王小明", "北京,朝阳", ""], raw: "王小明\t北京,朝阳\t"),
            RawRecord(line: 3, fields: ["", "", ""], raw: "\t\t"),
        ])

    static let pipeDelimiter = CSVFixture(
        name: "pipe_delimiter",
        text: "a|b|c\n1|\"2|3\"|4\n",
        delimiter: "|",
        expected: [
            RawRecord(line: 1, fields: ["a", "b", "c"], raw: "a|b|c"),
            RawRecord(line: 2, fields: ["1", "2|3", "4"], raw: "1|\"2|3\"|4"),
        ])

    static let unterminatedQuoteAtEOF = CSVFixture(
        name: "unterminated_quote_at_eof",
        text: "a,b\n1,\"never closed\n2,3\n",
        delimiter: ",",
        expected: [
            RawRecord(line: 1, fields: ["a", "b"], raw: "a,b"),
            RawRecord(line: 2, fields: ["1", "never closed\n2,3\n"], raw: "1,\"never closed\n2,3\n", problem: .unterminatedQuote),
        ])

    static let blankLinesKeepLineNumbers = CSVFixture(
        name: "blank_lines_keep_line_numbers",
        text: "\na,b\n\n\r\n1,2\n\n\n3,4\n\n",
        delimiter: ",",
        expected: [
            RawRecord(line: 2, fields: ["a", "b"], raw: "a,b"),
            RawRecord(line: 5, fields: ["1", "2"], raw: "1,2"),
            RawRecord(line: 8, fields: ["3", "4"], raw: "3,4"),
        ])

    static let textAfterClosingQuote = CSVFixture(
        name: "text_after_closing_quote",
        text: "a,b\n\"x\"y,2\n3,4\n",
        delimiter: ",",
        expected: [
            RawRecord(line: 1, fields: ["a", "b"], raw: "a,b"),
            RawRecord(line: 2, fields: ["\"x\"y", "2"], raw: "\"x\"y,2", problem: .textAfterClosingQuote),
            RawRecord(line: 3, fields: ["3", "4"], raw: "3,4"),
        ])

    static let trailingEmptyFieldWithoutLineEnd = CSVFixture(
        name: "trailing_empty_field_without_line_end",
        text: "a,b,\n1,2,",
        delimiter: ",",
        expected: [
            RawRecord(line: 1, fields: ["a", "b", ""], raw: "a,b,"),
            RawRecord(line: 2, fields: ["1", "2", ""], raw: "1,2,"),
        ])

    static let all = [
        crlfInQuotedField, doubledQuotes, crOnlyLineEnds, semicolonDelimiter, tabDelimiter,
        pipeDelimiter, unterminatedQuoteAtEOF, blankLinesKeepLineNumbers, textAfterClosingQuote,
        trailingEmptyFieldWithoutLineEnd,
    ]
}
