#if os(Linux)
import Glibc
import Testing
@testable import CobuyTerminal

/// The ncurses backend without a real terminal: the decisions it makes before starting curses,
/// and the backend itself on a pseudo-terminal (curses is process-wide state: one at a time).
@Suite(.serialized) struct NcursesTerminalTests {
    @Test func notATerminalMeansNoCurses() {
        #expect(!NcursesTerminal.canTakeOver(inputIsTerminal: false, outputIsTerminal: true, term: "xterm"))
        #expect(!NcursesTerminal.canTakeOver(inputIsTerminal: true, outputIsTerminal: false, term: "xterm"))
    }

    @Test func anUnsetOrDumbTermMeansNoCurses() {
        #expect(!NcursesTerminal.canTakeOver(inputIsTerminal: true, outputIsTerminal: true, term: nil))
        #expect(!NcursesTerminal.canTakeOver(inputIsTerminal: true, outputIsTerminal: true, term: "dumb"))
        #expect(NcursesTerminal.canTakeOver(inputIsTerminal: true, outputIsTerminal: true, term: "xterm-256color"))
    }

    @Test func theDecodersKeyCodesAreCursesOwn() {
        #expect(NcursesTerminal.keyCodesMatchCurses)
    }

    @Test func theMouseMasksAreDistinctBits() {
        let masks = NcursesTerminal.cursesMouseMasks
        let bits = [masks.leftPressed, masks.leftClicked, masks.leftDoubleClicked, masks.middlePressed, masks.rightPressed,
                    masks.wheelUp, masks.wheelDown]
        #expect(Set(bits).count == bits.count && !bits.contains(0))
    }

    @Test func glibcMeasuresLikeTheGlyphTableExpects() {
        #expect(NcursesTerminal.prepareLocale())
        let family = CursesGlyphs.scalars(for: "👨‍👩‍👧", columns: 2, measure: NcursesTerminal.measure)
        #expect(family == [0x1F468])
        #expect(CursesGlyphs.scalars(for: "東", columns: 2, measure: NcursesTerminal.measure) == [0x6771])
    }

    /// Starts the backend on a pseudo-terminal, runs `body`, and always restores.
    func withTerminal(useColor: Bool = true, _ body: (NcursesTerminal, PseudoTerminal) throws -> Void) throws {
        let pty = try #require(PseudoTerminal())
        let files = try #require(pty.followerFiles())
        let terminal = try #require(NcursesTerminal(input: files.input, output: files.output, terminalType: "xterm-256color",
                                                    useColor: useColor, useMouse: false, ownedFiles: [files.input, files.output]))
        defer { terminal.restore() }
        _ = pty.drawn()
        try body(terminal, pty)
    }

    @Test func theFirstFrameDrawsTheWholeGrid() throws {
        try withTerminal { terminal, pty in
            var grid = CellGrid(width: terminal.size.width, height: terminal.size.height)
            grid.put("Cobuy 東京 José", x: 2, y: 1, style: Style(bold: true))
            terminal.draw(grid)
            let output = pty.drawn()
            #expect(output.contains("Cobuy 東京 José"))
            #expect(output.contains("\u{1B}[0;1m"))
        }
    }

    @Test func aLaterFrameSendsOnlyWhatChanged() throws {
        try withTerminal { terminal, pty in
            var grid = CellGrid(width: terminal.size.width, height: terminal.size.height)
            grid.put("Solicitations", x: 0, y: 0)
            grid.put("status: draft", x: 0, y: 3)
            terminal.draw(grid)
            _ = pty.drawn()
            grid.put("status: forming", x: 0, y: 3)
            terminal.draw(grid)
            let output = pty.drawn()
            #expect(output.contains("orming"))
            #expect(!output.contains("Solicitations"))
            #expect(!output.contains("status"))
        }
    }

    @Test func aFrameAfterResumeIsDrawnWhole() throws {
        try withTerminal { terminal, pty in
            var grid = CellGrid(width: terminal.size.width, height: terminal.size.height)
            grid.put("Contracts", x: 0, y: 0)
            terminal.draw(grid)
            _ = pty.drawn()
            terminal.resume()
            terminal.draw(grid)
            #expect(pty.drawn().contains("Contracts"))
        }
    }

    @Test func coloursUsePairsOnlyWhenAskedFor() throws {
        try withTerminal(useColor: false) { terminal, pty in
            #expect(!terminal.hasColors)
            var grid = CellGrid(width: terminal.size.width, height: terminal.size.height)
            grid.put("refused", x: 0, y: 0, style: Style(foreground: .red))
            terminal.draw(grid)
            #expect(!pty.drawn().contains("\u{1B}[31m"))
        }
    }

    @Test func typedKeysBecomeEvents() throws {
        try withTerminal { terminal, pty in
            pty.type("qé\r\u{7F}\u{01}")
            let events = (0..<5).map { _ in terminal.nextEvent(timeoutMilliseconds: 1_000) }
            #expect(events == [.key(.character("q")), .key(.character("é")), .key(.enter), .key(.backspace), .key(.ctrl("a"))])
        }
    }

    @Test func cursorKeysAndFunctionKeysAreDecoded() throws {
        try withTerminal { terminal, pty in
            pty.type("\u{1B}OA\u{1B}[6~\u{1B}OP\u{1B}[Z")
            let events = (0..<4).map { _ in terminal.nextEvent(timeoutMilliseconds: 1_000) }
            #expect(events == [.key(.up), .key(.pageDown), .key(.function(1)), .key(.backTab)])
        }
    }

    @Test func escapeThenAKeyIsAltAndALoneEscapeIsEsc() throws {
        try withTerminal { terminal, pty in
            pty.type("\u{1B}b")
            #expect(terminal.nextEvent(timeoutMilliseconds: 1_000) == .key(.alt("b")))
            pty.type("\u{1B}")
            #expect(terminal.nextEvent(timeoutMilliseconds: 1_000) == .key(.escape))
        }
    }

    @Test func noInputWithinTheTimeoutIsNil() throws {
        try withTerminal { terminal, _ in
            #expect(terminal.nextEvent(timeoutMilliseconds: 10) == nil)
        }
    }

    @Test func anInterruptSignalBecomesAnInterruptEvent() throws {
        try withTerminal { terminal, _ in
            // To the process, as `kill` sends it: test threads block signals, the main thread takes it.
            kill(getpid(), SIGTERM)
            #expect(terminal.nextEvent(timeoutMilliseconds: 1_000) == .interrupt(signal: SIGTERM))
        }
    }

    @Test func continuingAfterAStopAsksForAWholeRedraw() throws {
        try withTerminal { terminal, pty in
            var grid = CellGrid(width: terminal.size.width, height: terminal.size.height)
            grid.put("Addenda", x: 0, y: 0)
            terminal.draw(grid)
            _ = pty.drawn()
            kill(getpid(), SIGCONT)
            #expect(terminal.nextEvent(timeoutMilliseconds: 1_000) == .resize(width: grid.width, height: grid.height))
            terminal.draw(grid)
            #expect(pty.drawn().contains("Addenda"))
        }
    }

    @Test func restoringLeavesTheAlternateScreenAndStopsInput() throws {
        let pty = try #require(PseudoTerminal())
        let files = try #require(pty.followerFiles())
        let terminal = try #require(NcursesTerminal(input: files.input, output: files.output, terminalType: "xterm-256color",
                                                    useColor: true, useMouse: true, ownedFiles: [files.input, files.output]))
        _ = pty.drawn()
        terminal.restore()
        terminal.restore()
        #expect(pty.drawn().contains("\u{1B}[?1049l"))
        #expect(terminal.nextEvent(timeoutMilliseconds: 0) == nil)
    }

    @Test func restoringPutsBackTheSignalHandlers() throws {
        var before = sigaction()
        sigaction(SIGTERM, nil, &before)
        try withTerminal { _, _ in }
        var after = sigaction()
        sigaction(SIGTERM, nil, &after)
        let address = { (action: sigaction) in unsafeBitCast(action.__sigaction_handler.sa_handler, to: UnsafeRawPointer?.self) }
        #expect(address(before) == address(after))
    }
}
#endif

