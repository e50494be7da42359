/// The four kinds of record, each kept in its own folder of the store.
public enum RecordKind: String, CaseIterable, Sendable, Codable {
    case party
    case solicitation
    case contract
    case addendum

    /// The store folder and the `cobuy list` word: `parties`, `solicitations`, ...
    public var folder: String {
        switch self {
        case .party: return "parties"
        case .solicitation: return "solicitations"
        case .contract: return "contracts"
        case .addendum: return "addenda"
        }
    }

    public init?(folder: String) {
        guard let kind = RecordKind.allCases.first(where: { $0.folder == folder }) else { return nil }
        self = kind
    }

    /// Tells the kind from an id: `SOL-`, `CON-`, `PA-`, else a party slug.
    public init(id: String) {
        if id.hasPrefix("SOL-") { self = .solicitation }
        else if id.hasPrefix("CON-") { self = .contract }
        else if id.hasPrefix("PA-") { self = .addendum }
        else { self = .party }
    }

    public var label: String {
        switch self {
        case .party: return "party"
        case .solicitation: return "joint solicitation"
        case .contract: return "cooperative contract"
        case .addendum: return "participating addendum"
        }
    }
}

/// What every stored record has: an id, a format version, a revision and its audit trail.
public protocol Record: Codable, Sendable {
    static var kind: RecordKind { get }
    var id: String { get }
    /// Format version of the record's JSON.
    var schema: Int { get set }
    /// Increases on every write; a write from an older revision is a conflict.
    var revision: Int { get set }
    var history: [HistoryEntry] { get set }
    /// Set by a merge that could not decide between two members' work; `nil` otherwise.
    var conflict: RecordConflict? { get set }
    /// The state's name, or `nil` for records without a state machine (parties).
    var statusName: String? { get }
    /// What a list shows as the record's title.
    var title: String { get }
    /// Problems a JSON decoder cannot see (ids, chained history, sums); empty when sound.
    func consistencyProblems() -> [String]
    /// Whole numbers outside their ``Limits`` (RecordBounds.swift); a record with any is not
    /// used at all.
    func boundsProblems() -> [BoundsProblem]
}

extension Record {
    /// Checks common to every record: the audit trail's sequence and states chain.
    public func historyProblems() -> [String] {
        var problems: [String] = []
        for (offset, entry) in history.enumerated() where entry.sequence != offset + 1 {
            problems.append("history[\(offset)].sequence is \(entry.sequence), expected \(offset + 1)")
            break
        }
        for index in history.indices.dropFirst() where history[index].from != history[index - 1].to {
            problems.append("history[\(index)].from is \(history[index].from ?? "none"), but the entry before ended in \(history[index - 1].to)")
            break
        }
        if let status = statusName, let last = history.last, last.to != status {
            problems.append("status is \(status), but the last history entry ended in \(last.to)")
        }
        return problems
    }

    /// The next audit entry's sequence number.
    public var nextSequence: Int { (history.last?.sequence ?? 0) + 1 }
}

/// Any record, for code that handles all four kinds (the store, `show`, `list`).
public enum AnyRecord: Sendable {
    case party(Party)
    case solicitation(JointSolicitation)
    case contract(CooperativeContract)
    case addendum(ParticipatingAddendum)

    public var record: any Record {
        switch self {
        case .party(let value): return value
        case .solicitation(let value): return value
        case .contract(let value): return value
        case .addendum(let value): return value
        }
    }

    public var id: String { record.id }
    public var kind: RecordKind { type(of: record).kind }

    /// The status an officer should read today: a contract past its end date is `expired`
    /// whatever its stored state says (expiry is the calendar's doing, not an action).
    public func displayStatus(today: CalendarDate) -> String? {
        switch self {
        case .contract(let contract): return contract.displayStatus(today: today)
        case .party, .solicitation, .addendum: return record.statusName
        }
    }

    public init(_ record: any Record) {
        switch record {
        case let value as Party: self = .party(value)
        case let value as JointSolicitation: self = .solicitation(value)
        case let value as CooperativeContract: self = .contract(value)
        case let value as ParticipatingAddendum: self = .addendum(value)
        default: preconditionFailure("unknown record type \(type(of: record))")
        }
    }
}
