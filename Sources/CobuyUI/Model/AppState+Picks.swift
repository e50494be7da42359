import CobuyCore
import CobuyStore

/// What each reference field of a form may take, from the snapshot.
extension AppState {
    func picks(for spec: ActionSpec, recordID: String) -> [String: [Pick]] {
        var picks: [String: [Pick]] = [:]
        let parties = snapshot.directory.parties.values.sorted { $0.name < $1.name }
        let solicitation = snapshot.directory.solicitation(recordID)
        for parameter in spec.parameters {
            switch (parameter.kind, parameter.flag) {
            case (.party, "vendor"):
                picks[parameter.flag] = parties.filter { $0.kind == .vendor }.map { Pick(id: $0.id, label: $0.name) }
            case (.party, _):
                picks[parameter.flag] = parties.filter { $0.kind.isPublicBody }.map { Pick(id: $0.id, label: $0.name) }
            case (_, "contract"):
                picks[parameter.flag] = contractPicks(typed: "")
            case (_, "proposal"):
                picks[parameter.flag] = (solicitation?.proposals ?? []).map { proposal in
                    Pick(id: proposal.id, label: snapshot.directory.party(proposal.vendor)?.name ?? proposal.vendor)
                }
            case (_, "criterion") where spec.name != "add-criterion":
                picks[parameter.flag] = (solicitation?.criteria ?? []).map { Pick(id: $0.name, label: "weight \($0.weight)") }
            case (.text, _), (.integer, _), (.money, _), (.date, _), (.list, _), (.choice, _), (.switchFlag, _):
                break
            }
        }
        return picks
    }

    /// A contract field suggests the store's contracts and, as the officer types, the
    /// catalogs' (a page of the index, the Contracts tab's search): a hundred thousand imported
    /// contracts cannot be listed up front, and typing a few words of a title, a vendor or a
    /// lead is how an officer names one.
    func contractPicks(typed: String) -> [Pick] {
        let local = snapshot.directory.contracts.values.sorted { $0.id < $1.id }.map { Pick(id: $0.id, label: $0.title) }
        // Past a title's length the text is a paste, not a name: no index search at each key.
        guard let catalog = snapshot.catalog, (3...120).contains(typed.trimmingSpaces.count) else { return local }
        var query = CatalogQuery()
        query.text = typed
        guard let page = try? catalog.page(query, today: today, offset: 0, limit: 8, joiner: nil) else { return local }
        let known = Set(local.map(\.id))
        // The label carries the lead and vendor too, so a row the search found by them is not
        // dropped again by the suggestion ranking, which matches id and label.
        return local + page.rows.filter { !known.contains($0.id) }.map { row in
            Pick(id: row.id, label: [row.title, row.value("lead"), row.value("vendor")].filter { !$0.isEmpty }.joined(separator: " — "))
        }
    }
}
