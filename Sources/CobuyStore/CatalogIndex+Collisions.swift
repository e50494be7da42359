import GRDB

extension CatalogIndex {
    /// Every contract id the index knows, with where it comes from (`local` for the store's own
    /// contracts, else a catalog file name), except those of `source`: what an import of that
    /// catalog must not take over. Needs a current index (refresh first).
    public func contractSources(outside source: String) -> [String: String] {
        let rows = (try? database.read { db in
            try Row.fetchAll(db, sql: "SELECT id, source FROM contract WHERE source <> ?", arguments: [source])
        }) ?? []
        var sources: [String: String] = [:]
        sources.reserveCapacity(rows.count)
        for row in rows {
            guard let id: String = row["id"], let from: String = row["source"] else { continue }
            sources[id] = from
        }
        return sources
    }
}
