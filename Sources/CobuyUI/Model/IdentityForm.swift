import CobuyCore

/// `o` and first launch: who is the officer, and for which public body?
public struct IdentityForm: Sendable, Equatable {
    public var name: TextField
    public var parties: [Party]
    public var filter = TextField()
    public var selected = 0
    /// 0: the name field, 1: the party list.
    public var focus = 0
    /// The name each party's officers last acted under (from the audit trails), offered when
    /// the highlight moves to that party.
    public var lastNames: [String: String]
    /// Whether the officer typed in the name field in this dialog: their own words are never
    /// replaced by a party's last name.
    public private(set) var nameTyped = false

    /// Starts on the party the officer acts for now, so Enter Enter changes nothing; with a
    /// name known, typing filters the parties at once.
    public init(parties: [Party], name: String, current: String? = nil, lastNames: [String: String] = [:]) {
        self.parties = parties
        self.name = TextField(name)
        self.lastNames = lastNames
        selected = parties.firstIndex { $0.id == current } ?? 0
        if !name.isEmpty { focus = 1 }
    }

    /// The parties the filter finds, matched and ranked as every picker ranks (`mrn` is
    /// Marion County); all of them, in their order, while nothing is typed.
    public var visibleParties: [Party] {
        guard !filter.text.trimmingSpaces.isEmpty else { return parties }
        let byID = Dictionary(parties.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let picks = parties.map { Pick(id: $0.id, label: "\($0.name) \($0.region)") }
        return Pick.ranked(picks, typed: filter.text).compactMap { byID[$0.id] }
    }

    /// The highlighted party, if the filter leaves any.
    public var highlighted: Party? {
        let visible = visibleParties
        return visible.indices.contains(selected) ? visible[selected] : nil
    }

    public mutating func editName(_ edit: TextField.Edit) {
        name.apply(edit)
        nameTyped = true
    }

    /// Moves the highlight; the name follows the party (its last officer's) until one is typed.
    public mutating func select(_ index: Int) {
        selected = index
        guard !nameTyped, let party = highlighted, let last = lastNames[party.id], !last.isEmpty else { return }
        name = TextField(last)
    }
}

extension AppState {
    /// The identity dialog as `o` opens it: on the acting party, with the name each party's
    /// officers last used.
    func identityForm() -> IdentityForm {
        IdentityForm(parties: snapshot.allParties, name: officer?.name ?? "", current: officer?.party, lastNames: lastOfficerNames())
    }

    /// For each party, the officer's name on its latest audit-trail entry in the snapshot.
    func lastOfficerNames() -> [String: String] {
        var latest: [String: HistoryEntry] = [:]
        let histories = snapshot.directory.solicitations.values.map(\.history) + snapshot.directory.contracts.values.map(\.history)
            + snapshot.directory.addenda.values.map(\.history) + snapshot.directory.parties.values.map(\.history)
        for entry in histories.joined() where !entry.actor.isEmpty {
            if let known = latest[entry.party], known.at >= entry.at { continue }
            latest[entry.party] = entry
        }
        return latest.mapValues(\.actor)
    }
}
