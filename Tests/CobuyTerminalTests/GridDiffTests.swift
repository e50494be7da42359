import Testing
@testable import CobuyTerminal

@Suite struct GridDiffTests {
    @Test func theFirstFrameDrawsEveryCell() {
        var grid = CellGrid(width: 4, height: 2)
        grid.put("ab", x: 0, y: 0)
        let runs = GridDiff.runs(from: nil, to: grid)
        #expect(runs == [GridDiff.Run(x: 0, y: 0, text: "ab  ", style: .plain), GridDiff.Run(x: 0, y: 1, text: "    ", style: .plain)])
    }

    @Test func anUnchangedFrameDrawsNothing() {
        var grid = CellGrid(width: 8, height: 2)
        grid.put("東京 ok", x: 0, y: 0, style: Style(bold: true))
        #expect(GridDiff.runs(from: grid, to: grid).isEmpty)
    }

    @Test func onlyChangedCellsAreDrawn() {
        var before = CellGrid(width: 10, height: 3)
        before.put("unchanged", x: 0, y: 0)
        before.put("old value", x: 0, y: 1)
        var after = before
        after.put("new", x: 0, y: 1)
        #expect(GridDiff.runs(from: before, to: after) == [GridDiff.Run(x: 0, y: 1, text: "new", style: .plain)])
    }

    @Test func unchangedCellsSplitARowIntoRuns() {
        var before = CellGrid(width: 10, height: 1)
        before.put("abcdefghij", x: 0, y: 0)
        var after = before
        after.put("X", x: 1, y: 0)
        after.put("YZ", x: 6, y: 0)
        #expect(GridDiff.runs(from: before, to: after).map(\.description) == ["(1,0) \"X\"", "(6,0) \"YZ\""])
    }

    @Test func aStyleChangeAloneIsRedrawn() {
        var before = CellGrid(width: 4, height: 1)
        before.put("ab", x: 0, y: 0)
        var after = before
        after.setStyle(Style(reverse: true), in: Rect(x: 1, y: 0, width: 1, height: 1))
        #expect(GridDiff.runs(from: before, to: after) == [GridDiff.Run(x: 1, y: 0, text: "b", style: Style(reverse: true))])
    }

    @Test func aStyleChangeSplitsRuns() {
        let before = CellGrid(width: 4, height: 1)
        var after = before
        after.put("ab", x: 0, y: 0, style: Style(bold: true))
        after.put("cd", x: 2, y: 0)
        let runs = GridDiff.runs(from: before, to: after)
        #expect(runs.map(\.text) == ["ab", "cd"])
        #expect(runs.map(\.x) == [0, 2])
    }

    @Test func wideCharactersAreSentOnceAndCountTwoColumns() {
        let before = CellGrid(width: 4, height: 1)
        var after = before
        after.put("東x", x: 0, y: 0)
        let runs = GridDiff.runs(from: before, to: after)
        #expect(runs.map(\.text) == ["東x"])
        #expect(runs.map(\.columns) == [3])
    }

    @Test func replacingAWideCharacterRedrawsBothItsColumns() {
        var before = CellGrid(width: 4, height: 1)
        before.put("東", x: 0, y: 0)
        var after = before
        after.put("ab", x: 0, y: 0)
        #expect(GridDiff.runs(from: before, to: after) == [GridDiff.Run(x: 0, y: 0, text: "ab", style: .plain)])
    }

    @Test func aSizeChangeRedrawsEverything() {
        let small = CellGrid(width: 2, height: 1)
        let large = CellGrid(width: 3, height: 2)
        #expect(GridDiff.runs(from: small, to: large).map(\.columns).reduce(0, +) == 6)
    }
}
