import CobuyCore
import CobuyTerminal

/// The `:` command palette: its entries, its keys, and what each entry runs.
extension AppState {
    func paletteEntries() -> [Palette.Entry] {
        // What the officer may do comes first: the record's allowed actions, then the commands;
        // actions refused on it (often many, on another body's record) come last.
        var entries: [Palette.Entry] = []
        var refused: [Palette.Entry] = []
        if let id = selectedRecordID {
            for availability in availableActions(for: id) {
                if let refusal = availability.refusal {
                    refused.append(Palette.Entry(name: availability.spec.name, detail: "\(id) — refused: \(ScreenWords.onScreen(refusal.reason))",
                                                 command: .action(recordID: id, name: availability.spec.name)))
                } else {
                    entries.append(Palette.Entry(name: availability.spec.name, detail: "\(id) — \(availability.spec.summary)",
                                                 command: .action(recordID: id, name: availability.spec.name)))
                }
            }
            if RecordKind(id: id) == .contract {
                entries.append(Palette.Entry(name: "join", detail: "\(id) — draft an addendum for my party", command: .joinContract(id)))
            }
        }
        for kind in NewRecord.allCases {
            entries.append(Palette.Entry(name: kind.command, detail: kind.spec.summary, command: .new(kind)))
        }
        for tab in AppState.Tab.allCases {
            entries.append(Palette.Entry(name: "go \(tab.title.lowercased())", detail: "Show the \(tab.title) tab", command: .tab(tab)))
        }
        entries.append(Palette.Entry(name: "go to record", detail: "Open any record by its id (#)", command: .goTo))
        entries.append(Palette.Entry(name: "reload", detail: "Read the store again", command: .reload))
        entries.append(Palette.Entry(name: "sync", detail: "Send your work to the other members and receive theirs", command: .sync))
        entries.append(Palette.Entry(name: "officer", detail: "Change who is acting", command: .changeOfficer))
        entries.append(Palette.Entry(name: "help", detail: "Every key", command: .help))
        entries.append(Palette.Entry(name: "quit", detail: "Leave Cobuy", command: .quit))
        return entries + refused
    }

    mutating func handlePaletteKey(_ key: Key, _ palette: Palette) -> [Effect] {
        var palette = palette
        switch key {
        case .escape:
            modal = nil
            return []
        case .down, .tab, .ctrl("n"):
            palette.selected = min(palette.matches.count - 1, palette.selected + 1)
        case .up, .backTab, .ctrl("p"):
            palette.selected = max(0, palette.selected - 1)
        case .enter:
            let matches = palette.matches
            modal = nil
            guard matches.indices.contains(palette.selected) else { return [] }
            return run(matches[palette.selected].command)
        default:
            if let edit = TextEditing.edit(for: key) { palette.edit(edit) }
        }
        modal = .palette(palette)
        return []
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
        case .new(let kind): return openNewForm(kind)
        case .sync: return perform(.sync)
        case .goTo: return perform(.goTo)
        }
    }
}
