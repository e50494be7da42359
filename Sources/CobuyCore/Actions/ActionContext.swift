/// Everything an action needs besides the record: the clock, the officer, other records and ids.
/// The machines read nothing else, which keeps them pure and testable.
public struct ActionContext: Sendable {
    public var now: Timestamp
    public var officer: Officer
    public var note: String?
    public var lookup: any RecordLookup
    public var ids: IDPool
    /// Piggybacking needs at least this much of the contract's term left.
    public var minimumRemainingTermDays: Int
    /// Currency assumed for amounts typed without one.
    public var currency: String

    public init(now: Timestamp, officer: Officer, note: String? = nil, lookup: any RecordLookup = RecordDirectory(),
                ids: IDPool = IDPool(existing: []), minimumRemainingTermDays: Int = Joinability.minimumRemainingTermDays,
                currency: String = ActionContext.defaultCurrency) {
        self.now = now
        self.officer = officer
        self.note = note
        self.lookup = lookup
        self.ids = ids
        self.minimumRemainingTermDays = minimumRemainingTermDays
        self.currency = currency
    }

    /// The currency of amounts typed without one, until a store records its own.
    public static let defaultCurrency = "USD"

    /// Today, in UTC.
    public var today: CalendarDate { now.date }

    func entry<R: Record>(for record: R, action: String, from: String?, to: String, details: [String: String]) -> HistoryEntry {
        let note = note.flatMap { $0.isEmpty ? nil : $0 }
        let id = EventID.new(record: record.id, parent: record.history.last?.eventID, sequence: record.nextSequence, at: now,
                             actor: officer.name, party: officer.party, action: action, note: note, details: details)
        return HistoryEntry(id: id, sequence: record.nextSequence, at: now, actor: officer.name, party: officer.party,
                            action: action, from: from, to: to, note: note, details: details)
    }

    /// Refuses unless the officer acts for `party`.
    func requireActingFor(_ party: String?, role: String, action: String) -> Refusal? {
        guard let party else {
            return Refusal("role", "Only the \(role) may \(action), and none is designated.")
        }
        guard officer.party == party else {
            return Refusal("role", "Only the \(role) (\(party)) may \(action); you are acting for \(officer.party).",
                           remedy: "Act with --for \(party).")
        }
        return nil
    }
}
