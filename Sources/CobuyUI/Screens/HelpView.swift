import CobuyTerminal

/// `?` and F1: every key of the screen (or of the dialog help was asked over) with what it
/// does, the descriptions wrapped to the box's width and scrolled when they do not fit.
enum HelpView {
    /// Columns of the key labels.
    static let labelWidth = 13

    /// The box help is drawn in, for a screen of `width` × `height`.
    static func box(width: Int, height: Int) -> Rect {
        Rect(x: 0, y: 1, width: width, height: height - 3).inset(by: 1)
    }

    /// The lines of help at `width` columns inside the box: a key's label on the first line
    /// of its description only.
    static func lines(for state: AppState, width: Int) -> [(label: String, text: String)] {
        let bindings = state.helpDialog.map(KeyTable.bindings(for:)) ?? KeyTable.bindings(for: state.screen)
        let textWidth = max(8, width - labelWidth - 1)
        var lines: [(label: String, text: String)] = []
        for binding in bindings {
            for (index, line) in CellGrid.wrapped(binding.help, to: textWidth).enumerated() {
                lines.append((index == 0 ? binding.label : "", line))
            }
        }
        return lines
    }

    /// How far help may scroll at the state's size: 0 when it fits.
    static func maximumScroll(for state: AppState) -> Int {
        let inner = innerRect(box(width: state.width, height: state.height))
        return max(0, lines(for: state, width: inner.width).count - inner.height)
    }

    static func innerRect(_ rect: Rect) -> Rect {
        rect.inset(by: 1).splitColumns(left: 1).right.splitColumns(left: rect.width - 4).left
    }

    static func draw(_ state: AppState, into grid: inout CellGrid, theme: Theme) {
        let rect = box(width: grid.width, height: grid.height)
        let inner = innerRect(rect)
        let lines = lines(for: state, width: inner.width)
        let scrolls = lines.count > inner.height
        _ = ModalView.frame(rect, title: scrolls ? "Keys — ↓/↑ scroll, any other key closes" : "Keys — any key closes",
                            into: &grid, theme: theme)
        let top = min(state.helpScroll, max(0, lines.count - inner.height))
        ScrollMarks.draw(box: rect, top: top, visible: inner.height, total: lines.count, style: theme.key, into: &grid)
        for (row, line) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            grid.put(line.label, x: inner.x, y: inner.y + row, style: theme.key, maxWidth: labelWidth)
            grid.put(line.text, x: inner.x + labelWidth + 1, y: inner.y + row, style: theme.normal, maxWidth: inner.width - labelWidth - 1)
        }
    }
}
