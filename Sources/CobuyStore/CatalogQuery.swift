import CobuyCore

/// A search of the contract catalog: words, filters, an order and a page. Lists, the UI and
/// piggyback discovery all ask through this one value, so they agree on what matches.
public struct CatalogQuery: Sendable, Hashable {
    /// Words to find in title, vendor, lead, category and description; every word must match,
    /// case and accents do not matter. Words of three letters or more are prefixes (`sal`
    /// finds `salt`); shorter ones are whole words (`IT`), and a short word still being typed
    /// after others is left out until it has three letters (see `matchExpression`).
    public var text: String = ""
    /// A displayed status: `active`, `expired` (active but past its end), `pending`,
    /// `terminated`, `cancelled`.
    public var status: String?
    /// Active contracts whose term ends within this many days from today.
    public var expiringWithin: Int?
    /// Open to public bodies in this region (`US-OR`; a country code matches its states).
    public var region: RegionCode?
    /// Open to this kind of public body.
    public var eligibleKind: PartyKind?
    public var category: String?
    /// A lead party id or (part of) a lead's name.
    public var lead: String?
    /// Only single-award contracts (`true`: some statutes forbid piggybacking a multiple
    /// award) or only multiple-award ones (`false`).
    public var singleAward: Bool?
    /// Only contracts that this party may join today (every joinability check passes).
    public var joinableBy: JoiningParty?
    /// An empty result whatever else is asked (a "joinable by my party" with no party).
    public var matchesNothing = false
    public var sort: Sort = .relevance
    public var ascending = true

    public init() {}

    /// The joining party's facts that eligibility depends on, plus the contracts on which it
    /// already holds an open or executed addendum (those fail "no other addendum").
    public struct JoiningParty: Sendable, Hashable {
        public var id: String
        public var kind: PartyKind
        public var region: RegionCode
        public var blockedContracts: Set<String>

        public init(id: String, kind: PartyKind, region: RegionCode, blockedContracts: Set<String>) {
            self.id = id
            self.kind = kind
            self.region = region
            self.blockedContracts = blockedContracts
        }
    }

    public enum Sort: String, Sendable, Hashable, CaseIterable {
        /// Best match first when there are words; otherwise by id.
        case relevance
        case id, status, title, lead, vendor, category, end

        public init?(column: String) {
            self.init(rawValue: column)
        }
    }

    /// The contracts must serve a joining party: at least this many days of term must remain.
    public static let minimumRemainingDays = Joinability.minimumRemainingTermDays
}

extension CatalogQuery {
    /// Words shorter than this match whole words only. A one- or two-letter prefix matches
    /// most of a large catalog, narrows nothing, and would need prefix tables that double the
    /// full-text index's size and the time to build it.
    public static let shortestPrefix = 3

    /// The short last word that `matchExpression` leaves out while it is being typed ("su" in
    /// "office su"), so that a screen can say why it does not count yet.
    public static func wordStillBeingTyped(_ text: String) -> String? {
        let (words, typing) = words(in: text)
        guard typing, words.count > 1, let word = words.last, word.count < shortestPrefix else { return nil }
        return String(word)
    }

    /// The words of a search (runs of letters and digits), and whether the last is still being
    /// typed (nothing follows it).
    static func words(in text: String) -> (words: [Substring], typing: Bool) {
        let words = text.split { !$0.isLetter && !$0.isNumber }
        let typing = text.last.map { $0.isLetter || $0.isNumber } ?? false
        return (words, typing)
    }

    /// The text as part of a record id, when it reads like one: a single run without spaces
    /// holding a digit and a dash (`CON-2026-0004`, `2026-0004`, `ocds-b5fd17-001`). Ids are
    /// not in the full-text index (its words are the text officers read), so such a search
    /// also looks in the ids; `LIKE` wildcards typed in it are escaped.
    static func idFragment(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 4, trimmed.count <= 128, !trimmed.contains(where: \.isWhitespace),
              trimmed.contains("-"), trimmed.contains(where: \.isNumber) else { return nil }
        var escaped = ""
        for character in trimmed {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return "%" + escaped + "%"
    }

    /// `"salt"* "road"*`: each word of the text as a quoted FTS5 term, so punctuation and FTS
    /// operators typed by the user are searched for, never interpreted. Words of three letters
    /// or more are prefixes; shorter ones whole words (`"it"`), except that a short last word
    /// still being typed after other words is left out, so results do not blink empty while
    /// the officer types on ("office su" searches "office" until "sup").
    static func matchExpression(_ text: String) -> String? {
        let (words, typing) = words(in: text)
        var terms: [String] = []
        for (index, word) in words.prefix(16).enumerated() {
            if word.count >= shortestPrefix {
                terms.append("\"\(word)\"*")
            } else if !(typing && index == words.count - 1 && words.count > 1) {
                terms.append("\"\(word)\"")
            }
        }
        return terms.isEmpty ? nil : terms.joined(separator: " ")
    }
}

extension CatalogQuery.JoiningParty {
    /// A party as a joiner, blocked on the contracts where it already holds an open or
    /// executed addendum among `addenda`.
    public init(party: Party, addenda: [AnyRecord]) {
        var blocked: Set<String> = []
        for case .addendum(let addendum) in addenda where addendum.party == party.id && addendum.status.blocksAnother {
            blocked.insert(addendum.contract)
        }
        self.init(id: party.id, kind: party.kind, region: party.region, blockedContracts: blocked)
    }
}
