import CobuyCore
import CobuyTerminal

/// Keys on the screens (lists, dashboard, a record): the key table names the command.
extension AppState {
    mutating func handle(_ key: Key) -> [Effect] {
        if key == .ctrl("c") || key == .ctrl("q") { return requestQuit() }
        // Too small to draw: the screen says only "enlarge it, or press q to quit", so q quits
        // (nothing unsaved can be seen to confirm) and other keys do nothing they cannot show.
        if width < Layout.minimumWidth || height < Layout.minimumHeight {
            if key == .character("q") {
                isRunning = false
                return [.quit]
            }
            return []
        }
        if let modal { return handleModal(key, modal) }
        if search != nil { return handleSearch(key) }
        if key == .escape, indexing != nil, opened == nil {
            message = .info("Stopping the indexing…")
            return [.cancelIndexing]
        }
        // Any key on a screen clears the message ("Cancelled; nothing was changed." belongs to
        // what just happened, not to the next screen), except the one that reads it in full.
        let command = KeyTable.command(for: key, on: screen)
        if command != .readInFull { message = nil }
        guard let command else { return [] }
        return perform(command)
    }

    mutating func requestQuit() -> [Effect] {
        if case .form(let form)? = modal, form.isDirty {
            modal = .confirmQuit
            return []
        }
        if case .identity(let form)? = modal, !form.name.isEmpty, officer == nil {
            modal = .confirmQuit
            return []
        }
        isRunning = false
        return [.quit]
    }

    mutating func perform(_ command: Command) -> [Effect] {
        let page = max(1, height - 6)
        switch command {
        case .moveDown: move(1)
        case .moveUp: move(-1)
        case .pageDown: move(page)
        case .pageUp: move(-page)
        case .top: move(Int.min / 2)
        case .bottom: move(Int.max / 2)
        case .open:
            if var view = opened {
                if view.pane == .actions { return chooseAction(at: view.selectedAction) }
                if view.pane == .links { return followSelectedLink() }
                view.pane = .actions
                opened = view
            } else if let id = selectedRecordID {
                opened = openingView(for: id)
            }
        case .back:
            if goBack() {
                return []
            } else if opened != nil {
                opened = nil
            } else if let kind = tab.kind, !(lists[kind]?.search.isEmpty ?? true) {
                lists[kind]?.search = ""
                refreshList(kind)
            }
        case .nextPane, .previousPane:
            guard var view = opened else { return [] }
            let panes = RecordView.Pane.panes(for: RecordKind(id: view.id))
            let delta = command == .nextPane ? 1 : panes.count - 1
            view.pane = panes[((panes.firstIndex(of: view.pane) ?? 0) + delta) % panes.count]
            opened = view
            if view.pane == .draft { return [.renderDraft(addendumID: view.id)] }
        case .tab(let tab):
            self.tab = tab
            opened = nil
            // A tab chosen by hand is a fresh start: Esc no longer returns along followed links.
            navigation.clear()
        case .search:
            // A new search each time; ↑ recalls the earlier ones. Esc puts the previous one back.
            guard let kind = tab.kind, let list = lists[kind] else { return [] }
            search = SearchInput(field: TextField(), previous: list.search)
            if !list.search.isEmpty {
                lists[kind]?.search = ""
                refreshList(kind)
            }
        case .newRecord:
            guard let kind = NewRecord.forTab(tab) else { return [] }
            return openNewForm(kind)
        case .actions:
            if opened == nil, let id = selectedRecordID { opened = openingView(for: id) }
            opened?.pane = .actions
        case .links:
            opened?.pane = .links
        case .goTo:
            openGoTo()
        case .edit:
            guard let id = opened?.id, case .addendum(let addendum)? = snapshot.record(id) else { return [] }
            return openForm(recordID: id, actionName: "edit", prefill: [
                "scope": addendum.scope,
                "contact": addendum.contacts.first?.summary ?? "",
                "spend": addendum.estimatedAnnualSpend?.plainAmount ?? "",
                "end": addendum.endDate?.description ?? "",
                "po-instructions": addendum.purchaseOrderInstructions,
            ])
        case .export:
            guard let id = selectedRecordID, case .addendum(let addendum)? = snapshot.record(id) else {
                message = .info("x exports a participating addendum's draft: select or open one (tab 4).")
                return []
            }
            modal = .export(ExportPrompt(addendumID: id, participant: addendum.party, folder: exportFolder))
        case .join:
            return joinSelectedContract()
        case .sortNext, .sortReverse:
            guard let kind = tab.kind, var list = lists[kind] else { return [] }
            if command == .sortReverse {
                list.ascending.toggle()
            } else {
                let columns = RecordList.columns(for: kind)
                let next = columns[((columns.firstIndex(of: list.sortColumn) ?? -1) + 1) % columns.count]
                list.sortColumn = next
                list.ascending = true
            }
            lists[kind] = list
            refreshList(kind)
            message = .info("Sorted by \(lists[kind]?.sortColumn ?? "") \(lists[kind]?.ascending == true ? "ascending" : "descending")")
        case .filterStatus:
            guard let kind = tab.kind, kind != .party, var list = lists[kind] else { return [] }
            let statuses = statusChoices(for: kind)
            let current = list.filters.status.flatMap { statuses.firstIndex(of: $0) } ?? -1
            list.filters.status = current + 1 < statuses.count ? statuses[current + 1] : nil
            lists[kind] = list
            refreshList(kind)
        case .filterJoinable:
            guard officer != nil else {
                message = .error("Choose who you act for first (o), to see what your party can join.")
                return []
            }
            lists[.contract]?.filters.joinableOnly.toggle()
            refreshList(.contract)
        case .filterExpiring:
            let current = lists[.contract]?.filters.expiringWithin
            lists[.contract]?.filters.expiringWithin = current == nil ? Dashboard.expiryWindow : nil
            refreshList(.contract)
        case .clearFilters:
            guard let kind = tab.kind else { return [] }
            lists[kind]?.filters = ListFilters()
            lists[kind]?.search = ""
            refreshList(kind)
        case .help:
            helpScroll = 0
            modal = .help
        case .palette:
            modal = .palette(Palette(entries: paletteEntries()))
        case .reload:
            message = .info("Reloaded.")
            return [.reload]
        case .sync:
            message = .info("Syncing with the other members: committing, fetching, merging, pushing…")
            return [.sync]
        case .quit:
            return requestQuit()
        case .readInFull:
            modal = .reader(readerForScreen())
        case .externalEditor:
            return []
        case .changeOfficer:
            modal = .identity(identityForm())
        }
        return []
    }

