import CobuyCore
import CobuyTerminal

extension AppState {
    mutating func handle(_ event: MouseEvent) -> [Effect] {
        // The wheel scrolls text being read in full; other dialogs take keys only.
        if case .reader(var reader)? = modal {
            switch event.kind {
            case .wheelUp: reader.scroll = max(0, reader.scroll - 3)
            case .wheelDown: reader.scroll = min(reader.scroll.addingClamped(3), Self.readerLineLimit)
            case .click, .doubleClick: return []
            }
            modal = .reader(reader)
            return []
        }
        guard modal == nil else { return [] }
        // Moving about with the mouse is navigation too: the last message has been read.
        message = nil
        switch event.kind {
        case .wheelUp: move(-3)
        case .wheelDown: move(3)
        case .click, .doubleClick:
            if event.y == 0, let tab = Layout.tab(atColumn: event.x, width: width) {
                self.tab = tab
                opened = nil
                navigation.clear()
                return []
            }
            guard opened == nil, let kind = tab.kind, var list = lists[kind] else { return [] }
            // The list's first row sits under its header, below the tab bar.
            let row = event.y - Layout.listTop + list.scroll
            if let clicked = list.row(at: row, in: snapshot.rows[kind] ?? []) {
                let same = list.selected == row
                list.selected = row
                lists[kind] = list
                if same || event.kind == .doubleClick { opened = RecordView(id: clicked.id) }
            }
        }
        return []
    }
}
