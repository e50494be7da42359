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
        case .storeChanged:
            // Read it again; the lists keep their selection on its record.
            return [.reload]
        case let .resize(width, height):
            self.width = width
            self.height = height
            return []
        case .loaded(let snapshot):
            // The actions list reorders as the record changes: the highlight stays on the
            // action it was on while it is still allowed, so the next Enter does not run another
            // one; once it no longer applies (it was just taken), on the first allowed action.
            let highlighted = opened.flatMap { view in
                availableActions(for: view.id).dropFirst(view.selectedAction).first?.spec.name
            }
            self.snapshot = snapshot
            refreshDerived()
            if let name = highlighted, let id = opened?.id {
                let actions = availableActions(for: id)
                opened?.selectedAction = actions.firstIndex { $0.spec.name == name && $0.isAllowed } ?? 0
            }
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
        case let .synced(summary, needDecision):
            message = needDecision.isEmpty ? .success(summary)
                : .error("\(summary): \(needDecision.joined(separator: ", ")) — see the dashboard")
            return []
        case .exported(let path):
            modal = nil
            self.message = .success("Wrote \(path).")
            return []
        case .exportFolderMissing(let folder):
            if case .export(var prompt)? = modal {
                prompt.error = nil
                prompt.missingFolder = folder
                modal = .export(prompt)
            }
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
        case let .created(kind, id):
            modal = nil
            tab = kind.tab
            opened = RecordView(id: id)
            self.message = .success("Created \(id).")
            return []
        case let .failed(failure, conflict):
            // The store's refusals are the core's, worded for the command line.
            let text = ScreenWords.onScreen(failure)
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
        case .editedExternally(let text):
            guard case .form(var form)? = modal, form.fields.indices.contains(form.focus) else { return [] }
            form.fields[form.focus].input = TextField(text)
            form.error = nil
            modal = .form(form)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
            message = .info("The editor's text is in \(form.fields[form.focus].label) (\(lines) line\(lines == 1 ? "" : "s")); Enter submits.")
            return []
        case .officerSaved(let officer):
            self.officer = officer
            modal = nil
            refreshDerived()
            self.message = .success("Acting as \(officer.name) for \(officer.party).")
            return []
        }
    }

    /// The dialog whose keys apply now (nil on the screens themselves, and under help).
    var dialog: KeyTable.Dialog? {
        guard let modal else { return search != nil ? .search : nil }
        return modal.dialog
    }

    var screen: KeyTable.Screen {
        if let opened {
            let kind = RecordKind(id: opened.id)
            // `+ join` is not offered to the contract's own lead or vendor (the core's rule).
            let ownContract = officer.map { officer in
                if case .contract(let contract)? = snapshot.record(opened.id) { !Joinability.applies(to: officer.party, on: contract) } else { false }
            } ?? false
            return .record(contract: kind == .contract && !ownContract, addendum: kind == .addendum)
        }
        switch tab {
        case .dashboard: return .dashboard
        case .solicitations, .addenda, .parties: return .list(contracts: false)
        case .contracts: return .list(contracts: true)
        }
    }
}

extension AppState {
    /// The dialog help is shown over (F1 in a dialog), for its keys.
    var helpDialog: KeyTable.Dialog? { helpOver?.dialog }
}

extension Modal {
    /// Which screen of the key table this dialog is (help has none: it lists another's keys).
    var dialog: KeyTable.Dialog? {
        switch self {
        case .form: return .form
        case .confirm, .confirmQuit, .confirmDiscard: return .confirm
        case .palette: return .palette
        case .export: return .export
        case .identity: return .identity
        case .goTo: return .goTo
        case .reader: return .reader
        case .help: return nil
        }
    }
}
