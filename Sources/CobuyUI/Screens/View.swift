import CobuyCore
import CobuyStore
import CobuyTerminal

/// Draws the whole screen from the state: a pure function into a cell grid.
public enum View {
    public static func render(_ state: AppState, theme: Theme) -> CellGrid {
        var grid = CellGrid(width: state.width, height: state.height)
        guard state.width >= Layout.minimumWidth, state.height >= Layout.minimumHeight else {
            TooSmallView.draw(state, into: &grid, theme: theme)
            return grid
        }
        TabBar.draw(state, into: &grid, theme: theme)
        let body = Layout.body(width: state.width, height: state.height)
        if let opened = state.opened {
            RecordScreen.draw(state, view: opened, in: body, into: &grid, theme: theme)
        } else {
            switch state.tab {
            case .dashboard: DashboardScreen.draw(state, in: body, into: &grid, theme: theme)
            case .solicitations, .contracts, .addenda, .parties: ListScreen.draw(state, in: body, into: &grid, theme: theme)
            }
        }
        StatusLines.draw(state, into: &grid, theme: theme)
        if let modal = state.modal { ModalView.draw(modal, state: state, into: &grid, theme: theme) }
        return grid
    }
}

enum TooSmallView {
    static func draw(_ state: AppState, into grid: inout CellGrid, theme: Theme) {
        let lines = CellGrid.wrapped("Cobuy needs at least \(Layout.minimumWidth)×\(Layout.minimumHeight); this terminal is \(state.width)×\(state.height). Enlarge it, or press q to quit.", to: max(1, state.width))
        for (row, line) in lines.prefix(state.height).enumerated() {
            grid.put(line, x: 0, y: row, style: row == 0 ? theme.warning : theme.normal)
        }
    }
}

enum TabBar {
    static func draw(_ state: AppState, into grid: inout CellGrid, theme: Theme) {
        grid.fill(Rect(x: 0, y: 0, width: grid.width, height: 1), style: theme.tabInactive)
        if let name = Layout.productName(width: grid.width) { grid.put(name, x: 0, y: 0, style: theme.tabActive) }
        let positions = Layout.tabPositions(width: grid.width)
        for position in positions {
            let label = Layout.tabLabel(position.tab, width: grid.width)
            let active = state.tab == position.tab
            grid.put(label, x: position.start, y: 0, style: active ? theme.tabActive : theme.tabInactive)
        }
        let who = state.officer.map { "\($0.name) for \($0.party)" } ?? "nobody acting (o)"
        let used = (positions.last.map { $0.start + $0.width } ?? 0) + 1
        let room = grid.width - used
        let sync = state.syncStatus.map { " · \($0)" } ?? ""
        let withDate = " \(who)\(sync) · \(state.today) "
        let withSync = " \(who)\(sync) "
        let right = DisplayWidth.of(withDate) <= room ? withDate : DisplayWidth.of(withSync) <= room ? withSync : " \(who) "
        if DisplayWidth.of(right) <= room {
            grid.put(right, x: grid.width - DisplayWidth.of(right), y: 0, style: theme.tabInactive)
        }
    }
}

