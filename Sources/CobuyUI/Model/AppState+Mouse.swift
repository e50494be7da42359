import CobuyCore
import CobuyTerminal

extension AppState {
    mutating func handle(_ event: MouseEvent) -> [Effect] {
        guard modal == nil else { return [] }
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
