extension CSVParser {
    /// Delimiters tried when a source does not set one, in order of preference on a tie.
    static let candidateDelimiters: [UInt8] = [",", ";", "\t", "|"].map { UInt8(ascii: $0) }

    /// Picks the delimiter that splits the first records of `sample` into the most consistent
    /// number of fields (more than one); `,` when none does. `sampleIsWholeFile` lets the
    /// last record count even without a final line end.
    static func sniffDelimiter(in sample: [UInt8], sampleIsWholeFile: Bool, maxRecords: Int = 50) -> UInt8 {
        var best: (delimiter: UInt8, agreeing: Int, records: Int, fields: Int)?
        for delimiter in candidateDelimiters {
            var parser = CSVParser(delimiter: delimiter)
            parser.feed(sample)
            if sampleIsWholeFile { parser.finish() }
            let counts = parser.drain().prefix(maxRecords).map(\.fields.count)
            guard let (fields, agreeing) = mostCommon(counts), fields > 1 else { continue }
            if let current = best {
                // Agreement as a share of records, then more fields: a `,` inside the text of
                // a `;` file splits a few records but not consistently.
                let share = agreeing * current.records, currentShare = current.agreeing * counts.count
                guard share > currentShare || (share == currentShare && fields > current.fields) else { continue }
            }
            best = (delimiter, agreeing, counts.count, fields)
        }
        return best?.delimiter ?? UInt8(ascii: ",")
    }

    private static func mostCommon(_ values: [Int]) -> (value: Int, count: Int)? {
        var tally: [Int: Int] = [:]
        for value in values { tally[value, default: 0] += 1 }
        return tally.max { ($0.value, $0.key) < ($1.value, $1.key) }.map { ($0.key, $0.value) }
    }
}
