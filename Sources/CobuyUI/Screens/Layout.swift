import CobuyTerminal

/// Where things go on screen; shared by the view and the mouse handling so clicks land on
/// what was drawn.
enum Layout {
    /// Below this the UI shows a message instead of a squeezed screen.
    static let minimumWidth = 60
    static let minimumHeight = 16
    /// Rows: 0 tab bar, 1 list title, 2 column header, 3... list rows.
    static let listTop = 3
    /// From this width a list shows the selected record beside it.
    static let sidePaneWidth = 110
    /// From this width a record shows its actions and audit trail beside the details.
    static let recordColumnsWidth = 100

    static let tabLabels: [(AppState.Tab, String)] = AppState.Tab.allCases.map { ($0, " \($0.rawValue + 1) \($0.title) ") }

    /// Start columns of each tab label in the tab bar (after the product name).
    static var tabPositions: [(tab: AppState.Tab, start: Int, width: Int)] {
        var x = DisplayWidth.of(" Cobuy ") + 1
        var result: [(AppState.Tab, Int, Int)] = []
        for (tab, label) in tabLabels {
            let w = DisplayWidth.of(label)
            result.append((tab, x, w))
            x += w
        }
        return result
    }

    static func tab(atColumn x: Int) -> AppState.Tab? {
        tabPositions.first { x >= $0.start && x < $0.start + $0.width }?.tab
    }

    /// The body between the tab bar and the message and hint lines.
    static func body(width: Int, height: Int) -> Rect {
        Rect(x: 0, y: 1, width: width, height: height - 3)
    }
}
