import CobuyCore
import Foundation
import GRDB
import GRDBSQLite

extension CatalogIndex {
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
                                                clauseOpen, kinds, regions, named, offset, length, singleAward)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
            rows.bind(16, entry.singleAward ? 1 : 0)
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
}
