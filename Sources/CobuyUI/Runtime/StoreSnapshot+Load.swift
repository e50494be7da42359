import CobuyCore
import CobuyStore

extension StoreSnapshot {
    /// Reads the store's own records and the catalog contracts its addenda use (unreadable
    /// files become problems, not failures); the rest of the catalogs stays in the index.
    public static func load(from store: Store, today: CalendarDate, catalog: CatalogIndex?) -> StoreSnapshot {
        let loaded = store.loadWorkingSet(index: catalog)
        return StoreSnapshot(records: loaded.records, problems: loaded.problems, today: today, catalog: catalog)
    }
}
