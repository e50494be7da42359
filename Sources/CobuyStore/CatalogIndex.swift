import Foundation
import GRDB

/// Every contract the store knows — its own files and its imported catalogs — in SQLite with
/// an FTS5 full-text index, so that lists, searches and lookups never parse the catalogs.
///
/// The JSON files stay the system of record; this is derived from them and can be deleted at
/// any time (`STORE/.index/`, ignored by git and by the store). Each source — the local
/// `contracts/` and `parties/` folders as one, each catalog file on its own — is remembered
/// with its file signature (size, mtime, inode): `refresh` re-reads only what changed.
public final class CatalogIndex: @unchecked Sendable {
    /// Bumped when the tables change; an older index is dropped and rebuilt.
    /// 12: a single-award column; and catalogs imported before eligibility came from evidence
    /// only are read again (their guessed clauses now read back as not stated).
    static let schemaVersion = 12
    /// From this many contracts a write is "bulk": the sort orders are rebuilt once at the end
    /// and the full text is written from its own thread.
    public static let bulkSize = 5000
    static let localSource = "local"

    public let store: Store
    /// The database file, or nil when the store's folder could not hold one (read-only): the
    /// index then lives in memory for this process.
    public let path: String?
    /// The full-text index's own file beside it, attached to every connection as `text`: an
    /// import fills it from a second thread while the contract rows and their sort orders are
    /// written (SQLite lets one connection write a file at a time). Nil in memory.
    let textPath: String?
    /// A pool on disk (WAL: searches read while a refresh writes); a queue in memory.
    let database: any DatabaseWriter

    public struct RefreshReport: Sendable {
        /// Sources re-read because they were new or had changed.
        public var reindexed: [String] = []
        public var removed: [String] = []
        public var contracts = 0
    }

    /// Indexes this process has open, by store folder: opening one costs a millisecond or two
    /// (and an action looks things up in it more than once).
    private final class OpenIndexes: @unchecked Sendable {
        let lock = NSLock()
        var byRoot: [String: CatalogIndex] = [:]
    }
    private static let openIndexes = OpenIndexes()

    static func opened(for store: Store) -> CatalogIndex? {
        if let index = openIndexes.lock.withLock({ openIndexes.byRoot[store.root] }) { return index }
        guard let index = try? open(store) else { return nil }
        return openIndexes.lock.withLock {
            if let existing = openIndexes.byRoot[store.root] { return existing }
            openIndexes.byRoot[store.root] = index
            return index
        }
    }

    /// Opens (creating if needed) the index of a store. Never fails for a broken index file:
    /// it is derived data, so it is deleted and rebuilt.
    public static func open(_ store: Store) throws(StoreError) -> CatalogIndex {
        let folder = "\(store.root)/.index"
        let path = "\(folder)/catalog.sqlite"
        if (try? DurableFile.makeFolder(folder)) != nil {
            // The folder ignores itself, so a store kept in git never shows it, whatever the
            // store's own .gitignore says (stores made before the index have none for it).
            let ignore = "\(folder)/.gitignore"
            if !DurableFile.exists(ignore) { try? DurableFile.write(Data("*\n".utf8), to: ignore) }
            if let index = try? CatalogIndex(store: store, path: path) { return index }
            // Unreadable or from a newer Cobuy: start again.
            for file in [path, CatalogIndex.textPath(besides: path)] {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
            }
            if let index = try? CatalogIndex(store: store, path: path) { return index }
        }
        do { return try CatalogIndex(store: store, path: nil) } catch {
            throw .io(path: path, message: "cannot open the catalog index: \(error)")
        }
    }

    static func textPath(besides path: String) -> String {
        (path as NSString).deletingLastPathComponent + "/catalog-text.sqlite"
    }

    init(store: Store, path: String?) throws {
        self.store = store
        self.path = path
        let textPath = path.map(CatalogIndex.textPath(besides:))
        self.textPath = textPath
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.label = "cobuy.catalog"
        configuration.prepareDatabase { db in
            // Derived data: in WAL mode NORMAL never corrupts, at worst it loses the last
            // transaction on power loss (and a refresh re-reads that source).
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY")
            try db.execute(sql: "ATTACH DATABASE ? AS text", arguments: [textPath ?? ":memory:"])
            try db.execute(sql: "PRAGMA text.synchronous = NORMAL; PRAGMA text.cache_size = -32768")
        }
        if let path {
            database = try DatabasePool(path: path, configuration: configuration)
            try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA text.journal_mode = WAL") }
        } else {
            database = try DatabaseQueue(configuration: configuration)
        }
        try database.write { db in try CatalogIndex.migrate(db) }
    }
}
