import CobuyCore
import CobuyStore

/// The model reads the catalog through ``CatalogReader``; the index is the reader the app runs on.
extension CatalogIndex: CatalogReader {
    /// The index's columns only (no record decoded), a few milliseconds on 100,000 contracts.
    public func page(_ query: CatalogQuery, today: CalendarDate, offset: Int, limit: Int,
                     joiner: CatalogQuery.JoiningParty?) throws -> CatalogPage {
        let page = try rows(query, today: today, offset: offset, limit: limit, joiner: joiner)
        let rows = page.rows.map {
            RecordSummary(contractID: $0.id, status: $0.status, title: $0.title, lead: $0.lead, vendor: $0.vendor,
                          category: $0.category, end: $0.end, eligible: $0.eligible)
        }
        return CatalogPage(total: page.total, offset: offset, rows: rows, joinable: Set(page.rows.filter(\.joinable).map(\.id)),
                           ranked: page.ranked)
    }
}
