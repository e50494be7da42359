import CobuyCore
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

extension CatalogIndex {
    /// Contract, party and catalog files that could not be read, as the last refresh found them.
    public func problems() -> [StoreProblem] {
        (try? database.read { db in
            try Row.fetchAll(db, sql: "SELECT path, location, message FROM problem ORDER BY path, location").map {
                StoreProblem(path: $0["path"] ?? "", location: $0["location"] ?? "", message: $0["message"] ?? "")
            }
        }) ?? []
    }

    /// A contract by id: the store's own file, or the bytes of its catalog file the index
    /// points at. Nil when the index is behind the files (the bytes there are then another
    /// contract or none; a refresh puts it right).
    public func contract(_ id: String) -> CooperativeContract? {
        guard let row = try? database.read({ db in
            try Row.fetchOne(db, sql: "SELECT source, offset, length FROM contract WHERE id = ?", arguments: [id])
        }) else { return nil }
        return records([(id, row[0], row[1], row[2])]).first ?? nil
    }

    /// Reads records where the index says they are, one open per catalog file.
    func records(_ wanted: [(id: String, source: String, offset: Int?, length: Int?)]) -> [CooperativeContract?] {
        var files: [String: FileHandle] = [:]
        defer { for file in files.values { try? file.close() } }
        let decoder = JSONDecoder()
        return wanted.map { item -> CooperativeContract? in
            guard item.source != CatalogIndex.localSource, let offset = item.offset, let length = item.length else {
                return try? store.load(CooperativeContract.self, id: item.id)
            }
            let path = "\(store.catalogFolder)/\(item.source)"
            guard let file = files[path] ?? FileHandle(forReadingAtPath: path) else { return nil }
            files[path] = file
            guard (try? file.seek(toOffset: UInt64(offset))) != nil, let data = try? file.read(upToCount: length), data.count == length,
                  let contract = try? decoder.decode(CooperativeContract.self, from: data), contract.id == item.id else { return nil }
            return contract
        }
    }

    /// A lead or vendor known only from an imported catalog.
    public func party(_ id: String) -> Party? {
        guard let data = try? database.read({ db in try Data.fetchOne(db, sql: "SELECT record FROM party WHERE id = ?", arguments: [id]) })
        else { return nil }
        return try? JSONDecoder().decode(Party.self, from: data)
    }

    /// Whether a contract comes from an imported catalog (and which), or from the store's files.
    public func source(ofContract id: String) -> String? {
        try? database.read { db in try String.fetchOne(db, sql: "SELECT source FROM contract WHERE id = ?", arguments: [id]) }
    }

    /// Ids of catalog contracts numbered like the store's own (`CON-2026-0007`), so that new
    /// ids never collide with an imported one. Other imported ids (`CON-ocds-…`) cannot collide
    /// and are not read: a catalog of 100,000 would otherwise cost every new record.
    public func catalogContractIDs() -> [String] {
        (try? database.read { db in
            // A plain range on the id index (`CON-ocds-…` sorts after `CON-:`); a GLOB here would
            // let SQLite widen the range to every `CON-` id.
            try String.fetchAll(db, sql: "SELECT id FROM contract WHERE id >= 'CON-0' AND id < 'CON-:' AND source <> 'local'")
        }) ?? []
    }

    /// Every lead and vendor known only from imported catalogs.
    public func catalogParties() -> [Party] {
        let decoder = JSONDecoder()
        return ((try? database.read { db in try Data.fetchAll(db, sql: "SELECT record FROM party ORDER BY id") }) ?? [])
            .compactMap { try? decoder.decode(Party.self, from: $0) }
    }

    public var contractCount: Int {
        (try? database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM contract") }) ?? 0
    }

    /// Asks the system to read the index file into its cache in the background (no memory of
    /// this process is used; a no-op for an index in memory).
    public func prefetch() {
        guard let path else { return }
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED)
        close(fd)
    }

    /// Stops a query running on another thread (it then fails with an interruption).
    public func interrupt() {
        database.interrupt()
    }
}
