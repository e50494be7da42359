/// What a merge of two members' work could not decide: a field two members wrote two ways, or
/// an event the other member's action made impossible. The record keeps a provisional value,
/// the same on every machine, until an officer resolves it.
public struct RecordConflict: Hashable, Sendable, Codable {
    /// One field written two ways.
    public struct Field: Hashable, Sendable, Codable {
        /// Where in the record, e.g. `scope` or `contacts/0/name`.
        public var field: String
        /// Each member's value, with who wrote it and when, in a fixed order.
        public var versions: [Version]
        /// The value the record holds until resolved (JSON text).
        public var provisional: String

        public init(field: String, versions: [Version], provisional: String) {
            self.field = field
            self.versions = versions
            self.provisional = provisional
        }
    }

    /// One member's value of a field.
    public struct Version: Hashable, Sendable, Codable {
        /// The event that wrote it.
        public var event: String
        public var actor: String
        public var party: String
        public var at: Timestamp
        /// JSON text of the value (`null` when that member cleared the field).
        public var value: String

        public init(event: String, actor: String, party: String, at: Timestamp, value: String) {
            self.event = event
            self.actor = actor
            self.party = party
            self.at = at
            self.value = value
        }
    }

    public var fields: [Field]
    /// Ids of events kept in the history that a merge could not apply (see ``HistoryEntry/refused``).
    public var refusedEvents: [String]

    public init(fields: [Field] = [], refusedEvents: [String] = []) {
        self.fields = fields
        self.refusedEvents = refusedEvents
    }

    public var isEmpty: Bool { fields.isEmpty && refusedEvents.isEmpty }

    /// Parties who took part in the conflict: any of them may decide it.
    public func parties(in history: [HistoryEntry]) -> Set<String> {
        var parties = Set(fields.flatMap { $0.versions.map(\.party) })
        for entry in history where refusedEvents.contains(entry.eventID) { parties.insert(entry.party) }
        return parties
    }

    /// One line an officer can read: what is undecided.
    public var summary: String {
        var parts = fields.map { field in
            "\(field.field): " + field.versions.map { "\($0.value) (\($0.actor), \($0.party), \($0.at))" }.joined(separator: " vs ")
        }
        if !refusedEvents.isEmpty {
            parts.append("\(refusedEvents.count) action\(refusedEvents.count == 1 ? "" : "s") could not be applied after another member's")
        }
        return parts.joined(separator: "; ")
    }
}
