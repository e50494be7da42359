import CobuyCore
import CobuyJSON
import Foundation
import GRDB
import GRDBSQLite
#if canImport(Glibc)
import Glibc
#endif

/// Every contract the store knows — its own files and its imported catalogs — in SQLite with
/// an FTS5 full-text index, so that lists, searches and lookups never parse the catalogs.
///
/// The JSON files stay the system of record; this is derived from them and can be deleted at
/// any time (`STORE/.index/`, ignored by git and by the store). Each source — the local
/// `contracts/` and `parties/` folders as one, each catalog file on its own — is remembered
/// with its file signature (size, mtime, inode): `refresh` re-reads only what changed.
public final class CatalogIndex: @unchecked Sendable {
    /// Bumped when the tables change; an older index is dropped and rebuilt.
    static let schemaVersion = 11
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

    static func migrate(_ db: Database) throws {
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let textVersion = try Int.fetchOne(db, sql: "PRAGMA text.user_version") ?? 0
        if version == schemaVersion, textVersion == schemaVersion { return }
        if max(version, textVersion) > schemaVersion { throw DatabaseError(message: "index schema \(max(version, textVersion)) is newer than this Cobuy") }
        for table in ["contract_text", "contract_record", "contract_reach", "contract", "party", "source", "problem"] { try db.execute(sql: "DROP TABLE IF EXISTS main.\(table)") }
        for table in ["contract_text", "text_source"] { try db.execute(sql: "DROP TABLE IF EXISTS text.\(table)") }
        try db.execute(sql: """
            CREATE TABLE source (
                name TEXT PRIMARY KEY,
                signature TEXT NOT NULL
            );
            CREATE TABLE problem (
                source TEXT NOT NULL,
                path TEXT NOT NULL,
                location TEXT NOT NULL,
                message TEXT NOT NULL
            );
            CREATE TABLE contract (
                rowid INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                source TEXT NOT NULL,
                title TEXT NOT NULL,
                lead TEXT NOT NULL,
                leadID TEXT NOT NULL,
                vendor TEXT NOT NULL,
                category TEXT NOT NULL,
                status TEXT NOT NULL,
                endDate TEXT,
                clauseOpen INTEGER NOT NULL,
                kinds TEXT,
                regions TEXT,
                named TEXT NOT NULL,
                -- Where the record is: bytes of its catalog file (the JSON stays the only copy;
                -- a lookup reads them and checks the id), or NULL for the store's own files.
                offset INTEGER,
                length INTEGER
            );
            CREATE INDEX contract_source ON contract(source);
            \(textTable(in: "text"));
            -- Which sources the full-text file holds, as the main file says for its rows: where
            -- the two disagree (a crash between their commits), the source is indexed again.
            CREATE TABLE text.text_source (
                name TEXT PRIMARY KEY,
                signature TEXT NOT NULL
            );
            CREATE TABLE party (
                id TEXT PRIMARY KEY,
                source TEXT NOT NULL,
                record BLOB NOT NULL
            );
            CREATE INDEX party_source ON party(source);
            PRAGMA user_version = \(schemaVersion);
            PRAGMA text.user_version = \(schemaVersion);
            """)
        try createSortIndexes(db)
    }

    /// The full-text index: accents and case folded; per-column detail for weighting title
    /// matches over description ones. No prefix tables: searches use prefixes of three letters
    /// or more (`CatalogQuery.shortestPrefix`), which the index answers in milliseconds without
    /// them, and they would double its size and the time an import takes to build it.
    static func textTable(in schema: String) -> String {
        """
        CREATE VIRTUAL TABLE \(schema).contract_text USING fts5(
            title, vendor, lead, category, description,
            tokenize='unicode61 remove_diacritics 2', detail='column'
        )
        """
    }

    /// The indexes that make sorted pages cheap. A bulk insert drops them and builds them
    /// again afterwards: one sort per index instead of a b-tree update per row and index.
    static let sortIndexes = [
        "contract_title ON contract(title COLLATE NOCASE)",
        "contract_lead ON contract(lead COLLATE NOCASE)",
        "contract_vendor ON contract(vendor COLLATE NOCASE)",
        "contract_category ON contract(category COLLATE NOCASE)",
        "contract_end ON contract(endDate)",
        // Status and end serve the status and expiry filters; the eligibility columns after
        // them let "joinable by my party" count from the index alone (100,000 contracts:
        // 61 ms reading the rows, 14 ms reading this).
        "contract_status ON contract(status, endDate, clauseOpen, kinds, regions, named)",
    ]

