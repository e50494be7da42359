import Testing
@testable import CobuyTerminal

@Suite struct CellGridTests {
    @Test func putReturnsTheColumnsWritten() {
        var grid = CellGrid(width: 20, height: 1)
        #expect(grid.put("東京 ok", x: 0, y: 0) == 7)
    }

    @Test func putClipsAtMaxWidth() {
        var grid = CellGrid(width: 10, height: 1)
        #expect(grid.put("Hello world", x: 0, y: 0, maxWidth: 5) == 5)
        #expect(grid.text == "Hello")
    }

    @Test func putClipsAtTheRightEdge() {
        var grid = CellGrid(width: 10, height: 1)
        #expect(grid.put("Hello world", x: 6, y: 0) == 4)
        #expect(grid.text == "      Hell")
    }

    @Test func putOutsideTheGridWritesNothing() {
        var grid = CellGrid(width: 4, height: 2)
        #expect(grid.put("x", x: 0, y: 2) == 0)
        #expect(grid.put("x", x: 0, y: -1) == 0)
        #expect(grid.put("x", x: 4, y: 0) == 0)
        #expect(grid.text == "\n")
    }

    @Test func putFromALeftOffsetClipsTheStart() {
        var grid = CellGrid(width: 4, height: 1)
        grid.put("abcdef", x: -2, y: 0)
        #expect(grid.text == "cdef")
    }

    @Test func aWideCharacterHalfOffTheLeftEdgeBecomesASpace() {
        var grid = CellGrid(width: 4, height: 1, fill: Cell("."))
        grid.put("東x", x: -1, y: 0)
        #expect(grid.text == " x..")
    }

    @Test func aWideCharacterTakesALeadAndAContinuationCell() {
        var grid = CellGrid(width: 4, height: 1)
        grid.put("東", x: 1, y: 0)
        #expect(grid[1, 0].grapheme == "東")
        #expect(!grid[1, 0].isContinuation)
        #expect(grid[2, 0].isContinuation)
    }

    @Test func aWideCharacterAtTheRightEdgeIsPaddedNotSplit() {
        var grid = CellGrid(width: 5, height: 1, fill: Cell("."))
        #expect(grid.put("ab東京", x: 0, y: 0) == 5)
        #expect(grid.textLines(trimmingTrailingSpaces: false) == ["ab東 "])
        #expect(!grid[4, 0].isContinuation)
    }

    @Test func aWideCharacterAtMaxWidthIsPaddedNotSplit() {
        var grid = CellGrid(width: 6, height: 1, fill: Cell("."))
        #expect(grid.put("a東", x: 0, y: 0, maxWidth: 2) == 2)
        #expect(grid.text == "a ....")
    }

    @Test func overwritingTheLeftHalfOfAWideCharacterBlanksTheRightHalf() {
        var grid = CellGrid(width: 4, height: 1)
        grid.put("東京", x: 0, y: 0)
        grid.put("x", x: 0, y: 0)
        #expect(grid.text == "x 京")
        #expect(!grid[1, 0].isContinuation)
    }

    @Test func overwritingTheRightHalfOfAWideCharacterBlanksTheLeftHalf() {
        var grid = CellGrid(width: 4, height: 1)
        grid.put("東京", x: 0, y: 0)
        grid.put("x", x: 1, y: 0)
        #expect(grid.text == " x京")
    }

    @Test func aWideCharacterOverlappingAnotherBlanksItsOtherHalf() {
        var grid = CellGrid(width: 5, height: 1)
        grid.put("東京", x: 0, y: 0)
        grid.put("大", x: 1, y: 0)
        #expect(grid.text == " 大")
        #expect(grid[2, 0].isContinuation && !grid[3, 0].isContinuation)
    }

    @Test func zeroWidthGraphemesAreDropped() {
        var grid = CellGrid(width: 6, height: 1)
        #expect(grid.put("a\u{200B}\u{301}b", x: 0, y: 0) == 2)
        #expect(grid.text == "ab")
    }

    @Test func combiningMarksStayWithTheirLetter() {
        var grid = CellGrid(width: 6, height: 1)
        grid.put("Jose\u{301}!", x: 0, y: 0)
        #expect(grid[3, 0].grapheme == "e\u{301}")
        #expect(grid[4, 0].grapheme == "!")
    }

    @Test func controlCharactersNeverEnterTheGrid() {
        var grid = CellGrid(width: 20, height: 1)
        grid.put("A\u{1B}]0;T\u{07}B\u{1B}[1mC\u{9B}2JD", x: 0, y: 0)
        #expect(grid.text == "ABCD")
    }

    @Test func settingACellWithAControlCharacterStoresASpace() {
        var grid = CellGrid(width: 3, height: 1)
        grid[0, 0] = Cell("\u{1B}")
        grid[1, 0] = Cell("\u{9B}")
        #expect(grid.cells.allSatisfy { $0.grapheme == " " })
    }

    @Test func settingACellWithAWideGraphemeAddsItsContinuation() {
        var grid = CellGrid(width: 3, height: 1)
        grid[0, 0] = Cell("東")
        #expect(grid[1, 0].isContinuation)
        grid[2, 0] = Cell("京")
        #expect(grid.text == "東")
    }

