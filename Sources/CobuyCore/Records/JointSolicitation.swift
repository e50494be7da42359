/// A joint solicitation: public bodies with a common requirement agree to buy together, and a
/// lead party solicits proposals and awards the contract on behalf of all.
public struct JointSolicitation: Record, Hashable {
    public static let kind = RecordKind.solicitation
    public static let currentSchema = 1

    public enum Status: String, Codable, CaseIterable, Sendable {
        case draft, forming, formed, soliciting, evaluating, awarded, complete, cancelled, unsuccessful

        /// States from which the solicitation can still be cancelled.
        public var isOpen: Bool {
            switch self {
            case .draft, .forming, .formed, .soliciting, .evaluating: return true
            case .awarded, .complete, .cancelled, .unsuccessful: return false
            }
        }

        /// The lifecycle's main line, for steppers.
        public static let lifecycle: [Status] = [.draft, .forming, .formed, .soliciting, .evaluating, .awarded, .complete]
    }

    public var schema: Int
    public var revision: Int
    public var id: String
    public var status: Status
    public var title: String
    public var description: String
    public var category: String
    public var leadParty: String?
    public var partners: [Partner]
    public var lines: [RequirementLine]
    /// `nil` until decided with `set-cooperative`.
    public var cooperativeClause: CooperativeClause?
    public var costSharing: CostSharing?
    public var solicitationNumber: String?
    public var closingDate: CalendarDate?
    public var minimumProposals: Int
    public var criteria: [EvaluationCriterion]
    public var proposals: [Proposal]
    public var awards: [Award]
    public var currency: String
    public var closingReason: String?
    public var history: [HistoryEntry]
    /// Two members' work a merge could not reconcile, until resolved.
    public var conflict: RecordConflict?

    public init(id: String, title: String, description: String = "", category: String = "",
                leadParty: String?, partners: [Partner], currency: String = ActionContext.defaultCurrency) {
        self.schema = JointSolicitation.currentSchema
        self.revision = 0
        self.id = id
        self.status = .draft
        self.title = title
        self.description = description
        self.category = category
        self.leadParty = leadParty
        self.partners = partners
        self.lines = []
        self.cooperativeClause = nil
        self.costSharing = nil
        self.solicitationNumber = nil
        self.closingDate = nil
        self.minimumProposals = 1
        self.criteria = []
        self.proposals = []
        self.awards = []
        self.currency = currency
        self.closingReason = nil
        self.history = []
    }

    public var statusName: String? { status.rawValue }

    public func partner(_ party: String) -> Partner? { partners.first { $0.party == party } }

    /// Partners still in the cooperative (not withdrawn).
    public var activePartners: [Partner] { partners.filter { $0.status != .withdrawn } }

    /// Saturates instead of trapping: weights from a file are bounded (RecordBounds.swift), but
    /// a total is never worth a crash.
    public var criteriaWeightTotal: Int {
        criteria.reduce(0) { total, criterion in
            let (sum, overflow) = total.addingReportingOverflow(criterion.weight)
            return overflow ? (criterion.weight > 0 ? Int.max : Int.min) : sum
        }
    }

    /// A proposal by its id (`P1`) or its vendor's party id.
    public func proposal(_ reference: String) -> Proposal? {
        proposals.first { $0.id == reference } ?? proposals.first { $0.vendor == reference }
    }

    /// Weighted score in hundredths of a point (0...10000), or `nil` until every criterion is scored.
    public func weightedScore(of proposal: Proposal) -> Int? {
        guard !criteria.isEmpty else { return nil }
        var total = 0
        for criterion in criteria {
            guard let score = proposal.scores[criterion.name] else { return nil }
            // Checked: scores and weights are bounded when read, but a product of two
            // unchecked numbers must not be able to trap.
            let (product, overflow) = score.multipliedReportingOverflow(by: criterion.weight)
            let (sum, overflowAgain) = total.addingReportingOverflow(product)
            guard !overflow, !overflowAgain else { return nil }
            total = sum
        }
        return total
    }

    /// Cost shares of the solicitation's own costs, when a method and total are set. Every
    /// partner still in the cooperative takes part, the lead included.
    public func costShares(lookup: any RecordLookup) -> [CostShare]? {
        guard let costSharing else { return nil }
        let sharing = activePartners.map { partner in
            CostSharing.Participant(party: partner.party,
                                    population: lookup.party(partner.party)?.population ?? 0,
                                    pooledSpend: partner.estimatedSpend?.amount ?? 0,
                                    pooledQuantity: quantityWeight(of: partner))
        }
        return costSharing.shares(among: sharing)
    }

    /// A partner's weight by quantity: its fraction of each line's total, summed over the lines
    /// in millionths. Lines are in different units, so fractions are added, never quantities.
    func quantityWeight(of partner: Partner) -> Int {
        var weight = 0
        for line in lines {
            guard let total = line.pooledTotal, total > 0, let pledged = partner.pledged(onLine: line.number) else { continue }
            weight += Int((Double(pledged) / Double(total) * 1_000_000).rounded())
        }
        return weight
    }

    /// What the partners still in the cooperative pledged on `line`, or `nil` when none did.
    public func pooledTotal(onLine line: Int) -> Int? {
        let pledges = activePartners.compactMap { $0.pledged(onLine: line) }
        return pledges.isEmpty ? nil : pledges.reduce(0, +)
    }

    /// Brings every line's total up to date with the pledges of the partners still in.
    mutating func recomputePooledTotals() {
        for index in lines.indices { lines[index].pooledTotal = pooledTotal(onLine: lines[index].number) }
    }

