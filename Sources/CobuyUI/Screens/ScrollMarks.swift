import CobuyTerminal

/// The sign that a pane holds more than it shows: "↑ 3 more" on its top border when lines are
/// scrolled away above, "↓ 12 more" on its bottom border when lines wait below.
enum ScrollMarks {
    static func draw(box rect: Rect, top: Int, visible: Int, total: Int, style: Style, into grid: inout CellGrid) {
        guard rect.width > 12 else { return }
        let below = total - top - visible
        if top > 0 { put("↑ \(top) more", on: rect.y, of: rect, style: style, into: &grid) }
        if below > 0 { put("↓ \(below) more", on: rect.maxY - 1, of: rect, style: style, into: &grid) }
    }

    private static func put(_ text: String, on y: Int, of rect: Rect, style: Style, into grid: inout CellGrid) {
        let label = " \(text) "
        let width = DisplayWidth.of(label)
        guard width + 4 <= rect.width else { return }
        grid.put(label, x: rect.maxX - 2 - width, y: y, style: style)
    }
}

/// The end of a line cut short: the key that shows it whole.
enum ReadInFull {
    static let suffix = " (v: all)"

    /// `text` as it fits in `columns`, or cut with `…` and ``suffix`` when it does not.
    static func fitted(_ text: String, to columns: Int) -> String {
        guard DisplayWidth.of(text) > columns else { return text }
        return CellGrid.truncated(text, to: max(1, columns - DisplayWidth.of(suffix))) + suffix
    }
}
