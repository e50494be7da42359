import CobuyCore
import CobuyTerminal

extension AppState {
    /// The only place the state changes. Returns the effects to run; their results come back
    /// as messages. Pure: no disk, no terminal, no clock.
    public mutating func update(_ event: Message) -> [Effect] {
        switch event {
        case .key(let key):
            return handle(key)
        case .mouse(let event):
            return handle(event)
        case let .resize(width, height):
            self.width = width
            self.height = height
            return []
        case .loaded(let snapshot):
            self.snapshot = snapshot
            refreshDerived()
            if let opened, snapshot.record(opened.id) == nil { self.opened = nil }
            if !snapshot.problems.isEmpty, message == nil {
                message = .error("\(snapshot.problems.count) file(s) could not be read and were skipped; run cobuy validate. First: \(snapshot.problems[0].description)")
            }
            // The preview follows the record it shows.
            if let opened, opened.pane == .draft { return [.renderDraft(addendumID: opened.id)] }
            return []
        case let .draftRendered(addendumID, lines):
            draftPreview = (addendumID, lines)
            return []
        case .indexing(let progress):
            indexing = progress
            message = .info("\(progress) Esc stops it; searches use the index as it was.")
            return []
        case .indexed(let text):
            indexing = nil
            message = .info(text)
            return [.reload]
        case .exported(let path):
            modal = nil
            self.message = .success("Wrote \(path).")
            return []
        case let .performed(recordID, action, summary, created):
            if case .form? = modal { modal = nil }
            if case .confirm? = modal { modal = nil }
            var text = "\(recordID): \(action) done (\(summary))"
            if !created.isEmpty { text += "; created \(created.joined(separator: ", "))" }
            self.message = .success(text)
            return []
        case .drafted(let addendumID):
            modal = nil
            tab = .addenda
            opened = RecordView(id: addendumID)
            opened?.pane = .details
            self.message = .success("Drafted \(addendumID). Fill it in with e, then submit it from the actions pane.")
            return []
        case let .failed(text, conflict):
            if case .form(var form)? = modal {
                form.error = text
                modal = .form(form)
            } else if case .export(var prompt)? = modal {
                prompt.error = text
                modal = .export(prompt)
            } else {
                if case .confirm? = modal { modal = nil }
                self.message = .error(text)
            }
            return conflict ? [.reload] : []
        case .officerSaved(let officer):
            self.officer = officer
            modal = nil
            refreshDerived()
            self.message = .success("Acting as \(officer.name) for \(officer.party).")
            return []
        }
    }

    var screen: KeyTable.Screen {
        if let opened {
            let kind = RecordKind(id: opened.id)
            return .record(contract: kind == .contract, addendum: kind == .addendum)
        }
        switch tab {
        case .dashboard: return .dashboard
        case .solicitations, .addenda, .parties: return .list(contracts: false)
        case .contracts: return .list(contracts: true)
        }
    }

    // MARK: Keys

