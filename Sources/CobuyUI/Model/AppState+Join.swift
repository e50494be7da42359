import CobuyCore

/// `+` on a contract: draft a participating addendum for the officer's party.
extension AppState {
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
}
