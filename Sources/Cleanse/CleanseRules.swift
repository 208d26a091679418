import Foundation

/// How to read an all-numeric slash date whose year comes last (`07/03/2025`).
public enum DateOrder: String, Sendable, CaseIterable {
    /// `07/03/2025` is 7 March 2025.
    case dayFirst = "day_first"
    /// `07/03/2025` is 3 July 2025.
    case monthFirst = "month_first"
}

/// The data-driven part of cleansing. The pipeline fills it from TOML; everything here adds to
/// built-in tables rather than replacing them, so a pipeline only states what is special about
/// its sources.
public struct CleanseRules: Sendable {
    /// Order of day and month in `nn/nn/yyyy` dates.
    public var dateOrder: DateOrder
    /// Extra category synonym → canonical code (`"柜式空调": "aircon"`), on top of the built-ins.
    public var categorySynonyms: [String: String]
    /// Extra call-result spellings → `ContactOutcome` raw value (`"不感兴趣": "presented"`).
    public var outcomeSynonyms: [String: String]
    /// Extra placeholder mobiles (11 digits) on top of the built-ins.
    public var placeholderMobiles: Set<String>
    /// Earliest plausible birth year.
    public var minBirthYear: Int
    /// Latest plausible birth year.
    public var maxBirthYear: Int

    /// `maxBirthYear` nil means ten years before the current year.
    public init(dateOrder: DateOrder = .dayFirst, categorySynonyms: [String: String] = [:],
                outcomeSynonyms: [String: String] = [:], placeholderMobiles: Set<String> = [],
                minBirthYear: Int = 1900, maxBirthYear: Int? = nil) {
        self.dateOrder = dateOrder
        self.categorySynonyms = categorySynonyms
        self.outcomeSynonyms = outcomeSynonyms
        self.placeholderMobiles = placeholderMobiles
        self.minBirthYear = minBirthYear
        self.maxBirthYear = maxBirthYear ?? CleanseRules.currentYear - 10
    }

    /// Day-first dates, built-in tables only, birth years 1900 … (this year − 10).
    public static let `default` = CleanseRules()

    static var currentYear: Int { Calendar(identifier: .gregorian).component(.year, from: Date()) }
}
