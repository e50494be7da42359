import Testing
@testable import CobuyTerminal

/// Glyph substitution, measured the way glibc's `wcwidth` (Unicode 14) does.
@Suite struct CursesGlyphsTests {
    static func wcwidthLike(_ value: UInt32) -> Int {
        switch value {
        case 0x300...0x36F, 0x200D, 0xFE0F, 0xE0020...0xE007F: return 0
        case 0x1F1E6...0x1F1FF: return 1
        case 0x1F3FB...0x1F3FF, 0x1F466...0x1F469, 0x1F44D, 0x6771, 0x4EAC: return 2
        case 0x1FAE8: return -1
        default: return 1
        }
    }

    func draw(_ character: Character) -> String {
        let scalars = CursesGlyphs.scalars(for: character, columns: DisplayWidth.of(character), measure: Self.wcwidthLike)
        return String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init)))
    }

    @Test func textCursesMeasuresAlikeIsDrawnAsItIs() {
        #expect(draw("東") == "東")
        #expect(draw("e\u{301}") == "e\u{301}")
    }

    @Test func aZWJSequenceIsDrawnAsItsFirstEmoji() {
        #expect(draw("👨‍👩‍👧") == "👨")
    }

    @Test func aSkinToneIsDroppedRatherThanWidenTheRow() {
        #expect(draw("👍🏽") == "👍")
    }

    @Test func aFlagCursesMeasuresAsTwoColumnsIsDrawnAsItIs() {
        #expect(draw("🇺🇸") == "🇺🇸")
    }

    @Test func aFlagCursesMeasuresWiderIsDrawnAsItsLetters() {
        let scalars = CursesGlyphs.scalars(for: "🇺🇸", columns: 2, measure: { _ in 2 })
        #expect(scalars == [0x55, 0x53])
    }

    @Test func aVariationSixteenSymbolIsPaddedToTwoColumns() {
        #expect(draw("☀️") == "☀ ")
    }

    @Test func anEmojiCursesDoesNotKnowIsAReplacementCharacterPadded() {
        #expect(draw("\u{1FAE8}") == "\u{FFFD} ")
    }

    @Test func aWideStringStopsAtTheColumnLimitBetweenGraphemes() {
        let wide = CursesGlyphs.wideString("ab東京", maxColumns: 5, measure: Self.wcwidthLike)
        #expect(wide == [0x61, 0x62, 0x6771, 0])
    }
}

@Suite struct ColorPairsTests {
    @Test func defaultColoursArePairZero() {
        var pairs = ColorPairs(capacity: 256)
        #expect(pairs.pair(foreground: -1, background: -1) == (0, false))
    }

    @Test func eachCombinationGetsOnePairMadeOnce() {
        var pairs = ColorPairs(capacity: 256)
        #expect(pairs.pair(foreground: 1, background: -1) == (1, true))
        #expect(pairs.pair(foreground: 2, background: 4) == (2, true))
        #expect(pairs.pair(foreground: 1, background: -1) == (1, false))
    }

    @Test func pastTheTerminalsPairsTheDefaultIsUsed() {
        var pairs = ColorPairs(capacity: 2)
        #expect(pairs.pair(foreground: 1, background: -1) == (1, true))
        #expect(pairs.pair(foreground: 2, background: -1) == (0, false))
    }
}

@Test func formatCharactersAreNeverSentToTheTerminal() {
    let measure: (UInt32) -> Int = { DisplayWidth.of(scalar: Unicode.Scalar($0) ?? " ") }
    #expect(CursesGlyphs.scalars(for: "d\u{200D}", columns: 1, measure: measure) == [0x64])
    #expect(CursesGlyphs.scalars(for: " \u{200D}\u{200D}", columns: 1, measure: measure) == [0x20])
    #expect(CursesGlyphs.scalars(for: "a\u{200C}", columns: 1, measure: measure) == [0x61])
    let eye: Character = "👁\u{200D}🗨"
    #expect(CursesGlyphs.scalars(for: eye, columns: DisplayWidth.of(eye), measure: measure).allSatisfy { $0 != 0x200D })
}
