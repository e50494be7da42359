import CobuyCore
import Foundation

/// Gives the state machines the other records they ask about, read from the store on first
/// use and remembered (a `cobuy do` touches a handful of records, not the whole store).
public final class StoreLookup: RecordLookup, @unchecked Sendable {
    private let store: Store
    private let lock = NSLock()
    private var cache: [String: AnyRecord] = [:]
    private var addendaByContract: [String: [ParticipatingAddendum]]?
    private var catalogIndex: CatalogIndex?

    /// A lookup that reuses an index the caller already holds open.
    public convenience init(store: Store, index: CatalogIndex?) {
        self.init(store: store)
        catalogIndex = index
    }

    public init(store: Store) {
        self.store = store
    }

    func forget(_ id: String) {
        lock.withLock {
            cache[id] = nil
            if RecordKind(id: id) == .addendum { addendaByContract = nil }
        }
    }

    private func record(_ id: String) -> AnyRecord? {
        if let cached = lock.withLock({ cache[id] }) { return cached }
        let loaded: AnyRecord?
        if store.exists(id) {
            loaded = try? store.load(id)
        } else {
            loaded = catalogRecord(id)
        }
        guard let loaded else { return nil }
        lock.withLock { cache[id] = loaded }
        return loaded
    }

    /// Imported contracts and parties come from the catalog index, opened and brought up to
    /// date once per lookup rather than once per record.
    private func catalogRecord(_ id: String) -> AnyRecord? {
        guard let index = openIndex() else { return nil }
        switch RecordKind(id: id) {
        case .contract: return index.contract(id).map(AnyRecord.contract)
        case .party: return index.party(id).map(AnyRecord.party)
        case .solicitation, .addendum: return nil
        }
    }

    private func openIndex() -> CatalogIndex? {
        lock.withLock {
            if catalogIndex == nil {
                catalogIndex = store.catalogIndex()
                _ = try? catalogIndex?.refresh()
            }
            return catalogIndex
        }
    }

    public func party(_ id: String) -> Party? {
        guard RecordKind(id: id) == .party, case .party(let value)? = record(id) else { return nil }
        return value
    }

    public func contract(_ id: String) -> CooperativeContract? {
        guard case .contract(let value)? = record(id) else { return nil }
        return value
    }

    public func solicitation(_ id: String) -> JointSolicitation? {
        guard case .solicitation(let value)? = record(id) else { return nil }
        return value
    }

    /// The store's parties and the catalogs' (read on a refusal's path only).
    public func knownParties() -> [Pick] {
        var picks: [String: Pick] = [:]
        for case .party(let party) in store.loadLocal(.party).records { picks[party.id] = Pick(id: party.id, label: party.name) }
        let index = openIndex()
        for party in index?.catalogParties() ?? [] where picks[party.id] == nil { picks[party.id] = Pick(id: party.id, label: party.name) }
        return Array(picks.values)
    }

    public func addenda(onContract id: String) -> [ParticipatingAddendum] {
        if let index = lock.withLock({ addendaByContract }) { return index[id] ?? [] }
        var index: [String: [ParticipatingAddendum]] = [:]
        for case .addendum(let addendum) in store.loadAll(.addendum).records {
            index[addendum.contract, default: []].append(addendum)
        }
        lock.withLock { addendaByContract = index }
        return index[id] ?? []
    }
}