    func statusChoices(for kind: RecordKind) -> [String] {
        switch kind {
        case .party: return []
        case .solicitation: return JointSolicitation.Status.allCases.map(\.rawValue)
        case .contract: return CooperativeContract.Status.allCases.map(\.rawValue) + ["expired"]
        case .addendum: return ParticipatingAddendum.Status.allCases.map(\.rawValue)
        }
    }

    mutating func move(_ delta: Int) {
        if var view = opened {
            switch view.pane {
            // No further than the pane's last page, so the first k after many j moves at once.
            case .details: view.detailScroll = clampedScroll(view.detailScroll.addingClamped(delta), view)
            case .history: view.historyScroll = clampedScroll(view.historyScroll.addingClamped(delta), view)
            case .draft: view.draftScroll = clampedScroll(view.draftScroll.addingClamped(delta), view)
            case .links:
                let count = links(of: view.id).count
                view.selectedLink = max(0, min(count - 1, view.selectedLink.addingClamped(delta)))
            case .actions:
                let count = availableActions(for: view.id).count
                view.selectedAction = max(0, min(count - 1, view.selectedAction.addingClamped(delta)))
            }
            opened = view
            return
        }
        switch tab {
        case .dashboard:
            let count = dashboardEntries.count
            dashboardSelection = max(0, min(count - 1, dashboardSelection.addingClamped(delta)))
        case .solicitations, .contracts, .addenda, .parties:
            guard let kind = tab.kind else { return }
            lists[kind]?.move(by: delta)
            if kind == .contract { followSelection() }
        }
    }

    func clampedScroll(_ scroll: Int, _ view: RecordView) -> Int {
        min(max(0, scroll), RecordScreen.scrollLimit(self, view: view) ?? Int.max)
    }
}