extension NcursesTerminalTests {
    /// Keys of another terminal than `TERM` names (tmux's End is `ESC [ 4 ~`, which xterm's
    /// description lacks) arrive as raw bytes: each is read whole as its key, and a sequence
    /// Cobuy has no key for is dropped — never typed as Alt-[, `4` (a tab switch) and `~`.
    @Test func rawSequencesOfAnotherTerminalAreKeysNotTypedCharacters() throws {
        try withTerminal { terminal, pty in
            // xterm-256color (the test terminal) has none of these: rxvt's and tmux's Home and End.
            pty.type("\u{1B}[4~\u{1B}[1~\u{1B}[8~\u{1B}[99~x")
            let events = (0..<5).map { _ in terminal.nextEvent(timeoutMilliseconds: 1_000) }
            #expect(events == [.key(.end), .key(.home), .key(.end), nil, .key(.character("x"))], "\(events)")
            pty.type("\u{1B}[")
            // curses holds a lone Esc and `[` for its escape delay before handing them over.
            var alone: InputEvent?
            for _ in 0..<5 where alone == nil { alone = terminal.nextEvent(timeoutMilliseconds: 1_000) }
            #expect(alone == .key(.alt("[")), "Alt-[ typed alone")
        }
    }

    @Test func sequencesDecodeToTheirKeys() {
        func key(_ introducer: Character, _ body: String) -> Key? {
            KeyDecoder.decodeSequence(introducer: introducer.unicodeScalars.first.map { $0.value } ?? 0,
                                      body: body.unicodeScalars.map(\.value))
        }
        #expect(key("[", "4~") == .end && key("[", "8~") == .end && key("[", "F") == .end && key("O", "F") == .end)
        #expect(key("[", "7~") == .home && key("[", "H") == .home)
        #expect(key("[", "5~") == .pageUp && key("[", "6~") == .pageDown && key("[", "2~") == .insert)
        #expect(key("[", "15~") == .function(5) && key("[", "24~") == .function(12) && key("O", "S") == .function(4))
        #expect(key("[", "99~") == nil && key("[", "~") == nil && key("[", "Z") == .backTab && key("O", "Z") == nil)
    }
}
