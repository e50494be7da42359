import CobuyCore
import CobuyProcess
import GRDB

extension CatalogIndex {
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
}
