import Foundation
import GRDB
import GRDBSQLite

/// Fills the full-text file on a thread of its own while `CatalogIndex.replace` writes the
/// contract rows and builds their sort orders: SQLite lets one connection write a file at a
/// time, and the full-text index is the largest single piece of an import's work (about a
/// second for 100,000 contracts), so the two files are written side by side.
///
/// The order of commits keeps a crash harmless: this file commits first, the main file right
/// after; a crash between leaves the two with different signatures for the source, which then
/// reads as stale and is indexed again (`CatalogIndex.repairText` drops the strays).
final class TextWriter: @unchecked Sendable {
    /// One contract's searchable text, keyed by its row in the main file.
    struct Row: Sendable {
        var rowid: Int64
        var title: String
        var vendor: String
        var lead: String
        var category: String
        var description: String
    }

    private let condition = NSCondition()
    private var batches: [[Row]] = []
    private var finishing: String?
    private var abandoned = false
    private var done = false
    private var failure: Error?
    private var pending: [Row] = []
    private static let batchSize = 1000
    /// Batches waiting at most: the main thread waits rather than let memory grow.
    private static let window = 16

    /// Starts the thread: it opens its own connection, takes the file's write lock and removes
    /// what the file holds of `source` (all of it when `wholeIndex`, else the rows `oldRows`).
    init(path: String, source: String, wholeIndex: Bool, oldRows: [Int64]) {
        let thread = Thread { [self] in
            do {
                try self.run(path: path, source: source, wholeIndex: wholeIndex, oldRows: oldRows)
            } catch {
                condition.withLock { failure = error }
            }
            condition.withLock {
                done = true
                condition.broadcast()
            }
        }
        thread.name = "cobuy.text-index"
        thread.stackSize = 4 << 20
        thread.start()
    }

    deinit { abandon() }

    func add(_ row: Row) throws {
        pending.append(row)
        if pending.count >= TextWriter.batchSize { try flush() }
    }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending = []
        try condition.withLock {
            while batches.count >= TextWriter.window, failure == nil, !done { condition.wait() }
            if let failure { throw failure }
            batches.append(batch)
            condition.broadcast()
        }
    }

    /// Hands over the last rows, records the source's signature and commits; returns once the
    /// file is committed, or throws what went wrong on the thread.
    func finish(signature: String) throws {
        try flush()
        try condition.withLock {
            finishing = signature
            condition.broadcast()
            while !done { condition.wait() }
            if let failure { throw failure }
        }
    }

    /// Rolls back whatever the thread wrote and waits for it to end.
    func abandon() {
        condition.withLock {
            guard !done else { return }
            abandoned = true
            condition.broadcast()
            while !done { condition.wait() }
        }
    }

    struct Abandoned: Error {}

    private func run(path: String, source: String, wholeIndex: Bool, oldRows: [Int64]) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.label = "cobuy.text-index"
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY")
            try db.execute(sql: "BEGIN IMMEDIATE")
            do {
                if wholeIndex {
                    try db.execute(sql: "DROP TABLE contract_text")
                    try db.execute(sql: CatalogIndex.textTable(in: "main"))
                } else {
                    for start in stride(from: 0, to: oldRows.count, by: 500) {
                        let chunk = Array(oldRows[start..<min(oldRows.count, start + 500)])
                        try db.execute(sql: "DELETE FROM contract_text WHERE rowid IN (\(chunk.map { _ in "?" }.joined(separator: ",")))",
                                       arguments: StatementArguments(chunk))
                    }
                }
                try db.execute(sql: "DELETE FROM text_source WHERE name = ?", arguments: [source])
                let statement = try db.makeStatement(sql: """
                    INSERT INTO contract_text (rowid, title, vendor, lead, category, description) VALUES (?, ?, ?, ?, ?, ?)
                    """)
                let insert = RawInsert(statement.sqliteStatement)
                while true {
                    let next: (batch: [Row]?, signature: String?) = try condition.withLock {
                        while batches.isEmpty, finishing == nil, !abandoned { condition.wait() }
                        if abandoned { throw Abandoned() }
                        if batches.isEmpty { return (nil, finishing) }
                        let batch = batches.removeFirst()
                        condition.broadcast()
                        return (batch, nil)
                    }
                    guard let batch = next.batch else {
                        try db.execute(sql: "INSERT OR REPLACE INTO text_source (name, signature) VALUES (?, ?)",
                                       arguments: [source, next.signature ?? ""])
                        break
                    }
                    for row in batch {
                        insert.bind(1, row.rowid)
                        insert.bind(2, row.title)
                        insert.bind(3, row.vendor)
                        insert.bind(4, row.lead)
                        insert.bind(5, row.category)
                        insert.bind(6, row.description)
                        try insert.step(db)
                    }
                }
                withExtendedLifetime(statement) {}
                try db.execute(sql: "COMMIT")
            } catch {
                try? db.execute(sql: "ROLLBACK")
                throw error
            }
        }
    }
}
