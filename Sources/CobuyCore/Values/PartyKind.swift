/// What kind of body a party is. Cooperative clauses open contracts to some kinds only.
public enum PartyKind: String, Codable, CaseIterable, Sendable, Comparable {
    case state
    case county
    case city
    case schoolDistrict = "school-district"
    case specialDistrict = "special-district"
    case higherEd = "higher-ed"
    case tribal
    case federal
    case vendor

    /// Every kind but vendors buys for the public.
    public var isPublicBody: Bool { self != .vendor }

    public static var publicBodies: [PartyKind] { allCases.filter(\.isPublicBody) }

    /// Words an officer reads: "school district", "higher education".
    public var label: String {
        switch self {
        case .state: return "state"
        case .county: return "county"
        case .city: return "city"
        case .schoolDistrict: return "school district"
        case .specialDistrict: return "special district"
        case .higherEd: return "higher education"
        case .tribal: return "tribal government"
        case .federal: return "federal agency"
        case .vendor: return "vendor"
        }
    }

    /// A kind as an officer types it: the stored name (`school-district`) or the label that
    /// Cobuy shows (`school district`, `Higher Education`), in any case, with spaces,
    /// hyphens or underscores between the words.
    public init?(typed: String) {
        func folded(_ text: String) -> String {
            text.trimmingSpaces.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).joined(separator: "-")
        }
        let wanted = folded(typed)
        guard let kind = PartyKind.allCases.first(where: { $0.rawValue == wanted || folded($0.label) == wanted }) else { return nil }
        self = kind
    }

    public static func < (lhs: PartyKind, rhs: PartyKind) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
