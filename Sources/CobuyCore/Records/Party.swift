/// A public body (or a vendor) that takes part in cooperative purchasing.
public struct Party: Record, Hashable {
    public static let kind = RecordKind.party
    public static let currentSchema = 1

    public var schema: Int
    public var revision: Int
    /// A slug such as `city-of-salem`.
    public var id: String
    public var name: String
    public var kind: PartyKind
    public var region: RegionCode
    public var population: Int?
    public var contacts: [Contact]
    public var signatory: Signatory?
    /// Terms every addendum of this party must carry.
    public var statutoryTerms: [StatutoryTerm]
    public var history: [HistoryEntry]
    /// Two members' work a merge could not reconcile, until resolved.
    public var conflict: RecordConflict?

    public init(id: String, name: String, kind: PartyKind, region: RegionCode, population: Int? = nil,
                contacts: [Contact] = [], signatory: Signatory? = nil, statutoryTerms: [StatutoryTerm] = [],
                history: [HistoryEntry] = []) {
        self.schema = Party.currentSchema
        self.revision = 0
        self.id = id
        self.name = name
        self.kind = kind
        self.region = region
        self.population = population
        self.contacts = contacts
        self.signatory = signatory
        self.statutoryTerms = statutoryTerms
        self.history = history
    }

    public var statusName: String? { nil }
    public var title: String { name }

    /// Lower-case letters, digits and single hyphens, 2–64 characters: safe as a file name.
    public static func isValidID(_ id: String) -> Bool {
        // Byte by byte: only ASCII can pass, so bytes and characters agree.
        let bytes = id.utf8
        guard (2...64).contains(bytes.count) else { return false }
        var previous: UInt8 = UInt8(ascii: "-")
        for byte in bytes {
            let hyphen = byte == UInt8(ascii: "-")
            guard (97...122).contains(byte) || (48...57).contains(byte) || hyphen, !(hyphen && previous == UInt8(ascii: "-")) else { return false }
            previous = byte
        }
        return previous != UInt8(ascii: "-") && !id.hasPrefix("sol-") && !id.hasPrefix("con-") && !id.hasPrefix("pa-")
    }

    public func consistencyProblems() -> [String] {
        var problems = historyProblems()
        if !Party.isValidID(id) { problems.append("id \"\(id)\" is not a slug of lower-case letters, digits and hyphens") }
        if name.trimmingSpaces.isEmpty { problems.append("name is empty") }
        if let population, population < 0 { problems.append("population is negative") }
        return problems
    }
}
