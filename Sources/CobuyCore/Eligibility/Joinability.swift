/// Whether a party may piggyback on a contract today, as a checklist: every check with its
/// result and reason, never a bare yes or no.
public struct Joinability: Hashable, Sendable {
    public struct Check: Hashable, Sendable {
        public var name: String
        public var passed: Bool
        public var reason: String

        public init(name: String, passed: Bool, reason: String) {
            self.name = name
            self.passed = passed
            self.reason = reason
        }
    }

    public var contract: String
    public var party: String
    public var checks: [Check]

    /// Piggybacking needs at least this many days of the contract's term left: long enough to
    /// sign an addendum and place orders before the term ends.
    public static let minimumRemainingTermDays = 90

    public var isJoinable: Bool { checks.allSatisfy(\.passed) }
    public var failures: [Check] { checks.filter { !$0.passed } }

    /// The contract's own lead (which administers it) and its vendor (which performs it) sign
    /// no participating addendum on it: the check that says so, or nil for any other party.
    /// It is listed only when it fails, since for everyone else it says nothing.
    public static func ownContractCheck(contract: CooperativeContract, party: String) -> Check? {
        if party == contract.leadParty {
            return Check(name: "own-contract", passed: false,
                         reason: "\(party) leads \(contract.id): the lead administers this contract and needs no participating addendum.")
        }
        if party == contract.vendor {
            return Check(name: "own-contract", passed: false,
                         reason: "\(party) is the vendor of \(contract.id): the vendor performs this contract and signs no participating addendum.")
        }
        return nil
    }

    /// Whether a checklist means anything for `party` on `contract`: not for its lead or its
    /// vendor, who are already part of it (the UI and `cobuy actions` show none then).
    public static func applies(to party: String, on contract: CooperativeContract) -> Bool {
        ownContractCheck(contract: contract, party: party) == nil
    }

    /// Runs every check. `excluding` leaves out one addendum (the one being submitted) from the
    /// "no other addendum" check.
    public static func evaluate(contract: CooperativeContract, party: Party, today: CalendarDate,
                                addenda: [ParticipatingAddendum], minimumRemainingDays: Int = Joinability.minimumRemainingTermDays,
                                excluding addendumID: String? = nil) -> Joinability {
        var checks: [Check] = []
        if let own = ownContractCheck(contract: contract, party: party.id) { checks.append(own) }
        let named = contract.namedParticipants.contains(party.id)

        switch contract.status {
        case .active:
            checks.append(Check(name: "active", passed: true, reason: "The contract is active."))
        case .pending:
            checks.append(Check(name: "active", passed: false, reason: "The contract is not signed yet (pending)."))
        case .terminated:
            checks.append(Check(name: "active", passed: false, reason: "The contract was terminated."))
        case .cancelled:
            checks.append(Check(name: "active", passed: false, reason: "The contract was cancelled."))
        }

        if let end = contract.endDate {
            let expired = end < today
            // A term that has not started yet may be joined now, but the addendum cannot take
            // effect before the start (the sign action holds the effective date there).
            let term = contract.period.map { period in
                today < period.start
                    ? "The term starts on \(period.start) and runs to \(period.end): an addendum can be drafted now and takes effect no earlier than \(period.start)."
                    : "The term runs \(period.start) to \(period.end)."
            } ?? "The term ends on \(end) (its start is not published)."
            checks.append(Check(name: "in-term", passed: !expired, reason: expired ? "The term ended on \(end)." : term))
            let remaining = today.days(until: end)
            let enough = remaining >= minimumRemainingDays
            checks.append(Check(name: "remaining-term", passed: enough,
                                reason: enough ? "\(remaining.counted("day")) of term remain (at least \(minimumRemainingDays) needed)."
                                    : "Only \(max(remaining, 0).counted("day")) of term \(max(remaining, 0) == 1 ? "remains" : "remain"); at least \(minimumRemainingDays) are needed."))
        } else {
            checks.append(Check(name: "in-term", passed: false, reason: "The contract has no term yet."))
            checks.append(Check(name: "remaining-term", passed: false, reason: "The contract has no term yet."))
        }

        let clause = contract.cooperativeClause
        let statedBy = clause.statedBy.map { " (as stated by \($0))" } ?? ""
        // Who may use it: a named participant always; never through a call-off or a clause
        // nobody stated; else as the clause says.
        let callOff = named ? nil : contract.source.callOffOf
        if named {
            checks.append(Check(name: "cooperative-clause", passed: true,
                                reason: "\(party.id) is a named participant of the solicitation."))
        } else if let framework = callOff {
            checks.append(Check(name: "cooperative-clause", passed: false,
                                reason: "This is a call-off under the framework \(framework): an order of its buyer, not a contract to join; look at the framework instead."))
        } else if !clause.isStated {
            checks.append(Check(name: "cooperative-clause", passed: false, reason: CooperativeClause.notStatedAdvice))
        } else {
            checks.append(Check(name: "cooperative-clause", passed: clause.open,
                                reason: clause.open ? "The contract may be used by \(clause.summary)\(statedBy)."
                                    : "The contract has no cooperative clause: only its named participants may use it\(statedBy)."))
        }

        let unknown = callOff != nil || !clause.isStated
        if !party.kind.isPublicBody {
            checks.append(Check(name: "kind", passed: false, reason: "\(party.name) is a vendor, not a public body."))
        } else if named || (!unknown && clause.admits(kind: party.kind)) {
            checks.append(Check(name: "kind", passed: true, reason: "A \(party.kind.label) is eligible."))
        } else if unknown {
            checks.append(Check(name: "kind", passed: false, reason: "Which kinds of body may use it is not stated."))
        } else {
            let eligible = clause.kinds.map { $0.map(\.label).joined(separator: ", ") } ?? "none"
            checks.append(Check(name: "kind", passed: false, reason: "A \(party.kind.label) is not eligible (eligible: \(eligible))."))
        }

        if named || (!unknown && clause.admits(region: party.region)) {
            checks.append(Check(name: "region", passed: true, reason: "\(party.region) is within the contract's reach."))
        } else if unknown {
            checks.append(Check(name: "region", passed: false, reason: "Where it may be used is not stated."))
        } else {
            let eligible = clause.regions.map { $0.map(\.code).joined(separator: ", ") } ?? "none"
            checks.append(Check(name: "region", passed: false, reason: "\(party.region) is outside the eligible regions (\(eligible))."))
        }

        let blocking = addenda.filter { $0.party == party.id && $0.id != addendumID && $0.status.blocksAnother }
        if let existing = blocking.first {
            checks.append(Check(name: "no-other-addendum", passed: false,
                                reason: "\(party.id) already has addendum \(existing.id) (\(existing.status.rawValue)) on this contract."))
        } else {
            checks.append(Check(name: "no-other-addendum", passed: true, reason: "\(party.id) has no open or executed addendum on it."))
        }
        return Joinability(contract: contract.id, party: party.id, checks: checks)
    }
}
