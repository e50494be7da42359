/// What an allowed action produces: the changed record, its audit entry, and any records it
/// created (an award creates a contract; completing a solicitation drafts addenda).
public struct Outcome<R: Record>: Sendable {
    public var record: R
    public var event: HistoryEntry
    public var created: [AnyRecord]

    public init(record: R, event: HistoryEntry, created: [AnyRecord] = []) {
        self.record = record
        self.event = event
        self.created = created
    }
}

/// Whether an action can be taken now, and if not, why.
public struct ActionAvailability: Sendable, Hashable {
    public var spec: ActionSpec
    /// `nil` when allowed (its inputs may still be refused).
    public var refusal: Refusal?

    public var isAllowed: Bool { refusal == nil }

    public init(spec: ActionSpec, refusal: Refusal?) {
        self.spec = spec
        self.refusal = refusal
    }
}
