import CNcurses
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real terminal, through ncurses.
///
/// Create one with ``init(useColor:useMouse:)``; it returns `nil` when standard input and
/// output are not a terminal (a pipe, a script) or the terminal is unusable, and the caller
/// prints text instead. Then loop: ``draw(_:)``, ``nextEvent(timeoutMilliseconds:)``; end with
/// ``restore()``. Use it from one thread only (the UI's main loop): it is not `Sendable`, so the
/// compiler keeps it in one isolation domain, and every curses call goes through it.
///
/// Drawing diffs each frame against the previous one (``GridDiff``) and sends only the changed
/// runs; the first frame, and the first after a resize, a resume or a shell escape, is drawn
/// whole on a cleared screen. ``withTerminalReleased(_:)`` runs a shell or an editor in between.
///
/// The terminal is always given back (TerminalSignals.swift): on ``restore()``, at exit, on
/// SIGINT/SIGTERM/SIGHUP (reported as ``InputEvent/interrupt(signal:)``), on crashes. Ctrl-Z is
/// ncurses' own SIGTSTP handling in cbreak mode; after `fg` the next event is a
/// ``InputEvent/resize(width:height:)`` and the next frame is drawn whole.
///
/// Nothing is ever logged to the screen.
public final class NcursesTerminal: TerminalBackend {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var previous: CellGrid?
    private var pairs: ColorPairs
    private let paletteSize: Int
    private let defaultColors: Bool
    private let mouseMasks: MouseDecoder.Masks
    private var pendingInputs: [KeyDecoder.Input] = []
    /// Waits in a row that ended at once with nothing read: the terminal is gone (its window
    /// closed, its tmux server killed) without a SIGHUP reaching us.
    private var emptyReturns = 0
    private var cursorShown = false
    private var restored = false
    private let ownedFiles: [UnsafeMutablePointer<FILE>]

    /// Whether the locale is UTF-8, so wide text and line drawing show.
    public let supportsUnicode: Bool
    /// Whether colours are on: asked for, and the terminal has them.
    public let hasColors: Bool

    /// Takes over the terminal on standard input and output.
    /// - Parameters:
    ///   - useColor: false for `NO_COLOR` / `--no-color`: every pair stays the default.
    ///   - useMouse: report clicks and the wheel (the terminal's own selection then needs Shift).
    /// - Returns: `nil` when stdin or stdout is not a terminal, `TERM` is unset or `dumb`, or
    ///   curses cannot set the terminal up.
    public convenience init?(useColor: Bool = true, useMouse: Bool = true) {
        let term = getenv("TERM").map { String(cString: $0) }
        guard NcursesTerminal.canTakeOver(inputIsTerminal: isatty(STDIN_FILENO) == 1,
                                          outputIsTerminal: isatty(STDOUT_FILENO) == 1, term: term),
              let input = cobuy_stdin(), let output = cobuy_stdout() else { return nil }
        self.init(input: input, output: output, terminalType: nil, useColor: useColor, useMouse: useMouse, ownedFiles: [])
    }

    /// Takes over the terminal on `input` and `output` (a pseudo-terminal in tests). `terminalType`
    /// `nil` means `$TERM`. The files in `ownedFiles` are closed by ``restore()``.
    init?(input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>, terminalType: String?,
          useColor: Bool, useMouse: Bool, ownedFiles: [UnsafeMutablePointer<FILE>]) {
        supportsUnicode = NcursesTerminal.prepareLocale()
        // Before newterm, so that ncurses leaves SIGINT and SIGTERM to these handlers, and
        // the modes saved are the shell's.
        TerminalSignals.saveTerminal(inputDescriptor: fileno(input), outputDescriptor: fileno(output))
        TerminalSignals.install()
        let created: OpaquePointer?
        if let terminalType {
            created = terminalType.withCString { newterm($0, output, input) }
        } else {
            created = newterm(nil, output, input)
        }
        guard let created, let window = cobuy_stdscr() else {
            TerminalSignals.uninstall()
            for file in ownedFiles { fclose(file) }
            return nil
        }
        screen = created
        self.window = window
        TerminalSignals.prepareRestoreSequences()
        self.ownedFiles = ownedFiles
        TerminalSignals.setCursesActive(true)
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        set_escdelay(25)
        curs_set(0)
        mouseMasks = NcursesTerminal.cursesMouseMasks
        if useMouse {
            mousemask(mmask_t(mouseMasks.all), nil)
            mouseinterval(0)
        }
        if useColor, has_colors(), start_color() == OK {
            defaultColors = use_default_colors() == OK
            paletteSize = Int(cobuy_colors())
            pairs = ColorPairs(capacity: Int(cobuy_color_pairs()))
            hasColors = true
        } else {
            defaultColors = true
            paletteSize = 0
            pairs = ColorPairs(capacity: 0)
            hasColors = false
        }
    }