enum StatusLines {
    static func draw(_ state: AppState, into grid: inout CellGrid, theme: Theme) {
        let messageRow = grid.height - 2
        let hintRow = grid.height - 1
        if let search = state.search {
            grid.put("/", x: 0, y: messageRow, style: theme.key)
            let window = search.field.window(width: grid.width - 1)
            FieldView.draw(search.field, x: 1, y: messageRow, width: grid.width - 1, style: theme.input,
                           cursorStyle: theme.input.reversed(), into: &grid)
            let cursorX = 1 + window.cursorColumn
            // The catalog's search leaves a short word out while it is typed: say so, where there is room.
            if state.currentList?.page != nil, let word = CatalogQuery.wordStillBeingTyped(search.field.text) {
                let hint = " \"\(word)\" counts from \(CatalogQuery.shortestPrefix) letters "
                let x = grid.width - DisplayWidth.of(hint)
                if x > cursorX + 1 { grid.put(hint, x: x, y: messageRow, style: theme.muted) }
            }
        } else if let message = state.message {
            let style: Style
            switch message.kind {
            case .info: style = theme.normal
            case .success: style = theme.success
            case .error: style = theme.refused
            }
            // A long message is cut with the key that reads it whole.
            grid.putPadded(ReadInFull.fitted(message.text, to: grid.width), x: 0, y: messageRow, width: grid.width, style: style)
        } else if let indexing = state.indexing {
            // Background indexing stays in view until it ends, whatever else was said meanwhile.
            grid.putPadded("\(indexing) Esc stops it.", x: 0, y: messageRow, width: grid.width, style: theme.muted)
        }
        grid.fill(Rect(x: 0, y: hintRow, width: grid.width, height: 1), style: theme.statusBar)
        // Who is acting stays visible: in the tab bar when it fits, else at the hint bar's end,
        // where a narrow screen keeps the party (what the actions depend on) and drops the name.
        var limit = grid.width
        let tabsEnd = (Layout.tabPositions(width: grid.width).last.map { $0.start + $0.width } ?? 0) + 1
        let who = " " + (state.officer.map { "\($0.name) for \($0.party)" } ?? "nobody acting (o)") + " "
        if tabsEnd + DisplayWidth.of(who) > grid.width {
            let short = state.officer.map { " \($0.party) " } ?? who
            let text = CellGrid.truncated(DisplayWidth.of(who) <= grid.width / 3 ? who : short, to: grid.width / 3)
            limit = grid.width - DisplayWidth.of(text)
            grid.put(text, x: limit, y: hintRow, style: theme.statusBar.bolded())
        }
        // On a screen, `?` leads to everything and always has its place, then `:` where there
        // is room; the other hints follow in order as far as they fit. A dialog's own keys
        // (Enter, Esc) come before its F1.
        let hints = hints(for: state)
        func needed(_ binding: KeyBinding) -> Int { DisplayWidth.of(binding.label) + DisplayWidth.of(" " + binding.hint) + 2 }
        var kept: [Command] = []
        var reserved = 0
        for command in state.dialog == nil ? [Command.help, .palette] : [] {
            guard let binding = hints.first(where: { $0.command == command }), 1 + reserved + needed(binding) <= limit else { continue }
            kept.append(command)
            reserved += needed(binding)
        }
        var x = 1
        var full = false
        for binding in hints {
            let isKept = kept.contains(binding.command)
            if isKept { reserved -= needed(binding) }
            guard isKept || (!full && x + needed(binding) + reserved <= limit) else {
                full = true
                continue
            }
            grid.put(binding.label, x: x, y: hintRow, style: theme.statusBar.bolded())
            grid.put(" " + binding.hint, x: x + DisplayWidth.of(binding.label), y: hintRow, style: theme.statusBar)
            x += needed(binding)
        }
    }

    /// The hint bar comes from the same key table as `?` help and the key handling.
    static func hints(for state: AppState) -> [KeyBinding] {
        // The export's "create the folder?" is a yes/no question: its keys are y and n.
        if case .export(let prompt)? = state.modal, prompt.missingFolder != nil {
            return KeyTable.bindings(for: .confirm).filter { !$0.hint.isEmpty }
        }
        if let dialog = state.dialog {
            var hints = KeyTable.bindings(for: dialog).filter { !$0.hint.isEmpty }
            // On first launch Esc leaves nobody acting: say what that means.
            if dialog == .identity, state.officer == nil, let esc = hints.firstIndex(where: { $0.label == "Esc" }) {
                hints[esc].hint = "browse read-only"
            }
            return hints
        }
        if case .help? = state.modal {
            let close = KeyBinding([], "any key", "Close help", .back, hint: "close help")
            guard HelpView.maximumScroll(for: state) > 0 else { return [close] }
            return [KeyBinding([.down, .up], "↓/↑", "Scroll", .moveDown, hint: "scroll"), close]
        }
        // Edit shows where the core allows it (not on an approved addendum).
        return KeyTable.bindings(for: state.screen).filter { binding in
            guard !binding.hint.isEmpty else { return false }
            guard binding.command == .edit, let id = state.opened?.id else { return true }
            return state.availableActions(for: id).contains { $0.spec.name == "edit" && $0.isAllowed }
        }
    }
}
