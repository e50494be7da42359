import CobuyCore
import CobuyStore

/// The catalogs' contracts as the model sees them: a window of list rows for a query, one
/// contract or party by id, and how many contracts there are. The runtime passes the index's
/// reader; tests pass one that holds its rows in memory. The model only asks; it never opens
/// a file or a database, so ``AppState/update(_:)`` is the same function on either.
public protocol CatalogReader: Sendable {
    /// Every contract the catalogs hold.
    var contractCount: Int { get }
    /// Rows `offset ..< offset + limit` of the contracts matching `query`, with which of them
    /// `joiner` may join today.
    func page(_ query: CatalogQuery, today: CalendarDate, offset: Int, limit: Int,
              joiner: CatalogQuery.JoiningParty?) throws -> CatalogPage
    func contract(_ id: String) -> CooperativeContract?
    func party(_ id: String) -> Party?
}
