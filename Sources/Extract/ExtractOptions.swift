/// How to read one source file.
public struct ExtractOptions: Sendable {
    /// The file's encoding; nil detects it from the first 64 KiB.
    public var encoding: TextEncoding?
    /// The field delimiter (`,` `;` `\t` `|` …); nil sniffs it from the first records.
    public var delimiter: UInt8?
    /// Whether the first record is a header of column names.
    public var hasHeader: Bool
    /// Bytes read (and, for gzip, inflated) at a time; memory does not depend on file size.
    public var chunkSize: Int
    /// The longest record accepted. A quote that is never closed would otherwise make the rest of
    /// the file one record held in memory; past this the file fails with the record's line.
    public var maxRecordBytes: Int

    public init(encoding: TextEncoding? = nil, delimiter: UInt8? = nil, hasHeader: Bool = true, chunkSize: Int = 256 * 1024,
                maxRecordBytes: Int = 16 << 20) {
        self.encoding = encoding
        self.delimiter = delimiter
        self.hasHeader = hasHeader
        self.chunkSize = chunkSize
        self.maxRecordBytes = maxRecordBytes
    }
}
