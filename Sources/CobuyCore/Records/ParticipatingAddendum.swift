/// A participating entity's addendum to a cooperative contract: its own scope and statutory
/// terms, and its consent that the lead administers the contract.
public struct ParticipatingAddendum: Record, Hashable {
    public static let kind = RecordKind.addendum
    public static let currentSchema = 1

    public enum Status: String, Codable, CaseIterable, Sendable {
        case draft, submitted, approved, executed, rejected, withdrawn, terminated

        /// Open or executed addenda block another addendum for the same party and contract.
        public var blocksAnother: Bool {
            switch self {
            case .draft, .submitted, .approved, .executed: return true
            case .rejected, .withdrawn, .terminated: return false
            }
        }

        public static let lifecycle: [Status] = [.draft, .submitted, .approved, .executed]
    }

    public var schema: Int
    public var revision: Int
    public var id: String
    public var status: Status
    public var contract: String
    public var party: String
    public var scope: String
    /// The requirement lines in its scope with the participant's own quantities, for an
    /// addendum drafted from a joint solicitation where the participant pledged per line.
    public var lines: [RequirementLine]?
    /// Pre-filled from the party's statutory terms.
    public var localTerms: [StatutoryTerm]
    public var orderOfPrecedence: [String]
    public var contacts: [Contact]
    public var estimatedAnnualSpend: Money?
    public var effectiveDate: CalendarDate?
    /// Defaults to the contract's end when not set.
    public var endDate: CalendarDate?
    public var purchaseOrderInstructions: String
    public var participantSignature: AddendumSignature?
    public var vendorSignature: AddendumSignature?
    /// Why it was last returned, rejected, withdrawn or terminated.
    public var lastReason: String?
    public var history: [HistoryEntry]
    /// Two members' work a merge could not reconcile, until resolved.
    public var conflict: RecordConflict?

    public static let standardPrecedence = [
        "This participating addendum",
        "The master agreement",
        "The solicitation and the vendor's proposal",
        "The purchase order",
    ]

    public init(id: String, contract: String, party: String, localTerms: [StatutoryTerm]) {
        self.schema = ParticipatingAddendum.currentSchema
        self.revision = 0
        self.id = id
        self.status = .draft
        self.contract = contract
        self.party = party
        self.scope = ""
        self.localTerms = localTerms
        self.orderOfPrecedence = ParticipatingAddendum.standardPrecedence
        self.contacts = []
        self.purchaseOrderInstructions = ""
        self.history = []
    }

    public var statusName: String? { status.rawValue }
    public var title: String { "\(party) on \(contract)" }

    public func consistencyProblems() -> [String] {
        var problems = historyProblems()
        if !id.hasPrefix("PA-") { problems.append("id \"\(id)\" does not start with PA-") }
        switch status {
        case .executed, .terminated:
            if participantSignature == nil || vendorSignature == nil {
                if status == .executed { problems.append("status is executed but a signature is missing") }
            }
            if effectiveDate == nil, status == .executed { problems.append("status is executed but there is no effectiveDate") }
        case .draft, .submitted, .approved, .rejected, .withdrawn:
            break
        }
        if let effectiveDate, let endDate, endDate < effectiveDate {
            problems.append("endDate \(endDate) is before effectiveDate \(effectiveDate)")
        }
        return problems
    }
}

/// A signature on an addendum: who signed, when.
public struct AddendumSignature: Hashable, Sendable, Codable {
    public var signer: String
    public var date: CalendarDate
    /// The party the signer signed for.
    public var party: String

    public init(signer: String, date: CalendarDate, party: String) {
        self.signer = signer
        self.date = date
        self.party = party
    }
}
