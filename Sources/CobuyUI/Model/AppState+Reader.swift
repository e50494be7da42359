import CobuyCore
import CobuyTerminal

/// `v` and Enter on a refused action: read in full what a line had to cut.
extension AppState {
    /// The message line, and on a record its Next step and the highlighted action, whole.
    func readerForScreen() -> Reader {
        var sections: [Reader.Section] = []
        if let message { sections.append(Reader.Section("Message", [message.text])) }
        if let view = opened, let record = snapshot.record(view.id) {
            let actions = availableActions(for: view.id)
            sections.append(Reader.Section("Next", [RecordScreen.nextStep(record, state: self)]))
            if actions.indices.contains(view.selectedAction) {
                sections.append(actionSection(actions[view.selectedAction], on: record))
            }
        }
        if sections.isEmpty { sections.append(Reader.Section("Nothing cut off", ["Every line on this screen is shown whole."])) }
        return Reader(title: opened?.id ?? tab.title, sections: sections)
    }

    /// One action: what it does, why it is refused and what would unblock it, and what cannot be
    /// undone once it is taken.
    func actionSection(_ availability: ActionAvailability, on record: AnyRecord) -> Reader.Section {
        let spec = availability.spec
        var paragraphs = ["\(spec.summary).", "Command: cobuy do \(record.record.id) \(spec.usage)"]
        if let refusal = availability.refusal {
            paragraphs.append("Refused (\(refusal.guardName)): \(ScreenWords.onScreen(refusal.reason))")
            paragraphs += refusal.unmet.map { "✗ \(ScreenWords.onScreen($0))" }
            paragraphs.append(refusal.remedy.isEmpty ? "Nothing can unblock it from here."
                                                     : "What would unblock it: \(ScreenWords.onScreen(refusal.remedy))")
        } else {
            paragraphs.append("Allowed now: Enter takes it.")
        }
        if let consequence = spec.consequence { paragraphs.append("Cannot be undone: \(consequence) Cobuy asks before it is taken.") }
        return Reader.Section("Action: \(spec.name)", paragraphs)
    }

    mutating func handleReaderKey(_ key: Key, _ reader: Reader) -> [Effect] {
        var reader = reader
        let page = max(1, height - 8)
        switch KeyTable.bindings(for: .reader).first(where: { $0.keys.contains(key) })?.command {
        case .moveDown?: reader.scroll = reader.scroll.addingClamped(1)
        case .moveUp?: reader.scroll = max(0, reader.scroll - 1)
        case .pageDown?: reader.scroll = reader.scroll.addingClamped(page)
        case .pageUp?: reader.scroll = max(0, reader.scroll - page)
        case .top?: reader.scroll = 0
        case .back?:
            modal = nil
            return []
        default:
            return []
        }
        // The view shows the last page at most; keep the count from running far past it.
        reader.scroll = min(reader.scroll, Self.readerLineLimit)
        modal = .reader(reader)
        return []
    }

    /// More lines than any reader holds: scrolling stops growing here.
    static let readerLineLimit = 10_000
}
