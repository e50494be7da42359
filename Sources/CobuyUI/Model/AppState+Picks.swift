import CobuyCore

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
                picks[parameter.flag] = snapshot.directory.contracts.values.sorted { $0.id < $1.id }
                    .map { Pick(id: $0.id, label: $0.title) }
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
}
