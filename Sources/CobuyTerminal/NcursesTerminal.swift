import CNcurses
#if canImport(Glibc)
import Glibc
#endif

/// Set from signal handlers (SIGINT, SIGTERM, SIGHUP); read by the event loop.
nonisolated(unsafe) private var pendingSignal: sig_atomic_t = 0
/// Whether curses owns the terminal, so the fatal-signal handler knows to give it back.
nonisolated(unsafe) private var cursesActive: sig_atomic_t = 0

/// The real terminal through ncurses. Use from one thread only (the UI's main loop).
///
/// The terminal is always given back: on `restore()`, at exit (an `atexit` hook), on SIGINT,
/// SIGTERM and SIGHUP (reported as ``InputEvent/interrupt(signal:)`` so the app can shut down
/// cleanly), and on crashes (SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE: `endwin`, then the
/// signal is raised again with its default action). Ctrl-Z is ncurses' own SIGTSTP handling in
/// cbreak mode; the first frame after `fg` is redrawn whole.
public final class NcursesTerminal: TerminalBackend {
    private let window: UnsafeMutablePointer<WINDOW>
    private var previous: CellGrid?
    private var pairs: [Int32: Int16] = [:]
    private let colorsAvailable: Bool
    private let maxPairs: Int
    private var restored = false

    /// Takes over the terminal. Returns `nil` when it is not one (stdout redirected, no TERM).
    public init?(useColor: Bool) {
        setlocale(LC_ALL, "")
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return nil }
        guard let screen = initscr() else { return nil }
        window = screen
        cursesActive = 1
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        set_escdelay(25)
        curs_set(0)
        mousemask(cobuy_mouse_mask(), nil)
        mouseinterval(0)
        if useColor, has_colors() {
            start_color()
            use_default_colors()
            colorsAvailable = true
            maxPairs = Int(cobuy_color_pairs())
        } else {
            colorsAvailable = false
            maxPairs = 0
        }
        NcursesTerminal.installSignalHandlers()
    }

    deinit {
        restore()
    }

    public var size: (width: Int, height: Int) {
        (Int(cobuy_cols(window)), Int(cobuy_rows(window)))
    }

    public func draw(_ grid: CellGrid) {
        if previous?.width != grid.width || previous?.height != grid.height { previous = nil }
        for run in GridDiff.runs(from: previous, to: grid) {
            wattr_set(window, attributes(run.style), pair(for: run.style), nil)
            var text = NcursesTerminal.wide(run.text)
            text.withUnsafeMutableBufferPointer { buffer in
                _ = mvwaddnwstr(window, Int32(run.y), Int32(run.x), buffer.baseAddress, Int32(buffer.count - 1))
            }
        }
        wattr_set(window, cobuy_a_normal(), 0, nil)
        wnoutrefresh(window)
        doupdate()
        previous = grid
    }

    /// Text as a NUL-terminated wide string, with graphemes that curses would measure
    /// differently from ``DisplayWidth`` replaced so the layout holds.
    static func wide(_ text: String) -> [wchar_t] {
        var result: [wchar_t] = []
        for character in text {
            let scalars = character.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
            let ours = DisplayWidth.of(character)
            var theirs = Int32(0)
            scalars.withUnsafeBufferPointer { theirs = cobuy_wcswidth($0.baseAddress, $0.count) }
            if Int(theirs) == ours {
                result += scalars
            } else if let first = scalars.first, Int(cobuy_wcwidth(first)) == ours {
                result.append(first)
            } else {
                result += Array(repeating: wchar_t(UInt8(ascii: "?")), count: max(ours, 1))
            }
        }
        result.append(0)
        return result
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
        guard colorsAvailable, style.foreground != .default || style.background != .default else { return 0 }
        let key = Int32(style.foreground.cursesNumber) << 16 | Int32(UInt16(bitPattern: style.background.cursesNumber))
        if let known = pairs[key] { return known }
        guard pairs.count + 1 < min(maxPairs, Int(Int16.max)) else { return 0 }
        let number = Int16(pairs.count + 1)
        init_pair(number, style.foreground.cursesNumber, style.background.cursesNumber)
        pairs[key] = number
        return number
    }

    public func nextEvent(timeoutMilliseconds: Int32) -> InputEvent? {
        if let signal = takeSignal() { return .interrupt(signal: signal) }
        wtimeout(window, timeoutMilliseconds)
        var value: wint_t = 0
        let status = wget_wch(window, &value)
        if let signal = takeSignal() { return .interrupt(signal: signal) }
        switch status {
        case KEY_CODE_YES:
            let code = Int32(value)
            if code == KeyDecoder.Code.resize {
                previous = nil
                return .resize(width: size.width, height: size.height)
            }
            if code == KeyDecoder.Code.mouse { return mouseEvent() }
            return KeyDecoder.decode(functionKey: code).map(InputEvent.key)
        case OK:
            var next: UInt32?
            if value == 0x1B {
                // Alt sends Esc and the key together; a lone Esc has nothing behind it.
                wtimeout(window, 0)
                var follower: wint_t = 0
                if wget_wch(window, &follower) == OK { next = UInt32(follower) }
            }
            return KeyDecoder.decode(character: UInt32(value), followedBy: next).map(InputEvent.key)
        default:
            return nil
        }
    }

    private func mouseEvent() -> InputEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let x = Int(event.x), y = Int(event.y)
        if event.bstate & cobuy_wheel_up() != 0 { return .mouse(MouseEvent(kind: .wheelUp, x: x, y: y)) }
        if event.bstate & cobuy_wheel_down() != 0 { return .mouse(MouseEvent(kind: .wheelDown, x: x, y: y)) }
        if event.bstate & cobuy_button1() != 0 { return .mouse(MouseEvent(kind: .click, x: x, y: y)) }
        return nil
    }

    private func takeSignal() -> Int32? {
        guard pendingSignal != 0 else { return nil }
        let signal = pendingSignal
        pendingSignal = 0
        return signal
    }

    public func suspend() {
        endwin()
        kill(getpid(), SIGTSTP)
    }

    public func resume() {
        previous = nil
        clearok(window, true)
        wrefresh(window)
    }

    public func restore() {
        guard !restored else { return }
        restored = true
        NcursesTerminal.giveBackTerminal()
    }

    /// Leaves curses mode. Called from signal handlers and `atexit` too, so it only touches
    /// what is safe there.
    static func giveBackTerminal() {
        guard cursesActive != 0 else { return }
        cursesActive = 0
        endwin()
    }

    private static func installSignalHandlers() {
        atexit { NcursesTerminal.giveBackTerminal() }
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in pendingSignal = received }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
        for signal in [SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in
                NcursesTerminal.giveBackTerminal()
                Glibc.signal(received, SIG_DFL)
                raise(received)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(bitPattern: UInt32(SA_RESETHAND))
            sigaction(signal, &action, nil)
        }
    }
}
