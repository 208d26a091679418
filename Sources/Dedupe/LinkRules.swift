/// Thresholds and switches of the linkage rules; the pipeline fills them from its TOML.
public struct LinkRules: Sendable, Equatable {
    /// Link records that share a member card, whatever the name: cards are personal.
    public var linkOnMemberCard: Bool
    /// Link records that share a mobile and agree on the name.
    public var linkOnMobile: Bool
    /// Link records that share a landline and agree on the name.
    public var linkOnLandline: Bool
    /// Link records that share a normalised address and agree on the name.
    public var linkOnAddress: Bool
    /// Largest optimal-string-alignment distance between two pinyins that still counts as the same
    /// name (with the same surname syllable). 0 turns fuzzy names off.
    public var maxNameEditDistance: Int
    /// Pinyins shorter than this must match exactly: in a short name one letter is usually another
    /// given name, not a slip.
    public var minFuzzyPinyinLength: Int
    /// Apply the fuzzy rule only when at least one of the two names was typed in Latin letters:
    /// a Han name's pinyin is computed and cannot carry a slip (see `NameToken`).
    public var fuzzyOnlyForRomanisedNames: Bool
    /// Let a nameless record with a mobile join the one person named on that mobile, when exactly
    /// one name (after fuzzy agreement) is known for it in this run and history.
    public var linkNamelessMobile: Bool
    /// A number or address carrying more distinct names than this is a shop, a switchboard or a
    /// placeholder (`13800000000`): only exact names link there, and nameless records stay apart.
    public var maxNamesPerBlock: Int

    public init(linkOnMemberCard: Bool = true, linkOnMobile: Bool = true, linkOnLandline: Bool = true,
                linkOnAddress: Bool = true, maxNameEditDistance: Int = 1, minFuzzyPinyinLength: Int = 5,
                fuzzyOnlyForRomanisedNames: Bool = true, linkNamelessMobile: Bool = true, maxNamesPerBlock: Int = 16) {
        self.linkOnMemberCard = linkOnMemberCard; self.linkOnMobile = linkOnMobile
        self.linkOnLandline = linkOnLandline; self.linkOnAddress = linkOnAddress
        self.maxNameEditDistance = maxNameEditDistance; self.minFuzzyPinyinLength = minFuzzyPinyinLength
        self.fuzzyOnlyForRomanisedNames = fuzzyOnlyForRomanisedNames
        self.linkNamelessMobile = linkNamelessMobile; self.maxNamesPerBlock = maxNamesPerBlock
    }

    /// The rules described on `Linker`.
    public static let `default` = LinkRules()
}
