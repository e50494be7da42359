/// One line of a record's audit trail: who did what, when, and what it changed.
public struct HistoryEntry: Hashable, Sendable, Codable {
    /// The event's identity across clones of a shared store, set when the action is taken and
    /// never changed (merges match events by it). `nil` on entries written before events had
    /// ids: ``eventID`` derives one from their content on read, and the file is left as it is.
    public var id: String?
    /// 1, 2, 3, ... in the order the actions were taken (renumbered when a merge interleaves
    /// two members' events; ``id`` stays).
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
    /// Set when a merge could not apply the event because another member's concurrent action
    /// made it impossible: why. The event is kept (nothing a member did is lost) but changed
    /// nothing, and the record is marked in conflict until someone resolves it.
    public var refused: String?

    public init(id: String? = nil, sequence: Int, at: Timestamp, actor: String, party: String, action: String,
                from: String?, to: String, note: String? = nil, details: [String: String] = [:], refused: String? = nil) {
        self.id = id
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.party = party
        self.action = action
        self.from = from
        self.to = to
        self.note = note
        self.details = details
        self.refused = refused
    }

    /// The stored id, or for an older entry one derived from what it records (the same on
    /// every machine, so two clones agree on it without rewriting the file).
    public var eventID: String {
        id ?? EventID.derive(["legacy", String(sequence), at.description, actor, party, action, to, note ?? ""], details: details)
    }

    /// Whether `other` records the same act: what the officer did, not where a merge placed it
    /// (`sequence`, `from` and `to` follow from the order of replay).
    public func recordsSameAct(as other: HistoryEntry) -> Bool {
        eventID == other.eventID && at == other.at && actor == other.actor && party == other.party
            && action == other.action && note == other.note && details == other.details
    }
}

/// Short, stable event ids: 16 hex digits of a 64-bit FNV-1a hash of the event's content.
///
/// A new event's content includes its record and the id of the event before it, so the same
/// action taken twice still gets two ids; the hash is an identity, not a seal (tampering is
/// caught by comparing the events themselves).
public enum EventID {
    public static func derive(_ fields: [String], details: [String: String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            // A separator no field contains keeps ("ab","c") apart from ("a","bc").
            hash ^= 0x1f
            hash = hash &* 0x0000_0100_0000_01b3
        }
        fields.forEach(add)
        for key in details.keys.sorted() {
            add(key)
            add(details[key] ?? "")
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The id of an event about to be appended to `recordID` after `parent`.
    public static func new(record recordID: String, parent: String?, sequence: Int, at: Timestamp, actor: String,
                           party: String, action: String, note: String?, details: [String: String]) -> String {
        derive(["event", recordID, parent ?? "", String(sequence), at.description, actor, party, action, note ?? ""], details: details)
    }
}