    @Test func settingTheSameGraphemeRestylesTheWholeGlyph() {
        var grid = CellGrid(width: 3, height: 1)
        grid.put("東", x: 0, y: 0)
        grid[0, 0] = Cell("東", style: Style(reverse: true))
        #expect(grid[0, 0].style.reverse && grid[1, 0].style.reverse)
        #expect(grid[1, 0].isContinuation)
    }

    @Test func setStyleOnAContinuationRestylesTheLeadToo() {
        var grid = CellGrid(width: 3, height: 1)
        grid.put("東a", x: 0, y: 0)
        grid.setStyle(Style(bold: true), x: 1, y: 0)
        #expect(grid.styledDump() == "[b]東[/]a")
    }

    @Test func fillClipsToTheGridAndUsesTheStyle() {
        var grid = CellGrid(width: 4, height: 2)
        grid.fill(Rect(x: 2, y: 1, width: 10, height: 10), with: "#", style: Style(reverse: true))
        #expect(grid.text == "\n  ##")
        #expect(grid[3, 1].style.reverse)
    }

    @Test func fillWithAWideCharacterFillsWithSpaces() {
        var grid = CellGrid(width: 3, height: 1, fill: Cell("."))
        grid.fill(grid.bounds, with: "東")
        #expect(grid.textLines(trimmingTrailingSpaces: false) == ["   "])
    }

    @Test func putPaddedCutsWithAnEllipsisAndFillsTheWidth() {
        var grid = CellGrid(width: 12, height: 1, fill: Cell("."))
        grid.putPadded("Salem-Keizer SD", x: 1, y: 0, width: 8, style: Style(bold: true))
        #expect(grid.text == ".Salem-K…...")
        grid.putPadded("ok", x: 1, y: 0, width: 8)
        #expect(grid.textLines(trimmingTrailingSpaces: false) == [".ok      ..."])
    }

    @Test func putAlignedRightOrCentredInARow() {
        var grid = CellGrid(width: 10, height: 2)
        #expect(grid.put("東京", in: Rect(x: 0, y: 0, width: 10, height: 1), alignment: .right) == 6)
        #expect(grid.put("ab", in: Rect(x: 0, y: 1, width: 10, height: 1), alignment: .center) == 4)
        #expect(grid.text == "      東京\n    ab")
    }

    @Test func textTrimsTrailingSpacesAndJoinsRowsWithNewlines() {
        var grid = CellGrid(width: 6, height: 3)
        grid.put("a b", x: 0, y: 0)
        grid.put("c", x: 2, y: 2)
        #expect(grid.text == "a b\n\n  c")
        #expect(grid.description == grid.text)
        #expect(grid.textLines(trimmingTrailingSpaces: false) == ["a b   ", "      ", "  c   "])
    }

    @Test func styledDumpMarksEachStyledRun() {
        var grid = CellGrid(width: 16, height: 1)
        grid.put("Bold", x: 0, y: 0, style: Style(bold: true))
        grid.put(" ", x: 4, y: 0)
        grid.put("red", x: 5, y: 0, style: Style(foreground: .red))
        grid.put("sel ", x: 9, y: 0, style: Style(reverse: true))
        #expect(grid.styledDump() == "[b]Bold[/] [fg=red]red[/] [r]sel [/]")
    }

    @Test func truncationUsesDisplayWidthAndAnEllipsis() {
        #expect(CellGrid.truncated("Salem-Keizer", to: 6) == "Salem…")
        #expect(CellGrid.truncated("東京電機", to: 5) == "東京…")
        #expect("東京電機".truncated(to: 4) == "東…")
        #expect("short".truncated(to: 10) == "short")
        #expect("anything".truncated(to: 1) == "…")
        #expect("anything".truncated(to: 0) == "")
    }

    @Test func truncationKeepsEmojiSequencesWhole() {
        #expect("👨‍👩‍👧👨‍👩‍👧 family".truncated(to: 4) == "👨‍👩‍👧…")
    }

    @Test func paddingFillsToTheDisplayWidth() {
        #expect("東".padded(to: 4) == "東  ")
        #expect("ab".padded(to: 4, alignment: .right) == "  ab")
        #expect("Salem-Keizer".padded(to: 5) == "Sale…")
    }

    @Test func wrappingBreaksAtSpaces() {
        #expect(CellGrid.wrapped("the quick brown fox", to: 9) == ["the quick", "brown fox"])
    }

    @Test func wrappingCutsWordsLongerThanALine() {
        #expect(CellGrid.wrapped("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
        #expect(CellGrid.wrapped("ab cdefghij", to: 4) == ["ab", "cdef", "ghij"])
    }

    @Test func wrappingMeasuresWideCharacters() {
        #expect(CellGrid.wrapped("東京 大阪 京都", to: 5) == ["東京", "大阪", "京都"])
    }
}

@Suite struct CellGridInvariantTests {
    @Test func aWideFillCellBecomesASpace() {
        let grid = CellGrid(width: 3, height: 1, fill: Cell("東"))
        #expect(grid.cells.allSatisfy { $0 == Cell(" ") })
    }

    @Test func settingAStrayContinuationCellStoresASpace() {
        var grid = CellGrid(width: 3, height: 1)
        grid.put("abc", x: 0, y: 0)
        grid[1, 0] = Cell(" ", isContinuation: true)
        #expect(grid.text == "a c")
        #expect(!grid.cells.contains { $0.isContinuation })
    }
}
