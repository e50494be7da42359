import CobuyCore
import CobuyTerminal

/// Actions on a record: which the officer may take, their forms, and the checks before writing.
extension AppState {
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
            // A refused action reads in full, whichever way it was chosen (Enter, `:`, a key):
            // why, and what would unblock it.
            message = .error("\(actionName) refused: \(ScreenWords.onScreen(refusal.description))")
            if let record = snapshot.record(recordID) {
                modal = .reader(Reader(title: "\(actionName) — \(recordID)", sections: [actionSection(availability, on: record)]))
            }
            return []
        }
        var prefill = prefill
        for parameter in availability.spec.parameters where parameter.kind == .party && prefill[parameter.flag] == nil {
            // A partner acts for itself: offer the officer's party.
            if ["join", "sign-agreement", "withdraw", "pledge"].contains(actionName) { prefill[parameter.flag] = officer?.party }
        }
        // The officer signs for their own party, as on an addendum.
        if actionName == "sign-agreement", prefill["signer"] == nil { prefill["signer"] = officer?.name }
        // A signature is dated today unless the officer says otherwise (a contract's too).
        if actionName == "sign", availability.spec.parameters.contains(where: { $0.flag == "date" }), prefill["date"] == nil {
            prefill["date"] = today.description
        }
        if actionName == "sign", RecordKind(id: recordID) == .addendum {
            prefill["date"] = today.description
            prefill["party"] = officer?.party == (snapshot.directory.contract((snapshot.directory.addenda[recordID]?.contract) ?? "")?.vendor) ? "vendor" : "participant"
            prefill["signer"] = officer?.name
        }
        let form = ActionForm(recordID: recordID, spec: availability.spec, prefill: prefill,
                              picks: picks(for: availability.spec, recordID: recordID),
                              lines: snapshot.directory.solicitation(recordID)?.lines ?? [])
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
        form.takeBestPicks()
        if let missing = form.missingRequired {
            form.error = ScreenWords.required(missing)
            modal = .form(form)
            return []
        }
        if let kind = form.creating { return submitNew(form, kind) }
        guard let record = snapshot.record(form.recordID) else { return [] }
        do {
            switch try RecordActions.perform(form.spec.name, form.arguments, on: record, in: context) {
            case .failure(let refusal):
                if form.fields.isEmpty {
                    message = .error("\(form.spec.name) refused: \(ScreenWords.onScreen(refusal.description))")
                } else {
                    form.error = ScreenWords.onScreen(refusal.description)
                    modal = .form(form)
                }
                return []
            case .success:
                break
            }
        } catch {
            form.error = ScreenWords.onScreen(error.description)
            modal = form.fields.isEmpty ? nil : .form(form)
            if form.fields.isEmpty { message = .error(ScreenWords.onScreen(error.description)) }
            return []
        }
        let effect = Effect.perform(recordID: form.recordID, action: form.spec.name, arguments: form.arguments,
                                    revision: record.record.revision)
        if let confirmation = Confirmation.beforeIrreversible(form.spec, on: form.recordID, titled: record.record.title,
                                                              arguments: form.arguments, effect: effect, form: form) {
            modal = .confirm(confirmation)
            return []
        }
        if !form.fields.isEmpty { modal = .form(form) }
        return [effect]
    }

    /// Keys in an action's form.
    mutating func handleFormKey(_ key: Key, _ form: ActionForm) -> [Effect] {
        var form = form
        switch key {
        case .escape:
            if form.isTyped {
                modal = .confirmDiscard(form)
                return []
            }
            modal = nil
            message = .info("Cancelled; nothing was changed.")
            return []
        case .enter:
            return submit(form)
        case _ where KeyTable.bindings(for: .form).first(where: { $0.keys.contains(key) })?.command == .externalEditor:
            // Long and multi-line text (a scope, purchase-order instructions) in the officer's editor.
            guard form.fields.indices.contains(form.focus), form.fields[form.focus].parameter.kind == .text else {
                form.error = "Ctrl-O opens $EDITOR on a text field; this field takes a short value: type it here."
                modal = .form(form)
                return []
            }
            modal = .form(form)
            return [.editExternally(text: form.fields[form.focus].input.text)]
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
            if let edit = TextEditing.edit(for: key) {
                form.edit(edit)
                if let field = form.focusedField, field.parameter.flag == "contract", form.picks["contract"] != nil {
                    form.picks["contract"] = contractPicks(typed: field.input.text)
                }
            }
        }
        modal = .form(form)
        return []
    }
}
