import SnapshotTesting
import Testing
@testable import CobuyTerminal

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumnAndControlsNone() {
        #expect(DisplayWidth.of("Salem") == 5)
        #expect(DisplayWidth.of("\u{7}") == 0)
    }

    @Test func accentsTakeOneColumnPrecomposedOrNot() {
        #expect(DisplayWidth.of("é") == 1)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("Española") == 8)
    }

    @Test func cjkTakesTwoColumns() {
        #expect(DisplayWidth.of("東京") == 4)
        #expect(DisplayWidth.of("Tōkyō (東京電機)") == 16)
    }

    @Test func emojiSequencesTakeTwoColumns() {
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)
        #expect(DisplayWidth.of("🇺🇸") == 2)
        #expect(DisplayWidth.of("☀️") == 2)
        #expect(DisplayWidth.of("⚡") == 2)
    }
}

@Suite struct TextSanitizerTests {
    @Test func anOSCTitleSequenceIsRemovedWhole() {
        #expect(TextSanitizer.clean("Evil\u{1B}]0;PWNED\u{07}City") == "EvilCity")
        #expect(TextSanitizer.clean("A\u{1B}]2;x\u{1B}\\B") == "AB")
    }

    @Test func csiAndC1AndBellAreRemoved() {
        #expect(TextSanitizer.clean("\u{1B}[2J\u{1B}[31mRed\u{1B}[0m") == "Red")
        #expect(TextSanitizer.clean("a\u{9B}31mb") == "ab")
        #expect(TextSanitizer.clean("bell\u{07}") == "bell")
        #expect(TextSanitizer.clean("x\u{85}y") == "xy")
    }

    @Test func lineBreaksAndTabsBecomeSpacesAndBidiOverridesGo() {
        #expect(TextSanitizer.clean("a\nb\tc") == "a b c")
        #expect(TextSanitizer.clean("abc\u{202E}def") == "abcdef")
    }

    @Test func plainTextIsUntouched() {
        #expect(TextSanitizer.clean("City of San José — 東京 👍") == "City of San José — 東京 👍")
    }
}

@Suite struct CellGridTests {
    @Test func putClipsAtTheLimitAndTheEdge() {
        var grid = CellGrid(width: 10, height: 2)
        #expect(grid.put("Hello world", x: 0, y: 0, maxWidth: 5) == 5)
        #expect(grid.put("Hello world", x: 6, y: 1) == 4)
        #expect(grid.text == "Hello\n      Hell")
    }

    @Test func aWideCharacterThatDoesNotFitIsPaddedNotSplit() {
        var grid = CellGrid(width: 5, height: 1)
        grid.put("ab東京", x: 0, y: 0)
        #expect(grid.text == "ab東")
        #expect(grid[3, 0].isContinuation)
        #expect(grid[4, 0].grapheme == " ")
    }

    @Test func overwritingHalfAWideCharacterClearsTheOtherHalf() {
        var grid = CellGrid(width: 4, height: 1)
        grid.put("東京", x: 0, y: 0)
        grid.put("x", x: 1, y: 0)
        #expect(grid.text == " x京")
    }

    @Test func truncationUsesDisplayWidthAndAnEllipsis() {
        #expect(CellGrid.truncated("Salem-Keizer", to: 6) == "Salem…")
        #expect(CellGrid.truncated("東京電機", to: 5) == "東京…")
        #expect(CellGrid.truncated("short", to: 10) == "short")
    }

    @Test func wrappingBreaksAtSpaces() {
        #expect(CellGrid.wrapped("the quick brown fox", to: 9) == ["the quick", "brown fox"])
        #expect(CellGrid.wrapped("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
    }

    @Test func controlCharactersNeverEnterTheGrid() {
        var grid = CellGrid(width: 20, height: 1)
        grid.put("A\u{1B}]0;T\u{07}B\u{1B}[1mC", x: 0, y: 0)
        #expect(grid.text == "ABC")
    }

