/// A contract that more than one public body may buy from: awarded here by a joint
/// solicitation, or awarded elsewhere and brought in (imported, or registered by hand).
public struct CooperativeContract: Record, Hashable {
    public static let kind = RecordKind.contract
    public static let currentSchema = 1

    /// What is stored. *Expired* is not a state: it follows from the end date and today.
    public enum Status: String, Codable, CaseIterable, Sendable {
        case pending, active, terminated, cancelled
    }

    public var schema: Int
    public var revision: Int
    public var id: String
    public var status: Status
    public var title: String
    public var description: String
    public var category: String
    public var source: ContractSource
    public var leadParty: String
    /// The lead's name as published, for leads that are not parties in this store.
    public var leadName: String?
    public var vendor: String
    public var vendorName: String?
    /// Set when the contract is signed.
    public var period: ContractPeriod?
    /// The end of the term when its publisher states only the end (`period` then stays nil).
    public var termEnd: CalendarDate?
    public var renewalOptions: [RenewalOption]
    public var ceiling: Money?
    public var awardedValue: Money?
    public var cooperativeClause: CooperativeClause
    /// Parties named in the solicitation (its signed partners); they may use the contract
    /// whatever the cooperative clause says.
    public var namedParticipants: [String]
    /// Only one vendor holds this contract for its scope.
    public var singleAward: Bool
    public var documents: [ContractDocument]
    public var closingReason: String?
    public var history: [HistoryEntry]
    /// Two members' work a merge could not reconcile, until resolved.
    public var conflict: RecordConflict?

    public init(id: String, title: String, description: String = "", category: String = "", source: ContractSource,
                leadParty: String, vendor: String, cooperativeClause: CooperativeClause,
                namedParticipants: [String] = [], singleAward: Bool = true) {
        self.schema = CooperativeContract.currentSchema
        self.revision = 0
        self.id = id
        self.status = .pending
        self.title = title
        self.description = description
        self.category = category
        self.source = source
        self.leadParty = leadParty
        self.vendor = vendor
        self.renewalOptions = []
        self.cooperativeClause = cooperativeClause
        self.namedParticipants = namedParticipants
        self.singleAward = singleAward
        self.documents = []
        self.history = []
    }

    public var statusName: String? { status.rawValue }

    /// Contracts imported by a Cobuy before 0.x invented eligibility where the publisher said
    /// nothing (open to the buyer's region, or to any region); their clause carries no
    /// `statedBy`. Read back, such a clause is *not stated*, so no officer acts on a guess:
    /// the next refresh of the catalog index (and the next import) corrects them.
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        schema = try values.decode(Int.self, forKey: .schema)
        revision = try values.decode(Int.self, forKey: .revision)
        id = try values.decode(String.self, forKey: .id)
        status = try values.decode(Status.self, forKey: .status)
        title = try values.decode(String.self, forKey: .title)
        description = try values.decode(String.self, forKey: .description)
        category = try values.decode(String.self, forKey: .category)
        source = try values.decode(ContractSource.self, forKey: .source)
        leadParty = try values.decode(String.self, forKey: .leadParty)
        leadName = try values.decodeIfPresent(String.self, forKey: .leadName)
        vendor = try values.decode(String.self, forKey: .vendor)
        vendorName = try values.decodeIfPresent(String.self, forKey: .vendorName)
        period = try values.decodeIfPresent(ContractPeriod.self, forKey: .period)
        termEnd = try values.decodeIfPresent(CalendarDate.self, forKey: .termEnd)
        renewalOptions = try values.decode([RenewalOption].self, forKey: .renewalOptions)
        ceiling = try values.decodeIfPresent(Money.self, forKey: .ceiling)
        awardedValue = try values.decodeIfPresent(Money.self, forKey: .awardedValue)
        cooperativeClause = try values.decode(CooperativeClause.self, forKey: .cooperativeClause)
        namedParticipants = try values.decode([String].self, forKey: .namedParticipants)
        singleAward = try values.decode(Bool.self, forKey: .singleAward)
        documents = try values.decode([ContractDocument].self, forKey: .documents)
        closingReason = try values.decodeIfPresent(String.self, forKey: .closingReason)
        history = try values.decode([HistoryEntry].self, forKey: .history)
        if source.kind == .imported, cooperativeClause.isStated, cooperativeClause.statedBy == nil {
            cooperativeClause = .notStated("imported by an earlier Cobuy, which guessed who may use it: import the file again")
        }
    }

    /// The last day of the term, from the period or, when only the end was published, that end.
    public var endDate: CalendarDate? { period?.end ?? termEnd }

    /// Active and past its end date.
    public func isExpired(today: CalendarDate) -> Bool {
        guard status == .active, let end = endDate else { return false }
        return end < today
    }

    /// The status as an officer reads it today: `expired` for an active contract past its end.
    public func displayStatus(today: CalendarDate) -> String {
        isExpired(today: today) ? "expired" : status.rawValue
    }

    public var unusedRenewals: [RenewalOption] { renewalOptions.filter { !$0.exercised } }

    public func consistencyProblems() -> [String] {
        var problems = historyProblems()
        if !id.hasPrefix("CON-") { problems.append("id \"\(id)\" does not start with CON-") }
        if title.trimmingSpaces.isEmpty { problems.append("title is empty") }
        if let period, period.end < period.start { problems.append("period.end \(period.end) is before period.start \(period.start)") }
        switch status {
        case .active, .terminated:
            // A publisher may state a contract active without publishing its term; Cobuy keeps
            // what it says (the checklist then finds no term to join in).
            if endDate == nil, source.kind != .imported { problems.append("status is \(status.rawValue) but there is no period") }
        case .pending, .cancelled:
            break
        }
        return problems
    }
}

