import CobuyCore
import CobuyTerminal

/// `#`: the picker over every record id, best match first.
enum GoToView {
    static func draw(_ picker: RecordPicker, in screen: Rect, into grid: inout CellGrid, theme: Theme) {
        let width = min(screen.width - 4, 90)
        let rect = Rect(x: (screen.width - width) / 2, y: screen.y + 1, width: width, height: min(screen.height - 2, 18))
        let inner = ModalView.frame(rect, title: "Go to a record", into: &grid, theme: theme)
        grid.put("#", x: inner.x, y: inner.y, style: theme.key)
        // Scrolled with the cursor, like every field: a long paste stays editable.
        FieldView.draw(picker.query, x: inner.x + 2, y: inner.y, width: inner.width - 2, style: theme.input, cursorStyle: theme.selected,
                       into: &grid)
        let matches = picker.matches
        let height = inner.height - 2
        let top = max(0, picker.selected - height + 1)
        let idWidth = min(16, inner.width / 3)
        for (row, pick) in matches.dropFirst(top).prefix(height).enumerated() {
            let selected = top + row == picker.selected
            let y = inner.y + 2 + row
            let style = selected ? theme.selected : theme.normal
            grid.putPadded(pick.id, x: inner.x, y: y, width: idWidth, style: selected ? style : theme.accent)
            grid.putPadded(" " + pick.label, x: inner.x + idWidth, y: y, width: inner.width - idWidth, style: style)
        }
        if matches.isEmpty {
            grid.put("No record matches; Enter opens an exact id (an imported contract too).", x: inner.x, y: inner.y + 2,
                     style: theme.muted, maxWidth: inner.width)
        }
    }
}
