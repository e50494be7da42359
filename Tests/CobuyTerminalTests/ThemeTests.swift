import Testing
@testable import CobuyTerminal

@Suite struct ThemeTests {
    @Test func noColorSetToAnythingSelectsTheMonochromeTheme() {
        #expect(Theme.choose(environment: ["NO_COLOR": "1"], noColorFlag: false) == .monochrome)
    }

    @Test func anEmptyNoColorIsIgnored() {
        #expect(Theme.choose(environment: ["NO_COLOR": ""], noColorFlag: false) == .color)
    }

    @Test func theNoColorFlagSelectsTheMonochromeTheme() {
        #expect(Theme.choose(environment: [:], noColorFlag: true) == .noColor)
    }

    @Test func aTerminalWithoutColoursGetsTheMonochromeTheme() {
        #expect(Theme.color.adapted(toColor: false) == .monochrome)
        #expect(Theme.color.adapted(toColor: true) == .color)
    }

    @Test func theMonochromeThemeHasNoColours() {
        let theme = Theme.monochrome
        let styles = [theme.normal, theme.title, theme.header, theme.selected, theme.muted, theme.accent, theme.warning, theme.refused,
                      theme.success, theme.statusBar, theme.tabActive, theme.tabInactive, theme.border, theme.key, theme.input]
        #expect(styles.allSatisfy { $0 == $0.withoutColor })
        #expect(!theme.usesColor)
    }

    @Test func theMonochromeThemeStillMarksSelectionRefusalAndTheActiveTab() {
        let theme = Theme.monochrome
        #expect(theme.selected != theme.normal)
        #expect(theme.danger != theme.normal)
        #expect(theme.tabActive != theme.tabInactive)
    }
}

@Suite struct TerminalColorTests {
    @Test func coloursWithinThePaletteAreKept() {
        #expect(TerminalColor.brightRed.cursesNumber(paletteSize: 256) == 9)
        #expect(TerminalColor.indexed(208).cursesNumber(paletteSize: 256) == 208)
        #expect(TerminalColor.default.cursesNumber(paletteSize: 8) == -1)
    }

    @Test func brightColoursFallBackToNormalOnEightColourTerminals() {
        #expect(TerminalColor.brightRed.cursesNumber(paletteSize: 8) == 1)
    }

    @Test func paletteIndexesFallBackToTheNearestBasicColour() {
        #expect(TerminalColor.indexed(196).cursesNumber(paletteSize: 16) == 9)
        #expect(TerminalColor.indexed(196).cursesNumber(paletteSize: 8) == 1)
        #expect(TerminalColor.indexed(232).cursesNumber(paletteSize: 16) == 0)
    }
}
