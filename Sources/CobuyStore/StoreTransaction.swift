import CobuyCore
import Foundation

/// Reads and writes while the store's lock is held (see ``Store/transaction(_:)``).
public final class StoreTransaction {
    public let store: Store
    public private(set) var ids: IDPool
    public let lookup: StoreLookup

    init(store: Store) {
        self.store = store
        self.ids = store.idPool()
        self.lookup = StoreLookup(store: store)
    }

    public func load(_ id: String) throws(StoreError) -> AnyRecord {
        try store.load(id)
    }

    /// Writes a changed record, refusing when the file's revision is no longer `revision`
    /// (someone else wrote it since it was read). Returns the record as written.
    @discardableResult
    public func update(_ record: AnyRecord, readAt revision: Int) throws(StoreError) -> AnyRecord {
        let path = store.path(of: record.kind, id: record.id)
        let current = try store.load(record.id)
        guard current.record.revision == revision else {
            throw .conflict(id: record.id, expectedRevision: revision, foundRevision: current.record.revision)
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
        ids = store.idPool()
        return written
    }

    private func write(_ record: AnyRecord, revision: Int, path: String) throws(StoreError) -> AnyRecord {
        var copy = record.record
        copy.revision = revision
        let data: Data
        do { data = try RecordCodec.encode(copy) } catch { throw .io(path: path, message: "cannot encode: \(error)") }
        try DurableFile.write(data, to: path)
        lookup.forget(record.id)
        return AnyRecord(copy)
    }
}