    static func createSortIndexes(_ db: Database) throws {
        for index in sortIndexes { try db.execute(sql: "CREATE INDEX IF NOT EXISTS \(index)") }
    }

    static func dropSortIndexes(_ db: Database) throws {
        for index in sortIndexes {
            try db.execute(sql: "DROP INDEX IF EXISTS \(index.prefix { $0 != " " })")
        }
    }

    // MARK: Keeping up with the files

    /// The sources as they are on disk now, by name, with their signatures.
    func currentSources() -> [String: String] {
        var sources: [String: String] = [:]
        sources[CatalogIndex.localSource] = FileSignature.ofFolders([store.folder(.contract), store.folder(.party)])
        for name in DurableFile.names(in: store.catalogFolder) where name.hasSuffix(".json") && !DurableFile.isTemporaryOrHidden(name) {
            if let signature = FileSignature.of("\(store.catalogFolder)/\(name)") { sources[name] = signature }
        }
        return sources
    }

    /// Sources that changed since they were indexed, or vanished (one `stat` per file, no
    /// parsing): `local` for the store's own folders, else catalog file names.
    public func staleSources() -> [String] {
        let known = (try? knownSources()) ?? [:]
        let current = currentSources()
        return Set(known.keys).union(current.keys).filter { known[$0] != current[$0] }.sorted()
    }

    public func isCurrent() -> Bool { staleSources().isEmpty }

