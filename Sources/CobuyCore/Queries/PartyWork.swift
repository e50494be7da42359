/// What waits for one party, read from the machines: the steps a record's machine allows that
/// party to take now, and whose step it is when it is not that party's. Nothing here decides
/// who may do what; it asks each record's machine as that party (``RecordActions/available``),
/// so the rules stay in the machines.
public enum PartyWork {
    /// The actions that move a record along its lifecycle, per kind, in lifecycle order. The
    /// others (edit, invite, withdraw, cancel…) are allowed often and wait for nobody.
    public static func steps(for kind: RecordKind) -> [String] {
        switch kind {
        case .solicitation: return ["circulate", "join", "sign-agreement", "form", "publish", "close", "award", "complete"]
        case .contract: return ["sign"]
        case .addendum: return ["submit", "approve", "sign"]
        case .party: return []
        }
    }

    /// Deadlines this many days ahead count as waiting for the party.
    public static let deadlineWindow = 30

    /// Guards that say "this is not your step" (someone else's role, another state, a contract
    /// its publisher maintains), as opposed to a step that is the party's own but blocked by a
    /// condition it can meet.
    static let notYoursGuards: Set<String> = ["role", "invited", "joined", "state", "imported"]

    /// The parties a record involves, in the order their steps usually come.
    public static func involvedParties(_ record: AnyRecord, lookup: any RecordLookup) -> [String] {
        var parties: [String] = []
        switch record {
        case .party:
            break
        case .solicitation(let solicitation):
            parties = (solicitation.leadParty.map { [$0] } ?? []) + solicitation.activePartners.map(\.party)
        case .contract(let contract):
            parties = [contract.leadParty, contract.vendor]
        case .addendum(let addendum):
            let contract = lookup.contract(addendum.contract)
            parties = [addendum.party] + [contract?.leadParty, contract?.vendor].compactMap { $0 }
        }
        var seen = Set<String>()
        return parties.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// The forward steps of `record` as the machines see them for `party`.
    static func forwardSteps(on record: AnyRecord, for party: String, now: Timestamp, lookup: any RecordLookup) -> [ActionAvailability] {
        let context = ActionContext(now: now, officer: Officer(name: "", party: party), lookup: lookup)
        let steps = steps(for: record.kind)
        return RecordActions.available(on: record, in: context).filter { steps.contains($0.spec.name) }
    }

    /// The next step on `record` from `party`'s side: its own step when it has one, else whom it
    /// waits on and for what, else why its own step is blocked.
    public static func nextStep(on record: AnyRecord, for party: String, now: Timestamp, lookup: any RecordLookup) -> NextStep {
        let own = forwardSteps(on: record, for: party, now: now, lookup: lookup)
        if let allowed = own.first(where: \.isAllowed) {
            return .yours(action: allowed.spec.name, summary: allowed.spec.summary)
        }
        let others = involvedParties(record, lookup: lookup).filter { $0 != party }
        let theirs = others.map { ($0, forwardSteps(on: record, for: $0, now: now, lookup: lookup)) }
        // The first step someone else may take now; everyone who may take that same step.
        for name in steps(for: record.kind) {
            let ready = theirs.filter { $0.1.contains { $0.spec.name == name && $0.isAllowed } }.map(\.0)
            if !ready.isEmpty { return .waiting(on: ready, action: name, blocked: nil) }
        }
        if let blocked = own.first(where: { $0.refusal.map { !notYoursGuards.contains($0.guardName) } ?? false }),
           let refusal = blocked.refusal {
            return .blocked(action: blocked.spec.name, refusal: refusal)
        }
        for (other, availability) in theirs {
            if let blocked = availability.first(where: { $0.refusal.map { !notYoursGuards.contains($0.guardName) } ?? false }),
               let refusal = blocked.refusal {
                return .waiting(on: [other], action: blocked.spec.name, blocked: refusal)
            }
        }
        return .nothing(status: record.displayStatus(today: now.date))
    }

    /// What waits for `party` on the day of `now`: the steps it may take now on every record,
    /// its own drafts whose next step is blocked until it finishes them, and its deadlines in the
    /// next ``deadlineWindow`` days. Steps first (in record order), then deadlines, nearest first.
    public static func items(for party: String, solicitations: [JointSolicitation], contracts: [CooperativeContract],
                             addenda: [ParticipatingAddendum], now: Timestamp, lookup: any RecordLookup) -> [WorkItem] {
        let today = now.date
        let records: [AnyRecord] = addenda.map(AnyRecord.addendum) + solicitations.map(AnyRecord.solicitation)
            + contracts.map(AnyRecord.contract)
        var steps: [WorkItem] = []
        var deadlines: [WorkItem] = []
        // Conflicted records wait for a decision, which the dashboard lists on its own.
        for record in records where record.record.conflict == nil && involvedParties(record, lookup: lookup).contains(party) {
            let title = title(of: record, lookup: lookup)
            // Only the party's own steps matter here, so the others' are not asked for.
            let own = forwardSteps(on: record, for: party, now: now, lookup: lookup)
            let blocked = own.first { $0.refusal.map { !notYoursGuards.contains($0.guardName) } ?? false }
            if let allowed = own.first(where: \.isAllowed) {
                let detail = stepDetail(allowed.spec.name, summary: allowed.spec.summary, record: record, party: party)
                steps.append(WorkItem(recordID: record.id, title: title, action: allowed.spec.name, detail: detail, days: nil))
            } else if let blocked, let refusal = blocked.refusal, record.record.statusName == "draft" {
                // The party's own draft: finishing it is its work.
                steps.append(WorkItem(recordID: record.id, title: title, action: blocked.spec.name,
                                      detail: "finish the draft: \(refusal.reason)", days: nil))
            } else if let deadline = deadline(of: record, for: party, today: today, lookup: lookup) {
                deadlines.append(WorkItem(recordID: record.id, title: title, action: blocked?.spec.name ?? deadline.action,
                                          detail: deadline.text, days: deadline.days))
            }
        }
        return steps + deadlines.sorted { ($0.days ?? 0, $0.recordID) < ($1.days ?? 0, $1.recordID) }
    }

    /// `Marion County on CON-2026-0001`, or the record's own title.
    static func title(of record: AnyRecord, lookup: any RecordLookup) -> String {
        switch record {
        case .addendum(let addendum):
            return "\(lookup.party(addendum.party)?.name ?? addendum.party) on \(addendum.contract)"
        case .party, .solicitation, .contract:
            return record.record.title
        }
    }

    /// Words for a step, from the party's side.
    static func stepDetail(_ action: String, summary: String, record: AnyRecord, party: String) -> String {
        switch (record, action) {
        case (.solicitation, "join"): return "you are invited: join (or decline with withdraw)"
        case (.solicitation, "sign-agreement"): return "sign the cooperative agreement"
        case (.addendum, "approve"): return "approve or return the addendum (you lead the contract)"
        case (.addendum(let addendum), "sign"):
            return "sign the addendum as \(addendum.party == party ? "participant" : "vendor")"
        case (.addendum, "submit"): return "submit the draft to the contract's lead"
        case (.contract, "sign"): return "sign the contract and set its term"
        default: return "\(action): \(summary.lowercased())"
        }
    }

    /// A date within the window the party is bound by on `record`: a solicitation it takes part
    /// in closing, a contract it leads ending, its executed addendum ending.
    static func deadline(of record: AnyRecord, for party: String, today: CalendarDate,
                         lookup: any RecordLookup) -> (text: String, days: Int, action: String?)? {
        func within(_ date: CalendarDate) -> Int? {
            let days = today.days(until: date)
            return days >= 0 && days <= deadlineWindow ? days : nil
        }
        func inDays(_ days: Int) -> String { days == 0 ? "today" : days == 1 ? "tomorrow" : "in \(days) days" }
        switch record {
        case .party:
            return nil
        case .solicitation(let solicitation):
            guard solicitation.status == .soliciting, let closing = solicitation.closingDate, let days = within(closing) else { return nil }
            return ("closes for proposals \(closing) (\(inDays(days)))", days, nil)
        case .contract(let contract):
            guard contract.status == .active, contract.leadParty == party, let end = contract.period?.end,
                  let days = within(end) else { return nil }
            let renewals = contract.unusedRenewals.count
            return ("ends \(end) (\(inDays(days)))" + (renewals > 0 ? ", \(renewals.counted("renewal option")) left" : ""), days,
                    renewals > 0 ? "renew" : nil)
        case .addendum(let addendum):
            guard addendum.status == .executed, addendum.party == party,
                  let end = addendum.endDate ?? lookup.contract(addendum.contract)?.period?.end, let days = within(end) else { return nil }
            return ("your addendum ends \(end) (\(inDays(days)))", days, nil)
        }
    }
}

/// One thing waiting for a party: the record, the step to take on it (the action the UI
/// highlights), and why it is listed.
public struct WorkItem: Sendable, Hashable {
    public var recordID: String
    public var title: String
    /// The action to take, by name; nil for a deadline with no step of the party's.
    public var action: String?
    public var detail: String
    /// Days until the deadline; nil for a step to take now.
    public var days: Int?

