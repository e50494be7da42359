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

    /// Below this width the tab bar drops the product name and shortens the tab titles.
    static let compactTabsBelow = 80

    static func productName(width: Int) -> String? { width < compactTabsBelow ? nil : " Cobuy " }

    static func tabLabel(_ tab: AppState.Tab, width: Int) -> String {
        guard width < compactTabsBelow else { return " \(tab.rawValue + 1) \(tab.title) " }
        let short: String
        switch tab {
        case .dashboard: short = "Dash"
        case .solicitations: short = "Solicit."
        case .contracts: short = "Contracts"
        case .addenda: short = "Addenda"
        case .parties: short = "Parties"
        }
        return " \(tab.rawValue + 1) \(short) "
    }

    /// Start columns of each tab label in the tab bar (after the product name).
    static func tabPositions(width: Int) -> [(tab: AppState.Tab, start: Int, width: Int)] {
        var x = productName(width: width).map { DisplayWidth.of($0) + 1 } ?? 0
        var result: [(AppState.Tab, Int, Int)] = []
        for tab in AppState.Tab.allCases {
            let w = DisplayWidth.of(tabLabel(tab, width: width))
            result.append((tab, x, w))
            x += w
        }
        return result
    }

    static func tab(atColumn x: Int, width: Int) -> AppState.Tab? {
        tabPositions(width: width).first { x >= $0.start && x < $0.start + $0.width }?.tab
    }

    /// The body between the tab bar and the message and hint lines.
    static func body(width: Int, height: Int) -> Rect {
        Rect(x: 0, y: 1, width: width, height: height - 3)
    }
}
