import CobuyCore

/// `+` on a contract: draft a participating addendum for the officer's party. Whether the
/// party may join is the core's rule (the same gate `cobuy new addendum` passes through); the
/// UI only asks it, before asking the runtime to write.
extension AppState {
    mutating func joinSelectedContract() -> [Effect] {
        guard let id = selectedRecordID, case .contract? = snapshot.record(id) else { return [] }
        guard let officer, snapshot.directory.party(officer.party) != nil else {
            message = .error("Choose who you act for first (o): joining drafts an addendum for your party.")
            return []
        }
        switch AddendumMachine.draft(contract: id, party: officer.party, in: context) {
        case .failure(let refusal):
            message = .error(ScreenWords.onScreen(refusal.reason))
            if refusal.guardName == "joinable" {
                // The checklist in the details pane says which checks failed.
                if opened == nil { opened = RecordView(id: id) }
                opened?.pane = .details
            }
            return []
        case .success:
            return [.draftAddendum(contract: id, party: officer.party)]
        }
    }
}