/// Where a contract came from.
public struct ContractSource: Hashable, Sendable, Codable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Awarded by a joint solicitation in this store.
        case solicitation
        /// Brought in from a publisher's OCDS data.
        case imported
        /// Entered by hand from another cooperative's documents.
        case registered
    }

    public var kind: Kind
    public var solicitation: String?
    public var publisher: String?
    public var ocid: String?
    /// The imported file's name (never a path: the store travels between machines).
    public var file: String?
    /// Set when the publisher gave an award without a contract: the award's id.
    public var award: String?
    /// The publisher marks it a framework agreement.
    public var framework: Bool?
    /// A call-off under another process's framework: that framework's identifier. A call-off
    /// is an order under someone's framework, never something to join.
    public var callOffOf: String?
    /// Every supplier's name, when the contract (or its award) names more than one.
    public var suppliers: [String]?
    /// What Cobuy had to read into the publisher's data (an unknown status, an unreadable
    /// amount), so an officer can check it against the source.
    public var warnings: [String]?

    public init(kind: Kind, solicitation: String? = nil, publisher: String? = nil, ocid: String? = nil, file: String? = nil) {
        self.kind = kind
        self.solicitation = solicitation
        self.publisher = publisher
        self.ocid = ocid
        self.file = file
    }

    public var summary: String {
        switch kind {
        case .solicitation: return "joint solicitation \(solicitation ?? "?")"
        case .imported:
            let what = callOffOf.map { "a call-off under \($0), " } ?? (framework == true ? "a framework agreement, " : "")
                + (award != nil ? "an award without a contract, " : "")
            return "\(what)imported from \(publisher ?? "a publisher")\(ocid.map { " (\($0))" } ?? "")"
        case .registered: return "registered from \(publisher ?? "another cooperative")"
        }
    }
}

/// The term of a contract.
public struct ContractPeriod: Hashable, Sendable, Codable {
    public var start: CalendarDate
    public var end: CalendarDate

    public init(start: CalendarDate, end: CalendarDate) {
        self.start = start
        self.end = end
    }
}

/// An option to extend the term by a number of months.
public struct RenewalOption: Hashable, Sendable, Codable {
    public var months: Int
    public var exercised: Bool

    public init(months: Int, exercised: Bool = false) {
        self.months = months
        self.exercised = exercised
    }
}

/// A document of the contract (the master agreement, pricing, the solicitation).
public struct ContractDocument: Hashable, Sendable, Codable {
    public var title: String
    public var url: String?

    public init(title: String, url: String? = nil) {
        self.title = title
        self.url = url
    }
}
