import Testing
@testable import CobuyTerminal

@Suite struct BorderTests {
    @Test func boxDrawsRoundedLinesAroundTheRect() {
        var grid = CellGrid(width: 6, height: 3)
        grid.box(grid.bounds)
        #expect(grid.text == "╭────╮\n│    │\n╰────╯")
    }

    @Test func boxPutsTheTitleInTheTopEdge() {
        var grid = CellGrid(width: 13, height: 3)
        grid.box(grid.bounds, title: "Parties", border: .square)
        #expect(grid.textLines()[0] == "┌─ Parties ─┐")
    }

    @Test func aLongTitleIsCutWithAnEllipsis() {
        var grid = CellGrid(width: 12, height: 3)
        grid.box(grid.bounds, title: "Participating addenda")
        #expect(grid.textLines()[0] == "╭─ Partic…─╮")
    }

    @Test func asciiBordersForTerminalsWithoutUnicode() {
        var grid = CellGrid(width: 4, height: 3)
        grid.box(grid.bounds, border: .forTerminal(unicode: false))
        #expect(grid.text == "+--+\n|  |\n+--+")
    }

    @Test func aBoxTooSmallDrawsNothing() {
        var grid = CellGrid(width: 4, height: 3)
        grid.box(Rect(x: 0, y: 0, width: 1, height: 3))
        #expect(grid.text == "\n\n")
    }

    @Test func aBoxPartlyOutsideTheGridIsClipped() {
        var grid = CellGrid(width: 3, height: 2)
        grid.box(Rect(x: 1, y: 0, width: 5, height: 5))
        #expect(grid.text == " ╭─\n │")
    }

    @Test func rulesDrawLinesAcrossAndDown() {
        var grid = CellGrid(width: 3, height: 3)
        grid.verticalRule(x: 1, from: 0, height: 3)
        grid.horizontalRule(y: 1, from: 0, width: 3)
        #expect(grid.text == " │\n───\n │")
    }
}