    private mutating func handle(_ key: Key) -> [Effect] {
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
        guard let command = KeyTable.command(for: key, on: screen) else { return [] }
        message = nil
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
                view.pane = .actions
                opened = view
            } else if let id = selectedRecordID {
                opened = RecordView(id: id)
            }
        case .back:
            if opened != nil {
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
        case .search:
            guard let kind = tab.kind, let list = lists[kind] else { return [] }
            search = SearchInput(field: TextField(list.search), previous: list.search)
        case .searchNext: move(1)
        case .searchPrevious: move(-1)
        case .actions:
            if opened == nil, let id = selectedRecordID { opened = RecordView(id: id) }
            opened?.pane = .actions
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
            modal = .help
        case .palette:
            modal = .palette(Palette(entries: paletteEntries()))
        case .reload:
            message = .info("Reloaded.")
            return [.reload]
        case .quit:
            return requestQuit()
        case .changeOfficer:
            modal = .identity(IdentityForm(parties: snapshot.publicBodies, name: officer?.name ?? ""))
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
            case .details: view.detailScroll = max(0, view.detailScroll.addingClamped(delta))
            case .history: view.historyScroll = max(0, view.historyScroll.addingClamped(delta))
            case .draft: view.draftScroll = max(0, view.draftScroll.addingClamped(delta))
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

    /// Every action on a record with whether the officer may take it now, in the order the
    /// actions pane lists them: allowed first, then those refused for a reason worth reading,
    /// then those that do not apply in this state.
    public func availableActions(for id: String) -> [ActionAvailability] {
        guard let record = snapshot.record(id) else { return [] }
        let all = RecordActions.available(on: record, in: context)
        return all.filter(\.isAllowed) + all.filter { !$0.isAllowed && $0.refusal?.guardName != "state" }
            + all.filter { $0.refusal?.guardName == "state" }
    }

    /// Opens the form for the action at `index` of the record's actions, or refuses with the reason.
    mutating func chooseAction(at index: Int) -> [Effect] {
        guard let id = opened?.id else { return [] }
        let actions = availableActions(for: id)
        guard actions.indices.contains(index) else { return [] }
        return openForm(recordID: id, actionName: actions[index].spec.name, prefill: [:])
    }

    mutating func openForm(recordID: String, actionName: String, prefill: [String: String]) -> [Effect] {
        guard let availability = availableActions(for: recordID).first(where: { $0.spec.name == actionName }) else {
            return []
        }
        if officer == nil {
            message = .error("Nobody is acting: press o to say who you are and which party you act for.")
            return []
        }
        if let refusal = availability.refusal {
            message = .error("\(actionName) refused: \(refusal.description)")
            return []
        }
        var prefill = prefill
        for parameter in availability.spec.parameters where parameter.kind == .party && prefill[parameter.flag] == nil {
            // A partner acts for itself: offer the officer's party.
            if ["join", "sign-agreement", "withdraw"].contains(actionName) { prefill[parameter.flag] = officer?.party }
        }
        if actionName == "sign", RecordKind(id: recordID) == .addendum {
            prefill["date"] = today.description
            prefill["party"] = officer?.party == (snapshot.directory.contract((snapshot.directory.addenda[recordID]?.contract) ?? "")?.vendor) ? "vendor" : "participant"
            prefill["signer"] = officer?.name
        }
        let form = ActionForm(recordID: recordID, spec: availability.spec, prefill: prefill)
        if form.fields.isEmpty {
            return submit(form)
        }
        modal = .form(form)
        return []
    }

    /// Checks the action against the snapshot first (pure, instant), then asks for it to be
    /// written; irreversible actions are confirmed.
    mutating func submit(_ form: ActionForm) -> [Effect] {
        var form = form
        if let missing = form.missingRequired {
            form.error = "\(missing.help): --\(missing.flag) is required."
            modal = .form(form)
            return []
        }
        guard let record = snapshot.record(form.recordID) else { return [] }
        do {
            switch try RecordActions.perform(form.spec.name, form.arguments, on: record, in: context) {
            case .failure(let refusal):
                if form.fields.isEmpty {
                    message = .error("\(form.spec.name) refused: \(refusal.description)")
                } else {
                    form.error = refusal.description
                    modal = .form(form)
                }
                return []
            case .success:
                break
            }
        } catch {
            form.error = error.description
            modal = form.fields.isEmpty ? nil : .form(form)
            if form.fields.isEmpty { message = .error(error.description) }
            return []
        }
        let effect = Effect.perform(recordID: form.recordID, action: form.spec.name, arguments: form.arguments,
                                    revision: record.record.revision)
        if form.spec.isIrreversible {
            modal = .confirm(Confirmation(question: "\(form.spec.summary) (\(form.spec.name) on \(form.recordID))? This cannot be undone.",
                                          effect: effect))
            return []
        }
        if !form.fields.isEmpty { modal = .form(form) }
        return [effect]
    }

    mutating func joinSelectedContract() -> [Effect] {
        guard let id = selectedRecordID, case .contract(let contract)? = snapshot.record(id) else { return [] }
        guard let officer, let party = snapshot.directory.party(officer.party) else {
            message = .error("Choose who you act for first (o): joining drafts an addendum for your party.")
            return []
        }
        let checklist = Joinability.evaluate(contract: contract, party: party, today: today,
                                             addenda: snapshot.directory.addenda(onContract: id),
                                             minimumRemainingDays: minimumRemainingTermDays)
        guard checklist.isJoinable else {
            message = .error("\(party.id) may not join \(id): " + checklist.failures.map(\.reason).joined(separator: " "))
            if opened == nil { opened = RecordView(id: id) }
            opened?.pane = .details
            return []
        }
        return [.draftAddendum(contract: id, party: party.id)]
    }

    func paletteEntries() -> [Palette.Entry] {
        var entries: [Palette.Entry] = []
        if let id = selectedRecordID {
            for availability in availableActions(for: id) {
                let detail = availability.refusal.map { "refused: \($0.reason)" } ?? availability.spec.summary
                entries.append(Palette.Entry(name: "\(availability.spec.name)", detail: "\(id) — \(detail)",
                                             command: .action(recordID: id, name: availability.spec.name)))
            }
            if RecordKind(id: id) == .contract {
                entries.append(Palette.Entry(name: "join", detail: "\(id) — draft an addendum for my party", command: .joinContract(id)))
            }
        }
        for tab in AppState.Tab.allCases {
            entries.append(Palette.Entry(name: "go \(tab.title.lowercased())", detail: "Show the \(tab.title) tab", command: .tab(tab)))
        }
        entries.append(Palette.Entry(name: "reload", detail: "Read the store again", command: .reload))
        entries.append(Palette.Entry(name: "officer", detail: "Change who is acting", command: .changeOfficer))
        entries.append(Palette.Entry(name: "help", detail: "Every key", command: .help))
        entries.append(Palette.Entry(name: "quit", detail: "Leave Cobuy", command: .quit))
        return entries
    }

    // MARK: Modals

    private mutating func handleModal(_ key: Key, _ modal: Modal) -> [Effect] {
        switch modal {
        case .help:
            self.modal = nil
            return []
        case .confirmQuit:
            switch key {
            case .character("y"), .character("Y"):
                isRunning = false
                return [.quit]
            default:
                self.modal = nil
                return []
            }
        case .confirm(let confirmation):
            switch key {
            case .character("y"), .character("Y"), .enter:
                return [confirmation.effect]
            case .character("n"), .character("N"), .escape:
                self.modal = nil
                message = .info("Nothing was changed.")
                return []
            default:
                return []
            }
        case .form(var form):
            switch key {
            case .escape:
                self.modal = nil
                message = .info("Cancelled; nothing was changed.")
                return []
            case .enter:
                return submit(form)
            case .tab, .down:
                form.focusNext(1)
            case .backTab, .up:
                form.focusNext(-1)
            case .character(" ") where !form.focusedTakesText:
                form.cycleFocused(1)
            case .left where !form.focusedTakesText:
                form.cycleFocused(-1)
            case .right where !form.focusedTakesText:
                form.cycleFocused(1)
            default:
                if let edit = TextEditing.edit(for: key) { form.edit(edit) }
            }
            self.modal = .form(form)
            return []
        case .palette(var palette):
            switch key {
            case .escape:
                self.modal = nil
                return []
            case .down, .tab, .ctrl("n"):
                palette.selected = min(palette.matches.count - 1, palette.selected + 1)
            case .up, .backTab, .ctrl("p"):
                palette.selected = max(0, palette.selected - 1)
            case .enter:
                let matches = palette.matches
                self.modal = nil
                guard matches.indices.contains(palette.selected) else { return [] }
                return run(matches[palette.selected].command)
            default:
                if let edit = TextEditing.edit(for: key) {
                    palette.query.apply(edit)
                    palette.selected = 0
                }
            }
            self.modal = .palette(palette)
            return []
        case .export(var prompt):
            switch key {
            case .escape:
                self.modal = nil
                message = .info("Nothing was exported.")
                return []
            case .tab, .backTab:
                prompt.nextFormat()
            case .enter:
                let path = prompt.path.text.trimmingSpaces
                guard !path.isEmpty else {
                    prompt.error = "Type a file name."
                    break
                }
                self.modal = .export(prompt)
                return [.exportDraft(addendumID: prompt.addendumID, format: prompt.format, path: path)]
            default:
                if let edit = TextEditing.edit(for: key) {
                    prompt.path.apply(edit)
                    prompt.error = nil
                }
            }
            self.modal = .export(prompt)
            return []
        case .identity(var form):
            switch key {
            case .escape:
                self.modal = nil
                if officer == nil { message = .info("Browsing read-only: press o to say who you are before acting.") }
                return []
            case .tab, .backTab:
                form.focus = 1 - form.focus
            case .down where form.focus == 1:
                form.selected = min(form.visibleParties.count - 1, form.selected + 1)
            case .up where form.focus == 1:
                form.selected = max(0, form.selected - 1)
            case .down:
                form.focus = 1
            case .enter:
                let name = form.name.text.trimmingSpaces
                let parties = form.visibleParties
                guard !name.isEmpty else {
                    form.focus = 0
                    message = .error("Type your name first.")
                    break
                }
                guard form.focus == 1, parties.indices.contains(form.selected) else {
                    form.focus = 1
                    break
                }
                self.modal = .identity(form)
                return [.saveOfficer(Officer(name: name, party: parties[form.selected].id))]
            default:
                if let edit = TextEditing.edit(for: key) {
                    if form.focus == 0 { form.name.apply(edit) } else { form.filter.apply(edit); form.selected = 0 }
                }
            }
            self.modal = .identity(form)
            return []
        }
    }

    mutating func run(_ command: PaletteCommand) -> [Effect] {
        switch command {
        case let .action(recordID, name):
            if opened?.id != recordID { opened = RecordView(id: recordID) }
            return openForm(recordID: recordID, actionName: name, prefill: [:])
        case .tab(let tab): return perform(.tab(tab))
        case .reload: return perform(.reload)
        case .help: return perform(.help)
        case .quit: return perform(.quit)
        case .changeOfficer: return perform(.changeOfficer)
        case .joinContract: return joinSelectedContract()
        }
    }

    private mutating func handleSearch(_ key: Key) -> [Effect] {
        guard var input = search, let kind = tab.kind else { search = nil; return [] }
        switch key {
        case .escape:
            lists[kind]?.search = input.previous
            search = nil
        case .enter:
            search = nil
            let count = lists[kind]?.count ?? 0
            message = .info("\(count) match(es) for \"\(input.field.text)\"; n/N to move, c to clear.")
        case .down: move(1)
        case .up: move(-1)
        default:
            guard let edit = TextEditing.edit(for: key) else { return [] }
            input.field.apply(edit)
            search = input
            lists[kind]?.search = input.field.text
            lists[kind]?.selected = 0
        }
        refreshList(kind)
        return []
    }

    // MARK: Mouse

    private mutating func handle(_ event: MouseEvent) -> [Effect] {
        guard modal == nil else { return [] }
        switch event.kind {
        case .wheelUp: move(-3)
        case .wheelDown: move(3)
        case .click, .doubleClick:
            if event.y == 0, let tab = Layout.tab(atColumn: event.x, width: width) {
                self.tab = tab
                opened = nil
                return []
            }
            guard opened == nil, let kind = tab.kind, var list = lists[kind] else { return [] }
            // The list's first row sits under its header, below the tab bar.
            let row = event.y - Layout.listTop + list.scroll
            if let clicked = list.row(at: row, in: snapshot.rows[kind] ?? []) {
                let same = list.selected == row
                list.selected = row
                lists[kind] = list
                if same || event.kind == .doubleClick { opened = RecordView(id: clicked.id) }
            }
        }
        return []
    }
}

/// Readline keys in every text field.
enum TextEditing {
    static func edit(for key: Key) -> TextField.Edit? {
        switch key {
        case .character(let character): return .insert(String(character))
        case .backspace, .ctrl("h"): return .backspace
        case .delete, .ctrl("d"): return .deleteForward
        case .left, .ctrl("b"): return .left
        case .right, .ctrl("f"): return .right
        case .home, .ctrl("a"): return .home
        case .end, .ctrl("e"): return .end
        case .alt("b"): return .wordLeft
        case .alt("f"): return .wordRight
        case .ctrl("k"): return .killToEnd
        case .ctrl("u"): return .killToStart
        case .ctrl("w"), .alt("\u{7F}"): return .deleteWordBackward
        default: return nil
        }
    }
}

extension Int {
    func addingClamped(_ delta: Int) -> Int {
        let (result, overflow) = addingReportingOverflow(delta)
        return overflow ? (delta > 0 ? Int.max : Int.min) : result
    }
}
