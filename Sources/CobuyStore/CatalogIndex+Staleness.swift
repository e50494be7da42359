import Foundation
import GRDB

extension CatalogIndex {
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
}