    public init(recordID: String, title: String, action: String?, detail: String, days: Int?) {
        self.recordID = recordID
        self.title = title
        self.action = action
        self.detail = detail
        self.days = days
    }
}

/// The next step on a record from one party's side.
public enum NextStep: Sendable, Hashable {
    /// The party may take this step now.
    case yours(action: String, summary: String)
    /// The party's own step, blocked by a condition (the refusal says what unblocks it).
    case blocked(action: String, refusal: Refusal)
    /// Another party's step: who may take it (or whose step is blocked, and why).
    case waiting(on: [String], action: String, blocked: Refusal?)
    /// No step is left on the record.
    case nothing(status: String?)

    /// The Next line's words. `name` turns a party id into what the officer reads.
    public func text(name: (String) -> String) -> String {
        switch self {
        case let .yours(action, summary):
            return "\(action) — \(summary.lowercased())"
        case let .blocked(action, refusal):
            return "\(action) is blocked: \(refusal.description)"
        case let .waiting(parties, action, blocked):
            let who = parties.map(name)
            let list = who.count <= 1 ? (who.first ?? "") : who.dropLast().joined(separator: ", ") + " and " + (who.last ?? "")
            let base = "nothing for you; waiting on \(list) to \(action)"
            return blocked.map { "\(base) (blocked: \($0.reason))" } ?? base
        case let .nothing(status):
            return status.map { "nothing; the record is \($0)" } ?? "nothing to do on a party"
        }
    }
}