    /// The sources as last indexed, by name, with their signatures then. A source the two
    /// files disagree on (a crash between their commits) has no signature: it is stale.
    func knownSources() throws -> [String: String] {
        try database.read { db in
            try Dictionary(Row.fetchAll(db, sql: """
                SELECT s.name, CASE WHEN t.signature IS s.signature THEN s.signature ELSE '' END
                FROM source s LEFT JOIN text.text_source t ON t.name = s.name
                """).map { (($0[0] as String?) ?? "", ($0[1] as String?) ?? "") }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// After a crash between the two files' commits, puts the full-text file back in step with
    /// the main one before anything is written (its strays would otherwise hold row numbers
    /// that new contracts take). A source the two disagree on, either way, counts: one the
    /// full-text file alone knows is a first import that never committed in the main file.
    func repairTextIfNeeded() throws {
        let disagree = try database.read { db in
            try Int.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM (SELECT name, signature FROM source EXCEPT SELECT name, signature FROM text.text_source))
                     + (SELECT count(*) FROM (SELECT name, signature FROM text.text_source EXCEPT SELECT name, signature FROM source))
                """) ?? 0
        }
        if disagree > 0 { try database.write { db in try CatalogIndex.repairText(db) } }
    }

    /// Thrown when a refresh is cancelled; what was being indexed is rolled back.
    public struct Cancelled: Error {}

    /// How far a refresh has come: the source being read and, for a catalog file, how many of
    /// its contracts are indexed so far.
    public struct Progress: Sendable, CustomStringConvertible {
        public var source: String
        public var done: Int
        public var total: Int?

        public var description: String {
            let what = source == CatalogIndex.localSource ? "the store's contracts" : "catalog \(source)"
            guard let total, total > 0 else { return "Indexing \(what)…" }
            return "Indexing \(what): \(done.grouped) of \(total.grouped) contracts…"
        }
    }

    /// Re-reads the sources that changed. `progress` hears of each source and, in a large
    /// catalog file, of every few thousand contracts (100,000 take seconds); `isCancelled` is
    /// asked as often and stops the refresh, leaving every source fully indexed or not at all.
    @discardableResult
    public func refresh(progress: (Progress) -> Void = { _ in }, isCancelled: () -> Bool = { false }) throws(StoreError) -> RefreshReport {
        var report = RefreshReport()
        let current = currentSources()
        do {
            try repairTextIfNeeded()
            let known = try knownSources()
            for name in known.keys.sorted() where current[name] == nil {
                try database.write { db in try CatalogIndex.remove(source: name, db) }
                report.removed.append(name)
            }
            for name in current.keys.sorted() where known[name] != current[name] {
                if isCancelled() { break }
                progress(Progress(source: name, done: 0, total: nil))
                if name == CatalogIndex.localSource {
                    report.contracts += try indexLocal(signature: current[name] ?? "")
                } else {
                    report.contracts += try indexCatalogFile(name, signature: current[name] ?? "", progress: progress, isCancelled: isCancelled)
                }
                report.reindexed.append(name)
            }
            if !report.reindexed.isEmpty || !report.removed.isEmpty { checkpoint() }
        } catch let error as StoreError {
            throw error
        } catch is Cancelled {
            return report
        } catch {
            throw .io(path: path ?? store.root, message: "catalog index: \(error)")
        }
        return report
    }

    private func indexLocal(signature: String) throws -> Int {
        let loadedParties = store.loadLocal(.party), loadedContracts = store.loadLocal(.contract)
        let parties = loadedParties.records.compactMap { record -> Party? in
            if case .party(let party) = record { return party }
            return nil
        }
        let contracts = loadedContracts.records.compactMap { record -> CooperativeContract? in
            if case .contract(let contract) = record { return contract }
            return nil
        }
        try replace(source: CatalogIndex.localSource, names: parties) { writer in
            for contract in contracts { try writer.insert(contract, at: nil) }
            return (signature, loadedContracts.problems + loadedParties.problems)
        }
        return contracts.count
    }

    /// Reads a catalog file that changed on disk (a `git pull`, a copy): one scan cuts its
    /// contracts apart, every core decodes them a slice at a time, and the index takes each
    /// slice as it is done (decoding and indexing overlap, as in an import). A contract that does
    /// not decode makes the whole file a reported problem, with nothing of it indexed.
    private func indexCatalogFile(_ name: String, signature: String, progress: (Progress) -> Void, isCancelled: () -> Bool) throws -> Int {
        let path = "\(store.catalogFolder)/\(name)"
        switch CatalogIndex.outlineCatalog(path) {
        case .success(let catalog):
            if isCancelled() { throw Cancelled() }
            let bytes = catalog.bytes, ranges = catalog.contracts
            let size = 2000
            let slices = OrderedPipeline(count: (ranges.count + size - 1) / size) { number -> [CatalogEntry]? in
                var entries: [CatalogEntry] = []
                let decoder = JSONDecoder()
                for range in ranges[number * size..<min(ranges.count, (number + 1) * size)] {
                    guard let contract = try? decoder.decode(CooperativeContract.self, from: bytes[range]) else { return nil }
                    entries.append(CatalogEntry(contract))
                }
                return entries
            }
            defer { slices.stop() }
            struct Undecodable: Error {}
            do {
                try withoutActuallyEscaping(isCancelled) { isCancelled in
                    try replace(source: name, names: catalog.parties, bulk: ranges.count > CatalogIndex.bulkSize, isCancelled: isCancelled) { writer in
                        var next = 0
                        while let slice = slices.next() {
                            guard let entries = slice else { throw Undecodable() }
                            for entry in entries {
                                try writer.insert(entry, at: ranges[next])
                                next += 1
                            }
                            progress(Progress(source: name, done: next, total: ranges.count))
                        }
                        try writer.insert(parties: catalog.parties)
                        return (signature, [])
                    }
                }
            } catch is Undecodable {
                try rememberBroken(name, signature: signature, problem: CatalogIndex.problem(path, bytes: bytes))
                return 0
            }
            return ranges.count
        case .failure(let problem):
            try rememberBroken(name, signature: signature, problem: problem)
            return 0
        }
    }

    /// A broken catalog is reported, skipped and never rewritten; it is not read again until
    /// it changes.
    private func rememberBroken(_ name: String, signature: String, problem: StoreProblem) throws {
        try database.write { db in
            try CatalogIndex.remove(source: name, db)
            try CatalogIndex.remember(source: name, signature: signature, problems: [problem], db)
        }
    }

    /// What is wrong with a catalog file, as precisely as the store's own decoder says (only
    /// broken files take this slow way).
    static func problem(_ path: String, bytes: JSONBytes) -> StoreProblem {
        switch RecordCodec.decode(CatalogFile.self, from: bytes[0..<bytes.count], path: path) {
        case .success: return StoreProblem(path: path, location: "", message: "not a catalog file")
        case .failure(let problem): return problem
        }
    }

    /// A catalog file read and outlined: where each contract is, and its parties decoded.
    static func outlineCatalog(_ path: String) -> Result<(bytes: JSONBytes, contracts: [Range<Int>], parties: [Party]), StoreProblem> {
        let bytes: JSONBytes
        do { bytes = try JSONBytes(contentsOf: path) } catch {
            return .failure(StoreProblem(path: path, location: "", message: error.message))
        }
        guard let outline = try? JSONScanner.outline(of: bytes.buffer, capturing: []), outline.isObject,
              let ranges = outline.members.first(where: { $0.key == "contracts" })?.elements?.map(\.range),
              outline.members.contains(where: { $0.key == "source" })
        else { return .failure(problem(path, bytes: bytes)) }
        var parties: [Party] = []
        if let range = outline.members.first(where: { $0.key == "parties" })?.value {
            guard let list = try? JSONDecoder().decode([Party].self, from: bytes[range]) else { return .failure(problem(path, bytes: bytes)) }
            parties = list
        }
        return .success((bytes, ranges, parties))
    }

    /// Replaces what the index holds of one source, in one transaction: `body` inserts the new
    /// rows through the writer and returns the source's signature and problems. Readers see
    /// the old rows until the commit. A bulk replace drops the sort indexes and builds them
    /// again afterwards (one sort per index instead of a b-tree update per row and index).
    public func replace(source: String, names parties: [Party] = [], bulk: Bool = false, isCancelled: @escaping () -> Bool = { false },
                        _ body: (Writer) throws -> (signature: String, problems: [StoreProblem])) throws {
        var clock = PhaseTimer()
        try repairTextIfNeeded()
        // A bulk replace on disk fills the full-text file from a second thread. Its transaction
        // here is DEFERRED: IMMEDIATE would take the write lock of every attached file, the
        // full-text one included, and the second thread could never write it.
        let parallel = bulk && textPath != nil
        try database.writeWithoutTransaction { db in
            try db.inTransaction(parallel ? .deferred : .immediate) {
                if bulk { try CatalogIndex.dropSortIndexes(db) }
                var text: TextWriter?
                if parallel, let textPath {
                    let oldRows = try Int64.fetchAll(db, sql: "SELECT rowid FROM contract WHERE source = ?", arguments: [source])
                    let all = try Int.fetchOne(db, sql: "SELECT count(*) FROM contract") ?? 0
                    text = TextWriter(path: textPath, source: source, wholeIndex: !oldRows.isEmpty && oldRows.count == all, oldRows: oldRows)
                }
                // Rolls the full-text file back when anything here fails (nothing once it committed).
                defer { text?.abandon() }
                try CatalogIndex.remove(source: source, text: text == nil, db)
                clock.lap("    remove old")
                let writer = try Writer(db: db, source: source, parties: parties, text: text, isCancelled: isCancelled)
                let (signature, problems) = try body(writer)
                clock.lap("    rows")
                if bulk {
                    try CatalogIndex.createSortIndexes(db)
                    clock.lap("    sort indexes")
                }
                try CatalogIndex.remember(source: source, signature: signature, problems: problems, text: text == nil, db)
                // The full-text file commits first, this one right after (see TextWriter).
                try text?.finish(signature: signature)
                clock.lap("    full text")
                return .commit
            }
        }
        clock.lap("    commit")
        checkpoint()
        clock.lap("    checkpoint")
    }

    /// Moves what a write put in the write-ahead log into the database and empties the log.
    /// Otherwise a process that ends with the index open leaves a log as large as the catalog,
    /// and every later process reads all of it before its first query.
    func checkpoint() {
        try? database.writeWithoutTransaction { db in
            try db.checkpoint(.truncate)
            try db.checkpoint(.truncate, on: "text")
        }
    }

    /// Deletes what the index holds of a source. `text: false` leaves the full-text file to
    /// the thread that rewrites it in parallel (`TextWriter`).
    static func remove(source: String, text: Bool = true, _ db: Database) throws {
        let rows = try Int.fetchOne(db, sql: "SELECT count(*) FROM contract WHERE source = ?", arguments: [source]) ?? 0
        let all = try Int.fetchOne(db, sql: "SELECT count(*) FROM contract") ?? 0
        if rows > 0, rows == all {
            // The whole index is this source (one big catalog, re-imported): start the tables
            // afresh instead of deleting 100,000 entries one by one (seconds).
            if text {
                try db.execute(sql: "DROP TABLE text.contract_text")
                try db.execute(sql: textTable(in: "text"))
            }
            try db.execute(sql: "DELETE FROM contract")
        } else if rows > 0, text {
            try db.execute(sql: "DELETE FROM contract_text WHERE rowid IN (SELECT rowid FROM contract WHERE source = ?)", arguments: [source])
        }
        try db.execute(sql: "DELETE FROM contract WHERE source = ?", arguments: [source])
        try db.execute(sql: "DELETE FROM party WHERE source = ?", arguments: [source])
        try db.execute(sql: "DELETE FROM source WHERE name = ?", arguments: [source])
        try db.execute(sql: "DELETE FROM problem WHERE source = ?", arguments: [source])
        if text { try db.execute(sql: "DELETE FROM text.text_source WHERE name = ?", arguments: [source]) }
    }

    static func remember(source: String, signature: String, problems: [StoreProblem], text: Bool = true, _ db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO source (name, signature) VALUES (?, ?)", arguments: [source, signature])
        if text { try db.execute(sql: "INSERT OR REPLACE INTO text.text_source (name, signature) VALUES (?, ?)", arguments: [source, signature]) }
        for problem in problems {
            try db.execute(sql: "INSERT INTO problem (source, path, location, message) VALUES (?, ?, ?, ?)",
                           arguments: [source, problem.path, problem.location, problem.message])
        }
    }

    /// After a crash between the two files' commits: drops full-text rows whose contract is
    /// not indexed, and the full-text file's record of sources the main file does not hold, so
    /// the sources involved (left with disagreeing signatures) are indexed again cleanly.
    static func repairText(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM contract_text WHERE rowid NOT IN (SELECT rowid FROM contract)")
        try db.execute(sql: "DELETE FROM text.text_source WHERE name NOT IN (SELECT name FROM source)")
    }

    /// Puts one source's rows into the index, inside `replace`'s transaction.
    public final class Writer {
        let db: Database
        let source: String
        let rows: RawInsert, texts: RawInsert
        /// The prepared statements behind `rows` and `texts`, alive as long as they are used.
        let statements: [Statement]
        let partyStatement: Statement
        /// Finds a catalog's row that a local contract replaces.
        var displaced: Statement?
        /// The full-text rows go to this thread instead, when it writes that file in parallel.
        let text: TextWriter?
        /// Display names of the parties, for contracts that carry none.
        var names: [String: String]
        let isCancelled: () -> Bool
        private var offered = 0

        init(db: Database, source: String, parties: [Party], text: TextWriter? = nil, isCancelled: @escaping () -> Bool) throws {
            self.db = db
            self.source = source
            self.text = text
            self.isCancelled = isCancelled
            names = Dictionary(parties.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            // A hundred thousand rows: bound through SQLite's own calls, without building GRDB's
            // per-row argument arrays (a third of the bulk insert's time). An id already in the
            // index is ignored (the unique index says so, no set of every id is loaded).
            let rowStatement = try db.makeStatement(sql: """
                INSERT OR IGNORE INTO contract (id, source, title, lead, leadID, vendor, category, status, endDate,
                                                clauseOpen, kinds, regions, named, offset, length)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let textStatement = try db.makeStatement(sql: """
                INSERT INTO contract_text (rowid, title, vendor, lead, category, description) VALUES (?, ?, ?, ?, ?, ?)
                """)
            statements = [rowStatement, textStatement]
            rows = RawInsert(rowStatement.sqliteStatement)
            texts = RawInsert(textStatement.sqliteStatement)
            partyStatement = try db.makeStatement(sql: "INSERT OR IGNORE INTO party (id, source, record) VALUES (?, ?, ?)")
            if source == CatalogIndex.localSource {
                // The store's own contract wins over a catalog's with the same id (an export of
                // this store imported back), whichever was indexed first.
                displaced = try db.makeStatement(sql: "SELECT rowid FROM contract WHERE id = ?")
            }
        }

        /// Indexes one contract found at `location` in the source's file (nil: the store's
        /// own contract file).
        public func insert(_ contract: CooperativeContract, at location: Range<Int>?) throws {
            try insert(CatalogEntry(contract), at: location)
        }

        public func insert(_ entry: CatalogEntry, at location: Range<Int>?) throws {
            if let displaced, let row = try Int64.fetchOne(displaced, arguments: [entry.id]) {
                try db.execute(sql: "DELETE FROM contract_text WHERE rowid = ?", arguments: [row])
                try db.execute(sql: "DELETE FROM contract WHERE rowid = ?", arguments: [row])
            }
            offered += 1
            if offered % 1000 == 0, isCancelled() { throw Cancelled() }
            let lead = entry.leadName ?? names[entry.leadID] ?? entry.leadID
            let vendor = entry.vendorName ?? names[entry.vendorID] ?? entry.vendorID
            rows.bind(1, entry.id)
            rows.bind(2, source)
            rows.bind(3, entry.title)
            rows.bind(4, lead)
            rows.bind(5, entry.leadID)
            rows.bind(6, vendor)
            rows.bind(7, entry.category)
            rows.bind(8, entry.status)
            rows.bind(9, entry.end)
            rows.bind(10, entry.clauseOpen ? 1 : 0)
            rows.bind(11, entry.kinds)
            rows.bind(12, entry.regions)
            rows.bind(13, entry.named)
            if let location {
                rows.bind(14, location.lowerBound)
                rows.bind(15, location.count)
            } else {
                rows.bind(14, nil as String?)
                rows.bind(15, nil as String?)
            }
            try rows.step(db)
            // Ignored: the id is indexed already, from the store's own files or an earlier line.
            guard sqlite3_changes(db.sqliteConnection) > 0 else { return }
            if let text {
                try text.add(TextWriter.Row(rowid: db.lastInsertedRowID, title: entry.title, vendor: vendor, lead: lead,
                                            category: entry.category, description: entry.description))
                return
            }
            texts.bind(1, db.lastInsertedRowID)
            texts.bind(2, entry.title)
            texts.bind(3, vendor)
            texts.bind(4, lead)
            texts.bind(5, entry.category)
            texts.bind(6, entry.description)
            try texts.step(db)
        }

        /// Display names for contracts that carry none (the first of an id wins).
        public func learnNames(_ parties: [Party]) {
            for party in parties where names[party.id] == nil { names[party.id] = party.name }
        }

        /// Leads and vendors known only from this catalog (the first of an id wins).
        public func insert(parties: [Party]) throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            for party in parties {
                if names[party.id] == nil { names[party.id] = party.name }
                try partyStatement.execute(arguments: [party.id, source, try encoder.encode(party)])
            }
        }
    }

    // MARK: Reading

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

/// One prepared INSERT driven through SQLite's C calls: bind, step, reset.
struct RawInsert {
    let statement: OpaquePointer
    /// SQLite copies the bytes before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ statement: OpaquePointer) {
        self.statement = statement
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
    }

    func bind(_ index: Int32, _ value: String?) {
        guard var text = value else {
            sqlite3_bind_null(statement, index)
            return
        }
        text.withUTF8 { bytes in
            _ = bytes.withMemoryRebound(to: CChar.self) { characters in
                sqlite3_bind_text(statement, index, characters.baseAddress, Int32(characters.count), RawInsert.transient)
            }
        }
    }

    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(statement, index, value) }
    func bind(_ index: Int32, _ value: Int) { sqlite3_bind_int64(statement, index, Int64(value)) }

    func step(_ db: Database) throws {
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }
}
