import CobuyTerminal

/// Draws a one-line text field: scrolled so the cursor is always in view, `‹`/`›` where text
/// is hidden, and the cursor as a highlighted cell.
enum FieldView {
    static func draw(_ field: TextField, x: Int, y: Int, width: Int, style: Style, cursorStyle: Style?, into grid: inout CellGrid) {
        guard width > 0 else { return }
        // A field without the cursor reads from its start.
        var shown = field
        if cursorStyle == nil { shown.apply(.home) }
        let window = shown.window(width: width)
        grid.putPadded(window.text, x: x, y: y, width: width, style: style)
        if window.hiddenBefore { grid[x, y] = Cell("‹", style: style.bolded()) }
        if window.hiddenAfter { grid[x + width - 1, y] = Cell("›", style: style.bolded()) }
        if let cursorStyle {
            let cursorX = x + window.cursorColumn
            if cursorX < x + width { grid[cursorX, y] = Cell(grid[cursorX, y].grapheme, style: cursorStyle) }
        }
    }
}