    @Test func aComposedScreenSnapshot() {
        var grid = CellGrid(width: 32, height: 6)
        grid.box(grid.bounds, title: "Parties")
        grid.put("City of San José", x: 2, y: 1)
        grid.put("東京都財務局", x: 2, y: 2)
        grid.put("Família 👨‍👩‍👧 Co-op", x: 2, y: 3)
        grid.putPadded("A very long name that is cut", x: 2, y: 4, width: 20)
        assertSnapshot(of: grid.text, as: .lines)
        assertSnapshot(of: { var g = CellGrid(width: 12, height: 1); g.put("Bold", x: 0, y: 0, style: Style(bold: true)); g.put(" r", x: 4, y: 0, style: Style(reverse: true)); return g.styledText }(), as: .lines, named: "styled")
    }
}

@Suite struct GridDiffTests {
    @Test func theFirstFrameDrawsEverything() {
        var grid = CellGrid(width: 4, height: 2)
        grid.put("ab", x: 0, y: 0)
        let runs = GridDiff.runs(from: nil, to: grid)
        #expect(runs.map(\.text).joined().count == 8)
    }

    @Test func onlyChangedCellsAreRedrawn() {
        var before = CellGrid(width: 10, height: 3)
        before.put("unchanged", x: 0, y: 0)
        before.put("old", x: 0, y: 1)
        var after = before
        after.put("new", x: 0, y: 1)
        let runs = GridDiff.runs(from: before, to: after)
        #expect(runs == [GridDiff.Run(x: 0, y: 1, text: "new", style: .plain)])
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

    @Test func wideCharactersAreSentOnce() {
        let before = CellGrid(width: 4, height: 1)
        var after = before
        after.put("東x", x: 0, y: 0)
        #expect(GridDiff.runs(from: before, to: after).map(\.text) == ["東x"])
    }

    @Test func aSizeChangeRedrawsEverything() {
        let small = CellGrid(width: 2, height: 1)
        let large = CellGrid(width: 3, height: 2)
        #expect(GridDiff.runs(from: small, to: large).map(\.text).joined().count == 6)
    }
}

@Suite struct KeyDecoderTests {
    @Test func controlCharactersBecomeKeys() {
        #expect(KeyDecoder.decode(character: 0x0D) == .enter)
        #expect(KeyDecoder.decode(character: 0x09) == .tab)
        #expect(KeyDecoder.decode(character: 0x7F) == .backspace)
        #expect(KeyDecoder.decode(character: 0x01) == .ctrl("a"))
        #expect(KeyDecoder.decode(character: 0x1A) == .ctrl("z"))
    }

    @Test func escapeAloneIsEscAndEscapeThenAKeyIsAlt() {
        #expect(KeyDecoder.decode(character: 0x1B) == .escape)
        #expect(KeyDecoder.decode(character: 0x1B, followedBy: UInt32(UInt8(ascii: "b"))) == .alt("b"))
    }

    @Test func unicodeCharactersPassThrough() {
        #expect(KeyDecoder.decode(character: 0xE9) == .character("é"))
        #expect(KeyDecoder.decode(character: 0x6771) == .character("東"))
    }

    @Test func functionKeyCodesMapToKeys() {
        #expect(KeyDecoder.decode(functionKey: KeyDecoder.Code.up) == .up)
        #expect(KeyDecoder.decode(functionKey: KeyDecoder.Code.pageDown) == .pageDown)
        #expect(KeyDecoder.decode(functionKey: KeyDecoder.Code.backTab) == .backTab)
        #expect(KeyDecoder.decode(functionKey: KeyDecoder.Code.f0 + 5) == .function(5))
        #expect(KeyDecoder.decode(functionKey: 9999) == nil)
    }
}

@Suite struct ThemeTests {
    @Test func noColorSelectsTheMonochromeTheme() {
        #expect(Theme.choose(environment: ["NO_COLOR": "1"], noColorFlag: false) == .monochrome)
        #expect(Theme.choose(environment: [:], noColorFlag: true) == .monochrome)
        #expect(Theme.choose(environment: ["NO_COLOR": ""], noColorFlag: false) == .color)
    }

    @Test func theMonochromeThemeHasNoColours() {
        let theme = Theme.monochrome
        let styles = [theme.normal, theme.title, theme.header, theme.selected, theme.muted, theme.accent, theme.warning, theme.refused,
                      theme.success, theme.statusBar, theme.tabActive, theme.tabInactive, theme.border, theme.key, theme.input]
        #expect(styles.allSatisfy { $0.foreground == .default && $0.background == .default })
        #expect(theme.selected != theme.normal && theme.refused != theme.normal)
    }
}
