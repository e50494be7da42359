import CobuyCore
import CobuyTerminal

/// Keys while a dialog is open: each dialog gets them all.
extension AppState {
    mutating func handleModal(_ key: Key, _ modal: Modal) -> [Effect] {
        if key == .function(1), dialog != nil {
            helpOver = modal
            helpScroll = 0
            self.modal = .help
            return []
        }
        switch modal {
        case .help:
            // Help longer than the screen scrolls with the movement keys; any other key closes it.
            let last = HelpView.maximumScroll(for: self)
            let page = max(1, height - 8)
            let steps: [(command: Command, step: Int)] = [(.moveDown, 1), (.moveUp, -1), (.pageDown, page), (.pageUp, -page),
                                                          (.top, -last), (.bottom, last)]
            if last > 0, let command = KeyTable.movement.first(where: { $0.keys.contains(key) })?.command,
               let step = steps.first(where: { $0.command == command })?.step {
                helpScroll = max(0, min(last, helpScroll + step))
                return []
            }
            return closeHelp()
        case .confirmQuit:
            switch key {
            case .character("y"), .character("Y"):
                isRunning = false
                return [.quit]
            default:
                self.modal = nil
                return []
            }
        case .confirmDiscard(let form):
            switch key {
            case .character("y"), .character("Y"):
                self.modal = nil
                message = .info("Cancelled; nothing was changed.")
            default:
                self.modal = .form(form)
            }
            return []
        case .confirm(let confirmation):
            switch key {
            case .character("y"), .character("Y"), .enter:
                return [confirmation.effect]
            case .character("n"), .character("N"), .escape:
                // Back to the form as it was typed, so a wrong input can be put right.
                self.modal = confirmation.form.map(Modal.form)
                message = .info(confirmation.form == nil ? "Nothing was changed." : "Nothing was changed; the form is as you left it.")
                return []
            default:
                return []
            }
        case .form(let form): return handleFormKey(key, form)
        case .palette(let palette): return handlePaletteKey(key, palette)
        case .export(let prompt): return handleExportKey(key, prompt)
        case .identity(let form): return handleIdentityKey(key, form)
        case .goTo(let picker): return handleGoToKey(key, picker)
        case .reader(let reader): return handleReaderKey(key, reader)
        }
    }

    /// Back to the dialog the help was shown over, if any.
    private mutating func closeHelp() -> [Effect] {
        modal = helpOver
        helpOver = nil
        helpScroll = 0
        return []
    }

    /// `x`: the file name and format of an addendum's draft.
    private mutating func handleExportKey(_ key: Key, _ prompt: ExportPrompt) -> [Effect] {
        var prompt = prompt
        if let folder = prompt.missingFolder {
            switch key {
            case .character("y"), .character("Y"), .enter:
                prompt.missingFolder = nil
                modal = .export(prompt)
                return [.exportDraft(addendumID: prompt.addendumID, format: prompt.format, path: prompt.path.text.trimmingSpaces,
                                     creatingFolders: true)]
            case .character("n"), .character("N"), .escape:
                prompt.missingFolder = nil
                prompt.error = "The folder \(folder) was not created; change the file name or press Esc."
            default:
                break
            }
            modal = .export(prompt)
            return []
        }
        switch key {
        case .escape:
            modal = nil
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
            modal = .export(prompt)
            return [.exportDraft(addendumID: prompt.addendumID, format: prompt.format, path: path, creatingFolders: false)]
        default:
            if let edit = TextEditing.edit(for: key) {
                prompt.path.apply(edit)
                prompt.error = nil
            }
        }
        modal = .export(prompt)
        return []
    }

    /// `o`: who the officer is and which party they act for.
    private mutating func handleIdentityKey(_ key: Key, _ form: IdentityForm) -> [Effect] {
        var form = form
        message = nil
        switch key {
        case .escape:
            modal = nil
            if officer == nil { message = .info("Browsing read-only: press o to say who you are before acting.") }
            return []
        case .tab, .backTab:
            form.focus = 1 - form.focus
        case .down where form.focus == 1:
            form.select(max(0, min(form.visibleParties.count - 1, form.selected + 1)))
        case .up where form.focus == 1:
            form.select(max(0, form.selected - 1))
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
                // Enter in the name field goes on to the party list: say so, it is not a save.
                form.focus = 1
                message = .info("Now choose the party you act for (↑/↓ or type to filter), then Enter.")
                break
            }
            modal = .identity(form)
            return [.saveOfficer(Officer(name: name, party: parties[form.selected].id))]
        default:
            if let edit = TextEditing.edit(for: key) {
                if form.focus == 0 {
                    form.editName(edit)
                } else {
                    form.filter.apply(edit)
                    form.select(0)
                }
            }
        }
        modal = .identity(form)
        return []
    }
}
