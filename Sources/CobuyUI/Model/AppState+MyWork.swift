import CobuyCore

/// The dashboard's "My work": what waits for the acting party, as the core reads it from the
/// machines (``PartyWork``); each entry opens its record on the step to take.
extension AppState {
    mutating func refreshMyWork() {
        guard let officer, snapshot.directory.party(officer.party) != nil else {
            myWork = []
            return
        }
        let directory = snapshot.directory
        myWork = PartyWork.items(for: officer.party, solicitations: directory.solicitations.values.sorted { $0.id < $1.id },
                                 contracts: directory.contracts.values.sorted { $0.id < $1.id },
                                 addenda: directory.addenda.values.sorted { $0.id < $1.id },
                                 now: now, lookup: snapshot.lookup)
    }

    var myWorkEntries: [Dashboard.Entry] {
        // In the UI's words: the core's reasons name command-line flags.
        myWork.map { Dashboard.Entry(id: $0.recordID, title: $0.title, detail: ScreenWords.onScreen($0.detail), days: $0.days) }
    }

    /// The record `id` as it opens from the current screen: from a My work entry, on the actions
    /// pane with the step to take highlighted (a deadline with no step of the party's opens on
    /// its details); otherwise on the actions pane, first action highlighted.
    func openingView(for id: String) -> RecordView {
        var view = RecordView(id: id)
        guard opened == nil, tab == .dashboard, myWork.indices.contains(dashboardSelection),
              myWork[dashboardSelection].recordID == id else { return view }
        guard let action = myWork[dashboardSelection].action else {
            view.pane = .details
            return view
        }
        view.selectedAction = availableActions(for: id).firstIndex { $0.spec.name == action } ?? 0
        return view
    }
}
