/// Whether bodies other than the named partners may later use a contract, and which ones.
public struct CooperativeClause: Hashable, Sendable, Codable {
    /// `false` records a decision that nobody else may join (`set-cooperative --none`).
    public var open: Bool
    /// Eligible kinds; `nil` means every kind of public body.
    public var kinds: [PartyKind]?
    /// Eligible regions; `nil` means everywhere.
    public var regions: [RegionCode]?

    public init(open: Bool, kinds: [PartyKind]?, regions: [RegionCode]?) {
        self.open = open
        self.kinds = kinds
        self.regions = regions
    }

    public static let closed = CooperativeClause(open: false, kinds: nil, regions: nil)

    public func admits(kind: PartyKind) -> Bool {
        guard open, kind.isPublicBody else { return false }
        return kinds?.contains(kind) ?? true
    }

    public func admits(region: RegionCode) -> Bool {
        guard open else { return false }
        return regions?.contains(where: { $0.contains(region) }) ?? true
    }

    /// `any public body in US-OR, US-WA` or `closed to other bodies`.
    public var summary: String {
        guard open else { return "closed to other bodies" }
        let who = kinds.map { $0.map(\.label).joined(separator: ", ") } ?? "any public body"
        let whereText = regions.map { $0.map(\.code).joined(separator: ", ") } ?? "any region"
        return "\(who) in \(whereText)"
    }
}