    deinit {
        restore()
    }

    /// Whether to start curses at all: both ends a terminal, and a `TERM` that can address the cursor.
    static func canTakeOver(inputIsTerminal: Bool, outputIsTerminal: Bool, term: String?) -> Bool {
        guard inputIsTerminal, outputIsTerminal, let term, !term.isEmpty else { return false }
        return term != "dumb"
    }

    /// `setlocale(LC_ALL, "")` as curses needs before it starts; when that is not UTF-8, UTF-8
    /// for text (`C.UTF-8`) if the system has it. Returns whether text is UTF-8 now.
    static func prepareLocale() -> Bool {
        setlocale(LC_ALL, "")
        if cobuy_locale_is_utf8() != 0 { return true }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
            if cobuy_locale_is_utf8() != 0 { return true }
        }
        return false
    }

    /// Columns and rows of the terminal now (0 × 0 once restored).
    public var size: (width: Int, height: Int) {
        guard !restored else { return (0, 0) }
        return (Int(cobuy_cols(window)), Int(cobuy_rows(window)))
    }

    // MARK: Drawing

    /// Sends what changed since the last frame, clipped to the terminal, and places or hides the cursor (``CellGrid/cursor``).
    public func draw(_ grid: CellGrid) {
        guard !restored else { return }
        if TerminalSignals.takeContinued() { redrawWhole() }
        let (columns, rows) = size
        for run in GridDiff.runs(from: previous, to: grid) where run.y < rows && run.x < columns {
            wattr_set(window, attributes(run.style), pair(for: run.style), nil)
            var text = CursesGlyphs.wideString(run.text, maxColumns: columns - run.x, measure: NcursesTerminal.measure)
                .map { wchar_t(bitPattern: $0) }
            text.withUnsafeMutableBufferPointer { buffer in
                _ = mvwaddnwstr(window, Int32(run.y), Int32(run.x), buffer.baseAddress, Int32(buffer.count - 1))
            }
        }
        wattr_set(window, cobuy_a_normal(), 0, nil)
        placeCursor(grid.cursor, columns: columns, rows: rows)
        wnoutrefresh(window)
        doupdate()
        previous = grid
    }

    private func placeCursor(_ cursor: CellPosition?, columns: Int, rows: Int) {
        if let cursor, cursor.x >= 0, cursor.x < columns, cursor.y >= 0, cursor.y < rows {
            if !cursorShown {
                curs_set(1)
                cursorShown = true
            }
            leaveok(window, false)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            if cursorShown {
                curs_set(0)
                cursorShown = false
            }
            leaveok(window, true)
        }
    }

    /// The next frame goes out whole, on a cleared screen.
    private func redrawWhole() {
        previous = nil
        clearok(window, true)
    }

    /// `wcwidth`, what curses measures with.
    static func measure(_ scalar: UInt32) -> Int {
        Int(wcwidth(wchar_t(bitPattern: scalar)))
    }

    private func attributes(_ style: Style) -> attr_t {
        var value = cobuy_a_normal()
        if style.bold { value |= cobuy_a_bold() }
        if style.reverse { value |= cobuy_a_reverse() }
        if style.underline { value |= cobuy_a_underline() }
        if style.dim { value |= cobuy_a_dim() }
        return value
    }

    private func pair(for style: Style) -> Int16 {
        guard hasColors else { return 0 }
        var foreground = style.foreground.cursesNumber(paletteSize: paletteSize)
        var background = style.background.cursesNumber(paletteSize: paletteSize)
        if !defaultColors, foreground != -1 || background != -1 {
            // Without use_default_colors, -1 is not a colour: assume white on black.
            if foreground == -1 { foreground = Int16(COLOR_WHITE) }
            if background == -1 { background = Int16(COLOR_BLACK) }
        }
        let (number, isNew) = pairs.pair(foreground: foreground, background: background)
        if isNew, init_pair(number, foreground, background) == ERR { return 0 }
        return number
    }

    // MARK: Input

    /// Waits up to `timeoutMilliseconds` (-1: forever) for a key, a click, a resize or a signal. Esc followed at once by a key is Alt and that key.
    public func nextEvent(timeoutMilliseconds: Int32) -> InputEvent? {
        guard !restored else { return nil }
        if let event = signalEvent() { return event }
        let input: KeyDecoder.Input
        if pendingInputs.isEmpty {
            // A signal interrupts the wait when it lands on this thread; otherwise it is seen
            // when the wait times out.
            let started = DispatchTime.now().uptimeNanoseconds
            guard let read = readInput(timeoutMilliseconds: timeoutMilliseconds) else {
                if let event = signalEvent() { return event }
                // A wait that returns at once with nothing, again and again, is a read at end of
                // file: stop as on a hang-up instead of spinning.
                let elapsed = DispatchTime.now().uptimeNanoseconds - started
                if timeoutMilliseconds >= 20, elapsed < UInt64(timeoutMilliseconds) * 250_000 {
                    emptyReturns += 1
                } else {
                    emptyReturns = 0
                }
                return emptyReturns >= 50 ? .interrupt(signal: SIGHUP) : nil
            }
            emptyReturns = 0
            input = read
        } else {
            input = pendingInputs.removeFirst()
        }
        switch input {
        case .functionKey(KeyDecoder.Code.resize):
            redrawWhole()
            return .resize(width: size.width, height: size.height)
        case .functionKey(KeyDecoder.Code.mouse):
            var report = MEVENT()
            guard getmouse(&report) == OK else { return nil }
            return MouseDecoder.decode(x: Int(report.x), y: Int(report.y), state: UInt(report.bstate), masks: mouseMasks)
                .map(InputEvent.mouse)
        case .character(0x1B):
            // Alt sends Esc and the key together; a lone Esc has nothing behind it.
            let follower = pendingInputs.isEmpty ? readInput(timeoutMilliseconds: 0) : pendingInputs.removeFirst()
            // A key curses left as raw bytes (`TERM` naming another terminal): `ESC [` or
            // `ESC O` with its body already waiting is read whole as one key, or dropped.
            if case .character(let introducer)? = follower, introducer == 0x5B || introducer == 0x4F,
               let body = readSequenceBody(introducer: introducer) {
                return KeyDecoder.decodeSequence(introducer: introducer, body: body).map(InputEvent.key)
            }
            let (key, consumedNext) = KeyDecoder.decode(input, followedBy: follower)
            if let follower, !consumedNext { pendingInputs.insert(follower, at: 0) }
            return key.map(InputEvent.key)
        default:
            return KeyDecoder.decode(input).key.map(InputEvent.key)
        }
    }

    /// What a signal that arrived since the last look asks for: to stop, or (after `fg`) to redraw.
    private func signalEvent() -> InputEvent? {
        if let signal = TerminalSignals.takePendingSignal() { return .interrupt(signal: signal) }
        if TerminalSignals.takeContinued() {
            redrawWhole()
            return .resize(width: size.width, height: size.height)
        }
        return nil
    }

    /// The rest of an escape sequence that has already arrived, through its final byte; nil
    /// (and nothing taken) when nothing waits behind the introducer: Alt-[ typed alone.
    private func readSequenceBody(introducer: UInt32) -> [UInt32]? {
        var body: [UInt32] = []
        while body.count < KeyDecoder.longestSequence {
            let next = pendingInputs.isEmpty ? readInput(timeoutMilliseconds: 0) : pendingInputs.removeFirst()
            guard case .character(let byte)? = next else {
                if let next { pendingInputs.insert(next, at: 0) }
                break
            }
            // SS3 has no parameters: its next byte is the final one.
            if introducer == 0x4F, !KeyDecoder.isFinal(byte) {
                pendingInputs.insert(.character(byte), at: 0)
                break
            }
            body.append(byte)
            if KeyDecoder.isFinal(byte) { return body }
            // Parameters and intermediates only, until the final byte.
            if !(0x20...0x3F).contains(byte) { break }
        }
        // Not a sequence after all: give back what was read, to be decoded as typed.
        pendingInputs.insert(contentsOf: body.map(KeyDecoder.Input.character), at: 0)
        return nil
    }

    private func readInput(timeoutMilliseconds: Int32) -> KeyDecoder.Input? {
        wtimeout(window, timeoutMilliseconds)
        var value: wint_t = 0
        switch wget_wch(window, &value) {
        case KEY_CODE_YES: return .functionKey(Int32(bitPattern: value))
        case OK: return .character(UInt32(value))
        default: return nil
        }
    }

    // MARK: Suspending and restoring

    /// Gives the terminal back and stops the process like Ctrl-Z; returns after `fg`. Does
    /// nothing where there is no job control (SIGTSTP ignored). Call ``resume()`` afterwards.
    public func suspend() {
        guard !restored, !TerminalSignals.stopIsIgnored() else { return }
        def_prog_mode()
        TerminalSignals.leaveCurses()
        raise(SIGTSTP)
    }

    /// Takes the terminal back after ``suspend()``; the next frame is drawn whole.
    public func resume() {
        guard !restored else { return }
        reset_prog_mode()
        TerminalSignals.setCursesActive(true)
        _ = TerminalSignals.takeContinued()
        redrawWhole()
    }

    /// Gives the terminal back while `body` runs (a shell, an editor, a pager), then takes it
    /// again; the next frame is drawn whole.
    public func withTerminalReleased<T>(_ body: () throws -> T) rethrows -> T {
        guard !restored else { return try body() }
        def_prog_mode()
        TerminalSignals.leaveCurses()
        defer {
            reset_prog_mode()
            TerminalSignals.setCursesActive(true)
            redrawWhole()
        }
        return try body()
    }

    /// Gives the terminal back for good: `endwin`, the signal handlers put back. Safe to call
    /// twice; afterwards drawing does nothing and ``nextEvent(timeoutMilliseconds:)`` returns `nil`.
    public func restore() {
        guard !restored else { return }
        restored = true
        if cursorShown { curs_set(1) }
        TerminalSignals.leaveCurses()
        TerminalSignals.cancelInterruptGrace()
        TerminalSignals.uninstall()
        delscreen(screen)
        for file in ownedFiles { fclose(file) }
    }

    // MARK: Constants from curses.h

    static var cursesMouseMasks: MouseDecoder.Masks {
        MouseDecoder.Masks(
            leftPressed: UInt(cobuy_button1_pressed()), leftClicked: UInt(cobuy_button1_clicked()),
            leftDoubleClicked: UInt(cobuy_button1_double_clicked()),
            middlePressed: UInt(cobuy_button2_pressed()), middleClicked: UInt(cobuy_button2_clicked()),
            rightPressed: UInt(cobuy_button3_pressed()), rightClicked: UInt(cobuy_button3_clicked()),
            wheelUp: UInt(cobuy_button4_pressed()), wheelDown: UInt(cobuy_button5_pressed()))
    }

    /// ``KeyDecoder/Code`` against curses.h, for a test.
    static var keyCodesMatchCurses: Bool {
        let pairs: [(Int32, Int32)] = [
            (KeyDecoder.Code.down, KEY_DOWN), (KeyDecoder.Code.up, KEY_UP), (KeyDecoder.Code.left, KEY_LEFT),
            (KeyDecoder.Code.right, KEY_RIGHT), (KeyDecoder.Code.home, KEY_HOME), (KeyDecoder.Code.backspace, KEY_BACKSPACE),
            (KeyDecoder.Code.f0, KEY_F0), (KeyDecoder.Code.f0 + 12, cobuy_key_f(12)), (KeyDecoder.Code.delete, KEY_DC),
            (KeyDecoder.Code.insert, KEY_IC), (KeyDecoder.Code.pageDown, KEY_NPAGE), (KeyDecoder.Code.pageUp, KEY_PPAGE),
            (KeyDecoder.Code.enter, KEY_ENTER), (KeyDecoder.Code.keypadA1, KEY_A1), (KeyDecoder.Code.keypadA3, KEY_A3),
            (KeyDecoder.Code.keypadB2, KEY_B2), (KeyDecoder.Code.keypadC1, KEY_C1), (KeyDecoder.Code.keypadC3, KEY_C3),
            (KeyDecoder.Code.backTab, KEY_BTAB), (KeyDecoder.Code.end, KEY_END), (KeyDecoder.Code.mouse, KEY_MOUSE),
            (KeyDecoder.Code.resize, KEY_RESIZE),
        ]
        return pairs.allSatisfy { $0.0 == $0.1 }
    }
}
