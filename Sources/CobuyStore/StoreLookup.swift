import CobuyCore
import Foundation

/// Gives the state machines the other records they ask about, read from the store on first
/// use and remembered (a `cobuy do` touches a handful of records, not the whole store).
public final class StoreLookup: RecordLookup, @unchecked Sendable {
    private let store: Store
    private let lock = NSLock()
    private var cache: [String: AnyRecord] = [:]
    private var addendaByContract: [String: [ParticipatingAddendum]]?

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
        guard let loaded = try? store.load(id) else { return nil }
        lock.withLock { cache[id] = loaded }
        return loaded
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
