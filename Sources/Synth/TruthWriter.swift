import Foundation

/// Writes `truth/*.csv`: the expected fate of every data line the generator writes.
final class TruthWriter {
    private let records: CSVFileWriter
    private let rejects: CSVFileWriter
    private let issues: CSVFileWriter
    private let duplicates: CSVFileWriter
    private let root: URL

    init(root: URL) throws(SynthError) {
        self.root = root
        records = try CSVFileWriter(root: root, relativePath: "truth/records.csv", encoding: .utf8)
        rejects = try CSVFileWriter(root: root, relativePath: "truth/rejects.csv", encoding: .utf8)
        issues = try CSVFileWriter(root: root, relativePath: "truth/field_issues.csv", encoding: .utf8)
        duplicates = try CSVFileWriter(root: root, relativePath: "truth/duplicates.csv", encoding: .utf8)
        try records.write(["file", "line", "person_id", "kind"])
        try rejects.write(["file", "line", "reason_code"])
        try issues.write(["file", "line", "field", "code"])
        try duplicates.write(["file", "line", "first_file", "first_line"])
    }

    static func personId(_ id: Int) -> String { "P" + Formats.zeroPadded(id, width: 7) }

    func record(file: String, line: Int, person: Int, kind: RecordKind) throws(SynthError) {
        try records.write([file, String(line), Self.personId(person), kind.rawValue])
    }

    func reject(file: String, line: Int, code: String) throws(SynthError) {
        try rejects.write([file, String(line), code])
    }

    func issue(file: String, line: Int, field: String, code: String) throws(SynthError) {
        try issues.write([file, String(line), field, code])
    }

    func duplicate(file: String, line: Int, firstFile: String, firstLine: Int) throws(SynthError) {
        try duplicates.write([file, String(line), firstFile, String(firstLine)])
    }

    func close() throws(SynthError) {
        for w in [records, rejects, issues, duplicates] { try w.close() }
    }

    /// One row per person with their final address (and the one before a move, for SCD2 checks),
    /// the hidden behaviour parameters, the categories bought and the revenue in yuan.
    func writePersons(_ persons: [SimPerson], history: History) throws(SynthError) {
        let w = try CSVFileWriter(root: root, relativePath: "truth/persons.csv", encoding: .utf8)
        try w.write(["person_id", "name", "mobile", "landline", "province", "city", "address", "household_id", "gender",
                     "birth_year", "purchase_rate", "dropout_p", "mean_spend", "member_card", "moved_on", "previous_address",
                     "categories", "revenue"])
        var scratch = Xoshiro(seed: 0)
        for p in persons {
            let r = p.move?.to ?? p.residence
            let cats = Catalogue.categories.indices.filter { history.categories[p.id - 1] & (1 << UInt8($0)) != 0 }
            try w.write([
                Self.personId(p.id), p.residence.taiwan ? p.nameTraditional : p.nameSimplified, p.mobile, r.landline ?? "",
                r.provinceInfo.full, r.cityInfo.full, Formats.address(r, abbreviate: false, rng: &scratch),
                "H" + Formats.zeroPadded(p.household, width: 7), p.male ? "M" : "F", String(p.birthYear),
                Self.decimal(p.lambda), Self.decimal(p.dropout), Self.decimal(p.meanSpend), p.memberCard ?? "",
                p.move.map { SynthDate(dayNumber: $0.day).description } ?? "",
                p.move == nil ? "" : Formats.address(p.residence, abbreviate: false, rng: &scratch),
                cats.map { Catalogue.categories[$0].code }.joined(separator: ";"),
                String(Int(history.revenue[p.id - 1])),
            ])
        }
        try w.close()
    }

    /// Three decimals, without `String(format:)` (slow, and locale-dependent on some platforms).
    static func decimal(_ x: Double) -> String {
        let thousandths = Int((x * 1000).rounded())
        return "\(thousandths / 1000).\(Formats.zeroPadded(thousandths % 1000, width: 3))"
    }
}