    /// Whether any partner has stated quantities line by line.
    public var hasLinePledges: Bool { partners.contains { !($0.quantities ?? []).isEmpty } }

    public func consistencyProblems() -> [String] {
        var problems = historyProblems()
        if !id.hasPrefix("SOL-") { problems.append("id \"\(id)\" does not start with SOL-") }
        if title.trimmingSpaces.isEmpty { problems.append("title is empty") }
        if let leadParty, partner(leadParty) == nil { problems.append("leadParty \(leadParty) is not among the partners") }
        if Set(partners.map(\.party)).count != partners.count { problems.append("partners lists a party twice") }
        if criteriaWeightTotal > 100 { problems.append("criteria weights total \(criteriaWeightTotal), more than 100") }
        let numbers = Set(lines.map(\.number))
        for partner in partners {
            for pledge in partner.quantities ?? [] where !numbers.contains(pledge.line) {
                problems.append("partner \(partner.party) pledges on line \(pledge.line), which does not exist")
            }
        }
        for line in lines where line.pooledTotal != pooledTotal(onLine: line.number) {
            problems.append("line \(line.number) has pooledTotal \(line.pooledTotal.map(String.init) ?? "none"), but its partners pledged \(pooledTotal(onLine: line.number).map(String.init) ?? "none")")
        }
        switch status {
        case .awarded, .complete:
            if awards.isEmpty { problems.append("status is \(status.rawValue) but there is no award") }
        case .draft, .forming, .formed, .soliciting, .evaluating, .cancelled, .unsuccessful:
            break
        }
        for proposal in proposals {
            for (name, score) in proposal.scores where !(0...100).contains(score) {
                problems.append("proposal \(proposal.id) has score \(score) for \(name), outside 0–100")
            }
        }
        return problems
    }
}

/// A public body in the cooperative and how far it has come.
public struct Partner: Hashable, Sendable, Codable {
    public enum Status: String, Codable, CaseIterable, Sendable {
        case invited, joined, signed, withdrawn
    }

    public var party: String
    public var status: Status
    /// One quantity for the whole requirement, as stated before quantities were given per line
    /// (`join --quantity N` on a solicitation of several lines); not part of any line's total.
    public var quantity: Int?
    /// What the partner pledges to buy of each requirement line, in the line's unit; `nil`
    /// until it states any.
    public var quantities: [LineQuantity]?
    public var estimatedSpend: Money?
    public var signer: String?
    public var signedOn: CalendarDate?
    public var withdrawalReason: String?

    public init(party: String, status: Status, quantity: Int? = nil, estimatedSpend: Money? = nil) {
        self.party = party
        self.status = status
        self.quantity = quantity
        self.estimatedSpend = estimatedSpend
    }

    /// The lines this partner pledged to, each with the partner's own quantity, for its addendum.
    public func scopeLines(of lines: [RequirementLine]) -> [RequirementLine] {
        lines.compactMap { line in
            pledged(onLine: line.number).map { RequirementLine(number: line.number, text: line.text, quantity: $0, unit: line.unit) }
        }
    }

    /// The quantity pledged on `line`, or `nil` if none.
    public func pledged(onLine line: Int) -> Int? {
        quantities?.first { $0.line == line }?.quantity
    }
}

/// One thing the partners need, with its unit.
public struct RequirementLine: Hashable, Sendable, Codable {
    public var number: Int
    public var text: String
    /// The quantity the line was added with: the lead's estimate of the whole need. On an
    /// addendum's scope, the participant's own quantity.
    public var quantity: Int
    public var unit: String
    /// What the partners still in the cooperative pledged, summed; `nil` until one pledges.
    public var pooledTotal: Int?

    /// The quantity solicited: the partners' total once they have pledged, else the estimate.
    public var tenderQuantity: Int { pooledTotal ?? quantity }

    public init(number: Int, text: String, quantity: Int, unit: String) {
        self.number = number
        self.text = text
        self.quantity = quantity
        self.unit = unit
    }
}

/// An evaluation criterion and its weight in percent.
public struct EvaluationCriterion: Hashable, Sendable, Codable {
    public var name: String
    public var weight: Int

    public init(name: String, weight: Int) {
        self.name = name
        self.weight = weight
    }
}

/// A vendor's proposal, received before the closing date.
public struct Proposal: Hashable, Sendable, Codable {
    public var id: String
    public var vendor: String
    public var price: Money
    public var receivedOn: CalendarDate
    public var responsive: Bool
    public var rejectionReason: String?
    /// Score 0–100 by criterion name.
    public var scores: [String: Int]

    public init(id: String, vendor: String, price: Money, receivedOn: CalendarDate) {
        self.id = id
        self.vendor = vendor
        self.price = price
        self.receivedOn = receivedOn
        self.responsive = true
        self.rejectionReason = nil
        self.scores = [:]
    }
}

/// The award of a proposal and the contract it created.
public struct Award: Hashable, Sendable, Codable {
    public var proposal: String
    public var vendor: String
    public var contract: String
    public var value: Money
    public var date: CalendarDate
    /// Required when the awarded proposal is not the best-scoring one.
    public var reason: String?

    public init(proposal: String, vendor: String, contract: String, value: Money, date: CalendarDate, reason: String?) {
        self.proposal = proposal
        self.vendor = vendor
        self.contract = contract
        self.value = value
        self.date = date
        self.reason = reason
    }
}
