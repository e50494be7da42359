/// What needs an officer's attention soon: the dashboard's three lists.
public struct Dashboard: Sendable {
    public struct Entry: Sendable, Hashable {
        public var id: String
        public var title: String
        /// `closes 2026-12-01 (in 8 days)`, `ends ... (in 40 days)`, `awaiting approval`.
        public var detail: String
        /// Days until the deadline; `nil` when the entry waits on someone rather than a date.
        public var days: Int?

        public init(id: String, title: String, detail: String, days: Int?) {
            self.id = id
            self.title = title
            self.detail = detail
            self.days = days
        }
    }

    public var closingSolicitations: [Entry]
    public var expiringContracts: [Entry]
    public var addendaAwaiting: [Entry]
    /// Records a sync left in conflict: two members' work that needs an officer's decision.
    public var needsDecision: [Entry]

    /// Contracts ending within this many days count as expiring.
    public static let expiryWindow = 90

    public init(solicitations: [JointSolicitation], contracts: [CooperativeContract], addenda: [ParticipatingAddendum],
                today: CalendarDate, lookup: any RecordLookup) {
        func inDays(_ days: Int) -> String {
            days == 0 ? "today" : days == 1 ? "tomorrow" : days < 0 ? "\((-days).counted("day")) ago" : "in \(days) days"
        }
        closingSolicitations = solicitations.compactMap { solicitation in
            switch solicitation.status {
            case .soliciting:
                guard let closing = solicitation.closingDate else { return nil }
                let days = today.days(until: closing)
                return Entry(id: solicitation.id, title: solicitation.title,
                             detail: days < 0 ? "closed \(closing) (\(inDays(days))), ready to close" : "closes \(closing) (\(inDays(days)))",
                             days: days)
            case .draft, .forming, .formed, .evaluating, .awarded, .complete, .cancelled, .unsuccessful:
                return nil
            }
        }.sorted { ($0.days ?? 0, $0.id) < ($1.days ?? 0, $1.id) }

        expiringContracts = contracts.compactMap { contract in
            guard contract.status == .active, let end = contract.period?.end else { return nil }
            let days = today.days(until: end)
            guard days >= 0, days <= Dashboard.expiryWindow else { return nil }
            let renewals = contract.unusedRenewals.count
            return Entry(id: contract.id, title: contract.title,
                         detail: "ends \(end) (\(inDays(days)))" + (renewals > 0 ? ", \(renewals.counted("renewal option")) left" : ""),
                         days: days)
        }.sorted { ($0.days ?? 0, $0.id) < ($1.days ?? 0, $1.id) }

        addendaAwaiting = addenda.compactMap { addendum in
            let party = lookup.party(addendum.party)?.name ?? addendum.party
            let title = "\(party) on \(addendum.contract)"
            switch addendum.status {
            case .submitted:
                return Entry(id: addendum.id, title: title, detail: "awaiting approval by the contract's lead", days: nil)
            case .approved:
                let missing = [addendum.participantSignature == nil ? "participant" : nil,
                               addendum.vendorSignature == nil ? "vendor" : nil].compactMap { $0 }
                return Entry(id: addendum.id, title: title, detail: "awaiting signature: \(missing.joined(separator: " and "))", days: nil)
            case .draft, .executed, .rejected, .withdrawn, .terminated:
                return nil
            }
        }.sorted { $0.id < $1.id }

        let conflicted: [any Record] = solicitations.filter { $0.conflict != nil } + contracts.filter { $0.conflict != nil }
            + addenda.filter { $0.conflict != nil }
        needsDecision = conflicted.compactMap { record in
            record.conflict.map { Entry(id: record.id, title: record.title, detail: "needs a decision: \($0.summary)", days: nil) }
        }.sorted { $0.id < $1.id }
    }
}
