/// Whether bodies other than the named partners may later use a contract, and which ones.
public struct CooperativeClause: Hashable, Sendable, Codable {
    /// `false` records a decision that nobody else may join (`set-cooperative --none`), or that
    /// nobody has said who may (see `stated`).
    public var open: Bool
    /// Eligible kinds; `nil` means every kind of public body.
    public var kinds: [PartyKind]?
    /// Eligible regions; `nil` means everywhere.
    public var regions: [RegionCode]?
    /// `false` when nobody has said who may use the contract: an imported contract whose
    /// publisher is silent about cooperative use. Such a clause is never open; an officer must
    /// read the solicitation or ask the lead. `nil` (the store's own decisions) means stated.
    public var stated: Bool?
    /// Who said it, for a clause Cobuy did not decide itself: the publisher, or the officer
    /// who stated a rule for a whole catalog (with the day). `nil` for the store's own clauses.
    public var statedBy: String?

    public init(open: Bool, kinds: [PartyKind]?, regions: [RegionCode]?, statedBy: String? = nil) {
        self.open = open
        self.kinds = kinds
        self.regions = regions
        self.statedBy = statedBy
    }

    public static let closed = CooperativeClause(open: false, kinds: nil, regions: nil)

    /// Nobody has said who may use the contract. `why` says whose silence it is, for the record.
    public static func notStated(_ why: String? = nil) -> CooperativeClause {
        var clause = CooperativeClause(open: false, kinds: nil, regions: nil, statedBy: why)
        clause.stated = false
        return clause
    }

    public var isStated: Bool { stated != false }

    /// The same clause as someone stated it.
    public func stated(by who: String) -> CooperativeClause {
        var clause = self
        clause.statedBy = who
        return clause
    }

    public func admits(kind: PartyKind) -> Bool {
        guard open, isStated, kind.isPublicBody else { return false }
        return kinds?.contains(kind) ?? true
    }

    public func admits(region: RegionCode) -> Bool {
        guard open, isStated else { return false }
        return regions?.contains(where: { $0.contains(region) }) ?? true
    }

    /// `any public body in US-OR, US-WA`, `closed to other bodies` or `not stated`.
    public var summary: String {
        guard isStated else { return "not stated" }
        guard open else { return "closed to other bodies" }
        let who = kinds.map { $0.map(\.label).joined(separator: ", ") } ?? "any public body"
        let whereText = regions.map { $0.map(\.code).joined(separator: ", ") } ?? "any region"
        return "\(who) in \(whereText)"
    }

    /// What an officer reads when the clause is not stated: what to do about it.
    public static let notStatedAdvice = "The publisher does not say who may use this contract: read its solicitation or ask the lead."
}
