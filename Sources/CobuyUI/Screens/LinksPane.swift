import CobuyCore
import CobuyTerminal

/// The opened record's links: the records it refers to and that refer to it. Enter on the
/// highlighted one opens it; Esc comes back.
enum LinksPane {
    static func draw(_ links: [RecordLink], view: RecordView, in rect: Rect, focused: Bool, into grid: inout CellGrid, theme: Theme) {
        grid.box(rect, style: focused ? theme.accent : theme.border, title: "Links (\(links.count))", titleStyle: theme.title)
        let inner = rect.inset(by: 1)
        guard inner.height > 0 else { return }
        guard !links.isEmpty else {
            grid.put("No other record refers to it.", x: inner.x, y: inner.y, style: theme.muted, maxWidth: inner.width)
            return
        }
        let top = max(0, view.selectedLink - inner.height + 1)
        for (row, link) in links.enumerated().dropFirst(top).prefix(inner.height) {
            let selected = focused && row == view.selectedLink
            let y = inner.y + row - top
            grid.putPadded("→ \(link.id)  \(link.relation): \(link.label)", x: inner.x, y: y, width: inner.width,
                           style: selected ? theme.selected : theme.normal)
        }
    }

    /// Rows the links box takes under the details: all links when they fit in a third of the
    /// column, never fewer than one line inside its border.
    static func height(for count: Int, available: Int) -> Int {
        min(max(3, count + 2), max(3, available / 3))
    }
}
