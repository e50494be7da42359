import CobuyCore

/// `new …` forms: the palette's `new solicitation` (and the others) and `n` on a tab.
extension AppState {
    mutating func openNewForm(_ kind: NewRecord) -> [Effect] {
        guard let officer else {
            message = .error("Nobody is acting: press o to say who you are and which party you act for.")
            return []
        }
        var prefill: [String: String] = [:]
        switch kind {
        case .solicitation:
            // The officer's party leads what it starts, unless they clear the field.
            if snapshot.directory.party(officer.party)?.kind.isPublicBody == true { prefill["lead"] = officer.party }
        case .party:
            prefill["kind"] = PartyKind.vendor.rawValue
        case .contract:
            if snapshot.directory.party(officer.party)?.kind.isPublicBody == true { prefill["lead"] = officer.party }
        case .addendum:
            if let id = selectedRecordID, RecordKind(id: id) == .contract { prefill["contract"] = id }
            prefill["party"] = officer.party
        }
        let form = ActionForm(recordID: "", spec: kind.spec, prefill: prefill, creating: kind,
                              picks: picks(for: kind.spec, recordID: ""))
        modal = .form(form)
        return []
    }

    /// Checks the new record against the snapshot (the same call the runtime makes when it
    /// writes), then asks for it to be written.
    mutating func submitNew(_ form: ActionForm, _ kind: NewRecord) -> [Effect] {
        var form = form
        switch kind.make(form.arguments, in: context) {
        case .failure(let refusal):
            form.error = ScreenWords.onScreen(refusal.description)
            modal = .form(form)
            return []
        case .success:
            modal = .form(form)
            return [.create(kind, arguments: form.arguments)]
        }
    }
}
