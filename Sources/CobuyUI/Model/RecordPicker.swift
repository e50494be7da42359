import CobuyCore
import CobuyTerminal

/// `#`: every record of the store by id, filtered as typed (fuzzy, accents and case ignored,
/// the same ranking as the form pickers); Enter opens the highlighted one.
public struct RecordPicker: Sendable, Equatable {
    public private(set) var query = TextField()
    public let picks: [Pick]
    public var selected = 0
    /// At most this many matches are listed; typing narrows them.
    public static let shown = 200
    /// The picks matching what is typed, ranked once per edit (not at each frame).
    public private(set) var matches: [Pick]

    public init(picks: [Pick]) {
        self.picks = picks
        matches = Array(picks.prefix(Self.shown))
    }

    /// Changes the typed text and ranks again.
    public mutating func edit(_ edit: TextField.Edit) {
        query.apply(edit)
        selected = 0
        // No id or name is this long: a paste of a paragraph matches nothing, at once, instead
        // of being ranked against every record at each of its characters.
        guard query.characters.count <= Palette.longestQuery else {
            matches = []
            return
        }
        matches = Array(Pick.ranked(picks, typed: query.text).prefix(Self.shown))
    }
}

extension AppState {
    /// One pick per record the snapshot holds, by id within each kind.
    var recordPicks: [Pick] {
        var picks: [Pick] = []
        for kind in [RecordKind.solicitation, .contract, .addendum, .party] {
            for row in snapshot.rows[kind] ?? [] {
                let status = row.status.isEmpty ? "" : ", \(row.status)"
                picks.append(Pick(id: row.id, label: "\(row.title) (\(kind.label)\(status))"))
            }
        }
        return picks
    }

    mutating func openGoTo() {
        modal = .goTo(RecordPicker(picks: recordPicks))
    }

    mutating func handleGoToKey(_ key: Key, _ picker: RecordPicker) -> [Effect] {
        var picker = picker
        switch key {
        case .escape:
            modal = nil
            return []
        case .down, .tab, .ctrl("n"):
            picker.selected = max(0, min(picker.matches.count - 1, picker.selected + 1))
        case .up, .backTab, .ctrl("p"):
            picker.selected = max(0, picker.selected - 1)
        case .enter:
            let matches = picker.matches
            let typed = picker.query.text.trimmingSpaces
            if matches.indices.contains(picker.selected) {
                modal = nil
                follow(to: matches[picker.selected].id, pane: .actions)
                return []
            }
            // A contract of an imported catalog is not listed, but opens by its exact id.
            if let id = [typed, typed.uppercased(), typed.lowercased()].first(where: { !$0.isEmpty && snapshot.record($0) != nil }) {
                modal = nil
                follow(to: id, pane: .actions)
                return []
            }
            message = .error(typed.isEmpty ? "Type an id or a title." : "No record matches \"\(typed)\".")
        default:
            if let edit = TextEditing.edit(for: key) { picker.edit(edit) }
        }
        modal = .goTo(picker)
        return []
    }
}
