/// One line of a record's audit trail: who did what, when, and what it changed.
public struct HistoryEntry: Hashable, Sendable, Codable {
    /// 1, 2, 3, ... in the order the actions were taken.
    public var sequence: Int
    public var at: Timestamp
    /// The officer's name.
    public var actor: String
    /// The party the officer acted for.
    public var party: String
    /// The action's command name, e.g. `circulate`, or `create` for the record's first entry.
    public var action: String
    /// The state before; absent on the entry that created the record.
    public var from: String?
    public var to: String
    public var note: String?
    /// The action's inputs, by flag name.
    public var details: [String: String]

    public init(sequence: Int, at: Timestamp, actor: String, party: String, action: String,
                from: String?, to: String, note: String? = nil, details: [String: String] = [:]) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.party = party
        self.action = action
        self.from = from
        self.to = to
        self.note = note
        self.details = details
    }
}
