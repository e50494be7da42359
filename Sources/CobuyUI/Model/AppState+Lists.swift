import CobuyCore
import CobuyStore

extension AppState {
    mutating func refreshList(_ kind: RecordKind, keepingSelection: Bool = false) {
        guard var list = lists[kind] else { return }
        if kind == .contract, let catalog = snapshot.catalog {
            showCatalogPage(&list, from: catalog, keepingSelection: keepingSelection)
        } else {
            list.refresh(snapshot.rows[kind] ?? [], joinable: joinable, today: today)
        }
        lists[kind] = list
    }

    /// Asks the catalog for the window of rows around the selection: a screen's height above
    /// and below it.
    private mutating func showCatalogPage(_ list: inout RecordList, from catalog: any CatalogReader, keepingSelection: Bool) {
        var joiner: CatalogQuery.JoiningParty?
        if let officer, let party = snapshot.directory.party(officer.party) {
            joiner = CatalogQuery.JoiningParty(party: party, addenda: snapshot.directory.addenda.values.map(AnyRecord.addendum))
        }
        if !keepingSelection { list.selected = 0 }
        let reach = max(height, 10)
        let start = max(0, list.selected - reach)
        do {
            let page = try catalog.page(list.catalogQuery(officerParty: joiner), today: today, offset: start, limit: 2 * reach + 2,
                                        joiner: joiner)
            list.show(page, keepingSelection: true)
        } catch {
            message = .error("The catalog search failed: \(error)")
        }
    }

    /// After the selection moved: fetch the rows around it if they are not held.
    mutating func followSelection() {
        guard let list = lists[.contract], list.page != nil, !list.pageCovers(height: max(height, 10)) else { return }
        refreshList(.contract, keepingSelection: true)
    }
}
