import GRDB

extension CatalogIndex {
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
                singleAward INTEGER NOT NULL,
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
}
