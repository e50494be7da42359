/// Read access to other records that some guards need (is this party a vendor? is the
/// contract active?). The store provides one; tests use ``RecordDirectory``.
public protocol RecordLookup: Sendable {
    func party(_ id: String) -> Party?
    func contract(_ id: String) -> CooperativeContract?
    func solicitation(_ id: String) -> JointSolicitation?
    /// Every addendum on a contract, in any state.
    func addenda(onContract id: String) -> [ParticipatingAddendum]
    /// Every party the lookup can name, as id and name: read only when an id names nobody,
    /// to suggest the party the officer probably meant.
    func knownParties() -> [Pick]
}

/// An in-memory ``RecordLookup``.
public struct RecordDirectory: RecordLookup {
    public var parties: [String: Party]
    public var contracts: [String: CooperativeContract]
    public var solicitations: [String: JointSolicitation]
    public var addenda: [String: ParticipatingAddendum]

    public init(parties: [Party] = [], contracts: [CooperativeContract] = [],
                solicitations: [JointSolicitation] = [], addenda: [ParticipatingAddendum] = []) {
        self.parties = Dictionary(parties.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.contracts = Dictionary(contracts.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.solicitations = Dictionary(solicitations.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.addenda = Dictionary(addenda.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
    }

    public func party(_ id: String) -> Party? { parties[id] }
    public func contract(_ id: String) -> CooperativeContract? { contracts[id] }
    public func solicitation(_ id: String) -> JointSolicitation? { solicitations[id] }
    public func knownParties() -> [Pick] { parties.values.map { Pick(id: $0.id, label: $0.name) } }
    public func addenda(onContract id: String) -> [ParticipatingAddendum] {
        addenda.values.filter { $0.contract == id }.sorted { $0.id < $1.id }
    }

    public mutating func insert(_ record: AnyRecord) {
        switch record {
        case .party(let value): parties[value.id] = value
        case .solicitation(let value): solicitations[value.id] = value
        case .contract(let value): contracts[value.id] = value
        case .addendum(let value): addenda[value.id] = value
        }
    }
}
