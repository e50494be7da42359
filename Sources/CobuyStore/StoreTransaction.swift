import CobuyCore
import Foundation

/// Reads and writes while the store's lock is held (see ``Store/transaction(_:)``).
public final class StoreTransaction {
    public let store: Store
    public let lookup: StoreLookup
    /// Revisions of the records read in this transaction: under the lock nobody else can have
    /// changed them, so writing them back needs no second read.
    private var revisionsRead: [String: Int] = [:]
    private var pool: IDPool?

    init(store: Store) {
        self.store = store
        self.lookup = StoreLookup(store: store)
    }

    /// Fresh ids; listing the folders is left until an action needs one.
    public var ids: IDPool {
        if let pool { return pool }
        let fresh = store.idPool()
        pool = fresh
        return fresh
    }

    public func load(_ id: String) throws(StoreError) -> AnyRecord {
        let record = try store.load(id)
        revisionsRead[id] = record.record.revision
        return record
    }

    /// Writes a changed record, refusing when the file's revision is no longer `revision`
    /// (someone else wrote it since it was read). Returns the record as written.
    @discardableResult
    public func update(_ record: AnyRecord, readAt revision: Int) throws(StoreError) -> AnyRecord {
        let path = store.path(of: record.kind, id: record.id)
        let current: Int
        if let known = revisionsRead[record.id] { current = known } else { current = try store.load(record.id).record.revision }
        guard current == revision else {
            throw .conflict(id: record.id, expectedRevision: revision, foundRevision: current)
        }
        return try write(record, revision: revision + 1, path: path)
    }

    /// Writes a new record; refuses when its id is taken.
    @discardableResult
    public func create(_ record: AnyRecord) throws(StoreError) -> AnyRecord {
        guard Store.isSafeID(record.id) else { throw .io(path: record.id, message: "not a usable record id") }
        let path = store.path(of: record.kind, id: record.id)
        guard !DurableFile.exists(path) else { throw .alreadyExists(id: record.id) }
        try DurableFile.makeFolder(store.folder(record.kind))
        let written = try write(record, revision: 1, path: path)
        pool = nil
        return written
    }

    private func write(_ record: AnyRecord, revision: Int, path: String) throws(StoreError) -> AnyRecord {
        var copy = record.record
        copy.revision = revision
        let data: Data
        do { data = try RecordCodec.encode(copy) } catch { throw .io(path: path, message: "cannot encode: \(error)") }
        try DurableFile.write(data, to: path)
        revisionsRead[record.id] = revision
        lookup.forget(record.id)
        return AnyRecord(copy)
    }
}
