import Testing
@testable import CobuyTerminal

@Suite struct TextSanitizerTests {
    @Test func anOSCTitleSequenceEndingInBELIsRemovedWhole() {
        #expect(TextSanitizer.clean("Evil\u{1B}]0;evil\u{07}City") == "EvilCity")
    }

    @Test func anOSCSequenceEndingInStringTerminatorIsRemovedWhole() {
        #expect(TextSanitizer.clean("A\u{1B}]2;x\u{1B}\\B") == "AB")
        #expect(TextSanitizer.clean("A\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\B") == "AlinkB")
    }

    @Test func csiSequencesAreRemovedWhole() {
        #expect(TextSanitizer.clean("\u{1B}[2J\u{1B}[31mRed\u{1B}[0m") == "Red")
        #expect(TextSanitizer.clean("a\u{1B}[?1049hb") == "ab")
    }

    @Test func eightBitC1SequencesAreRemoved() {
        #expect(TextSanitizer.clean("a\u{9B}31mb") == "ab")
        #expect(TextSanitizer.clean("a\u{9D}0;title\u{9C}b") == "ab")
        #expect(TextSanitizer.clean("x\u{85}y") == "x y")
        #expect(TextSanitizer.clean("x\u{8D}y") == "xy")
    }

    @Test func dcsStringsAreRemovedWhole() {
        #expect(TextSanitizer.clean("a\u{1B}P1$r0m\u{1B}\\b") == "ab")
    }

    @Test func twoCharacterEscapesAndCharsetDesignationsAreRemoved() {
        #expect(TextSanitizer.clean("a\u{1B}cb") == "ab")
        #expect(TextSanitizer.clean("a\u{1B}(Bb") == "ab")
    }

    @Test func bellDeleteAndOtherC0ControlsAreDropped() {
        #expect(TextSanitizer.clean("bell\u{07}") == "bell")
        #expect(TextSanitizer.clean("a\u{7F}b\u{0}c\u{8}d") == "abcd")
    }

    @Test func lineBreaksAndTabsBecomeOneSpaceEach() {
        #expect(TextSanitizer.clean("a\nb\tc") == "a b c")
        #expect(TextSanitizer.clean("a\r\nb") == "a b")
        #expect(TextSanitizer.clean("a\u{2028}b") == "a b")
    }

    @Test func bidiOverridesAndIsolatesAreDropped() {
        #expect(TextSanitizer.clean("abc\u{202E}def") == "abcdef")
        #expect(TextSanitizer.clean("\u{2067}x\u{2069}\u{200F}") == "x")
    }

    @Test func plainAndUnicodeTextIsUntouched() {
        #expect(TextSanitizer.clean("City of San José — 東京 👍 👨‍👩‍👧") == "City of San José — 東京 👍 👨‍👩‍👧")
    }

    @Test func linesKeepsParagraphsAndCleansEachLine() {
        #expect(TextSanitizer.lines("one\r\ntwo\u{1B}[1m\nthree") == ["one", "two", "three"])
    }

    @Test func noControlCharacterSurvivesAnyInput() {
        var generator = SplitMix64(seed: 0xC0B0)
        let alphabet: [Unicode.Scalar] = (0x00...0x20).compactMap(Unicode.Scalar.init) + (0x7E...0xA0).compactMap(Unicode.Scalar.init)
            + ["[", "]", "\\", "P", ";", "0", "m", "a", "東", "\u{202E}", "\u{2066}", "\u{200E}", "\u{2028}", "👍", "\u{301}"]
        for _ in 0..<2_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int(generator.next() % 24) { text.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
            let cleaned = TextSanitizer.clean(String(text))
            #expect(!cleaned.unicodeScalars.contains(where: TextSanitizer.isRemoved), "\(String(text).debugDescription)")
        }
    }
}

/// A small deterministic generator, so a failing input can be reproduced.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
