import SnapshotTesting
import Testing
@testable import CobuyTerminal

@Suite struct SnapshotTests {
    static func composedScreen() -> CellGrid {
        var grid = CellGrid(width: 40, height: 9)
        let theme = Theme.monochrome
        let (body, status) = grid.bounds.splitRows(bottom: 1)
        let (list, detail) = body.splitColumns(left: 22)
        grid.box(list, style: theme.border, title: "Parties", titleStyle: theme.title)
        grid.box(detail, style: theme.border, title: "Detail", titleStyle: theme.title, border: .ascii)
        let rows = list.inset(by: 1)
        grid.putPadded("City of San José", x: rows.x, y: rows.y, width: rows.width, style: theme.selected)
        grid.putPadded("東京都財務局", x: rows.x, y: rows.y + 1, width: rows.width)
        grid.putPadded("Família 👨‍👩‍👧 Co-op", x: rows.x, y: rows.y + 2, width: rows.width)
        grid.putPadded("Evil\u{1B}]0;pwned\u{07} Corp\u{1B}[2J", x: rows.x, y: rows.y + 3, width: rows.width)
        grid.putPadded("A very long name that is cut", x: rows.x, y: rows.y + 4, width: rows.width, style: theme.muted)
        let inner = detail.inset(by: 1)
        grid.put("kind: city 🇺🇸", x: inner.x, y: inner.y)
        grid.put("refused", x: inner.x, y: inner.y + 1, style: theme.refused)
        grid.put("Tokyo 東京電機", x: inner.x, y: inner.y + 2, maxWidth: inner.width)
        grid.put(" q quit  ? help", in: status, alignment: .left, style: theme.statusBar)
        return grid
    }

    @Test func aComposedScreenAsText() {
        assertSnapshot(of: Self.composedScreen().text, as: .lines)
    }

    @Test func aComposedScreenWithItsStyles() {
        assertSnapshot(of: Self.composedScreen().styledDump(), as: .lines)
    }
}
