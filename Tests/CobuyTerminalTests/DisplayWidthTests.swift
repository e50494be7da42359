import Testing
@testable import CobuyTerminal

@Suite struct DisplayWidthTests {
    @Test func printableASCIITakesOneColumnEach() {
        #expect(DisplayWidth.of("Salem") == 5)
        #expect(DisplayWidth.of(Character("~")) == 1)
    }

    @Test func controlCharactersTakeNoColumns() {
        #expect(DisplayWidth.of("\u{7}") == 0)
        #expect(DisplayWidth.of("a\u{1B}b") == 2)
        #expect(DisplayWidth.of(Character("\u{85}")) == 0)
        #expect(DisplayWidth.of(Character("\u{7F}")) == 0)
    }

    @Test func precomposedAccentTakesOneColumn() {
        #expect(DisplayWidth.of(Character("\u{E9}")) == 1)
        #expect(DisplayWidth.of("Española") == 8)
    }

    @Test func decomposedAccentTakesOneColumn() {
        #expect(DisplayWidth.of(Character("e\u{301}")) == 1)
        #expect(DisplayWidth.of("Espan\u{303}ola") == 8)
    }

    @Test func anOrphanCombiningMarkTakesNoColumns() {
        #expect(DisplayWidth.of(Character("\u{301}")) == 0)
    }

    @Test func cjkTakesTwoColumnsEach() {
        #expect(DisplayWidth.of("東京") == 4)
        #expect(DisplayWidth.of("Tōkyō (東京電機)") == 16)
    }

    @Test func hangulSyllablesTakeTwoColumnsComposedOrNot() {
        #expect(DisplayWidth.of(Character("한")) == 2)
        #expect(DisplayWidth.of(Character("\u{1112}\u{1161}\u{11AB}")) == 2)
    }

    @Test func fullwidthFormsTakeTwoColumns() {
        #expect(DisplayWidth.of("ＡＢ") == 4)
    }

    @Test func ambiguousWidthSymbolsTakeOneColumn() {
        #expect(DisplayWidth.of("…─°×") == 4)
    }

    @Test func emojiTakesTwoColumns() {
        #expect(DisplayWidth.of(Character("👍")) == 2)
        #expect(DisplayWidth.of(Character("⚡")) == 2)
    }

    @Test func emojiWithSkinToneTakesTwoColumns() {
        #expect(DisplayWidth.of(Character("👍🏽")) == 2)
    }

    @Test func familyZWJSequenceTakesTwoColumns() {
        #expect(DisplayWidth.of(Character("👨‍👩‍👧")) == 2)
        #expect(DisplayWidth.of(Character("👩🏽‍💻")) == 2)
    }

    @Test func flagTakesTwoColumns() {
        #expect(DisplayWidth.of(Character("🇺🇸")) == 2)
        #expect(DisplayWidth.of("🇺🇸🇯🇵") == 4)
    }

    @Test func variationSelectorSixteenMakesASymbolTwoColumns() {
        #expect(DisplayWidth.of(Character("☀")) == 1)
        #expect(DisplayWidth.of(Character("☀️")) == 2)
        #expect(DisplayWidth.of(Character("1️⃣")) == 2)
    }

    @Test func variationSelectorFifteenKeepsTheTextWidth() {
        #expect(DisplayWidth.of(Character("☀\u{FE0E}")) == 1)
    }

    @Test func zeroWidthSpaceTakesNoColumns() {
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
    }

    @Test func substringsAndStringsAgree() {
        let text = "City of 東京 👍🏽"
        #expect(DisplayWidth.of(text[...]) == DisplayWidth.of(text))
        #expect(text.displayWidth == 15)
    }
}
