import Testing
@testable import CobuyTerminal

@Suite struct KeyDecoderTests {
    @Test func printableCharactersIncludingNonASCIIBecomeCharacterKeys() {
        #expect(KeyDecoder.decode(character: 0x6A) == .character("j"))
        #expect(KeyDecoder.decode(character: 0xE9) == .character("é"))
        #expect(KeyDecoder.decode(character: 0x6771) == .character("東"))
        #expect(KeyDecoder.decode(character: 0x20) == .character(" "))
    }

    @Test func enterIsCarriageReturnOrLineFeed() {
        #expect(KeyDecoder.decode(character: 0x0D) == .enter)
        #expect(KeyDecoder.decode(character: 0x0A) == .enter)
        #expect(KeyDecoder.decode(functionKey: KeyDecoder.Code.enter) == .enter)
    }

    @Test func tabAndBackTab() {
        #expect(KeyDecoder.decode(character: 0x09) == .tab)
        #expect(KeyDecoder.decode(functionKey: KeyDecoder.Code.backTab) == .backTab)
    }

    @Test func backspaceIsDeleteOrControlHOrTheKeyCode() {
        #expect(KeyDecoder.decode(character: 0x7F) == .backspace)
        #expect(KeyDecoder.decode(character: 0x08) == .backspace)
        #expect(KeyDecoder.decode(functionKey: KeyDecoder.Code.backspace) == .backspace)
    }

    @Test func controlLettersBecomeCtrlKeys() {
        #expect(KeyDecoder.decode(character: 0x01) == .ctrl("a"))
        #expect(KeyDecoder.decode(character: 0x12) == .ctrl("r"))
        #expect(KeyDecoder.decode(character: 0x1A) == .ctrl("z"))
    }

    @Test func otherControlCharactersBecomeCtrlPunctuation() {
        #expect(KeyDecoder.decode(character: 0x00) == .ctrl(" "))
        #expect(KeyDecoder.decode(character: 0x1C) == .ctrl("\\"))
        #expect(KeyDecoder.decode(character: 0x1F) == .ctrl("_"))
    }

    @Test func escapeAloneIsEsc() {
        #expect(KeyDecoder.decode(.character(0x1B), followedBy: nil) == (.escape, false))
    }

    @Test func escapeThenACharacterIsAlt() {
        #expect(KeyDecoder.decode(.character(0x1B), followedBy: .character(0x62)) == (.alt("b"), true))
        #expect(KeyDecoder.decode([.character(0x1B), .character(0xE9)]) == [.alt("é")])
    }

    @Test func escapeThenBackspaceIsAltBackspace() {
        #expect(KeyDecoder.decode([.character(0x1B), .character(0x7F)]) == [.alt("\u{7F}")])
    }

    @Test func escapeThenAnotherKeyKeepsBothKeys() {
        #expect(KeyDecoder.decode([.character(0x1B), .functionKey(KeyDecoder.Code.up)]) == [.escape, .up])
        #expect(KeyDecoder.decode([.character(0x1B), .character(0x0D)]) == [.escape, .enter])
        #expect(KeyDecoder.decode([.character(0x1B), .character(0x1B), .character(0x61)]) == [.escape, .alt("a")])
    }

    @Test func arrowsAndNavigationKeyCodes() {
        let codes = [KeyDecoder.Code.up, KeyDecoder.Code.down, KeyDecoder.Code.left, KeyDecoder.Code.right, KeyDecoder.Code.home,
                     KeyDecoder.Code.end, KeyDecoder.Code.pageUp, KeyDecoder.Code.pageDown, KeyDecoder.Code.delete, KeyDecoder.Code.insert]
        #expect(codes.map { KeyDecoder.decode(functionKey: $0) }
            == [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .delete, .insert])
    }

    @Test func keypadCornersAreHomeEndAndPages() {
        #expect(KeyDecoder.decode(functionKey: KeyDecoder.Code.keypadA1) == .home)
        #expect(KeyDecoder.decode(functionKey: KeyDecoder.Code.keypadC3) == .pageDown)
    }

    @Test func functionKeysOneToTwelve() {
        #expect(KeyDecoder.decode(functionKey: KeyDecoder.Code.f0 + 1) == .function(1))
        #expect(KeyDecoder.decode(functionKey: KeyDecoder.Code.f0 + 12) == .function(12))
        #expect(KeyDecoder.decode(functionKey: KeyDecoder.Code.f0 + 13) == nil)
    }

    @Test func mouseResizeAndUnknownCodesAreNoKey() {
        #expect(KeyDecoder.decode(functionKey: KeyDecoder.Code.mouse) == nil)
        #expect(KeyDecoder.decode(functionKey: KeyDecoder.Code.resize) == nil)
        #expect(KeyDecoder.decode(functionKey: 9999) == nil)
    }

    @Test func labelsNameKeysForHelp() {
        #expect([Key.ctrl("a"), .alt("b"), .alt("\u{7F}"), .character(" "), .up, .function(5)].map(\.label)
            == ["Ctrl-A", "Alt-b", "Alt-Backspace", "Space", "↑", "F5"])
    }
}

@Suite struct MouseDecoderTests {
    let masks = NcursesTerminal.cursesMouseMasks

    @Test func leftPressIsAClickAtTheCell() {
        #expect(MouseDecoder.decode(x: 3, y: 7, state: masks.leftPressed, masks: masks) == MouseEvent(kind: .click, x: 3, y: 7))
    }

    @Test func rightAndMiddleClicksNameTheirButton() {
        #expect(MouseDecoder.decode(x: 0, y: 0, state: masks.rightPressed, masks: masks)?.button == .right)
        #expect(MouseDecoder.decode(x: 0, y: 0, state: masks.middleClicked, masks: masks)?.button == .middle)
    }

    @Test func wheelButtonsScroll() {
        #expect(MouseDecoder.decode(x: 1, y: 2, state: masks.wheelUp, masks: masks)?.kind == .wheelUp)
        #expect(MouseDecoder.decode(x: 1, y: 2, state: masks.wheelDown, masks: masks)?.kind == .wheelDown)
    }

    @Test func doubleClickIsReported() {
        #expect(MouseDecoder.decode(x: 1, y: 2, state: masks.leftDoubleClicked, masks: masks)?.kind == .doubleClick)
    }

    @Test func releasesAreNoEvent() {
        #expect(MouseDecoder.decode(x: 1, y: 2, state: 0, masks: masks) == nil)
    }
}
