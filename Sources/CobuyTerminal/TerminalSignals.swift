import CTerminalSignals
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gives the terminal back whatever ends the program. The handlers are C (the CTerminalSignals
/// target, one copy of their state for the whole process) so that they touch only
/// `volatile sig_atomic_t` flags and async-signal-safe calls.
///
/// - SIGINT, SIGTERM, SIGHUP: a flag the event loop reports as ``InputEvent/interrupt(signal:)``
///   within its poll, so the app saves nothing half-done and exits with 128 + signal. If it has
///   not given the terminal back within a grace of two seconds (busy in a long step), or a
///   second signal comes, the handler restores the terminal itself (saved modes, leave the
///   alternate screen, mouse reporting off, cursor shown) and the process ends.
/// - SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGQUIT: the same restoration, then the
///   signal goes to whoever had it before (the Swift runtime's backtracer, or the default action).
/// - SIGCONT (back from Ctrl-Z): a flag; the next frame is drawn whole.
/// - Normal exit: an `atexit` hook calls `endwin`.
///
/// SIGTSTP (Ctrl-Z) itself is ncurses' own handler in cbreak mode; SIGWINCH is ncurses' too
/// (it becomes `KEY_RESIZE`).
enum TerminalSignals {
    static let interrupting: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    static let fatal: [Int32] = [SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGQUIT]

    /// Touched only by the thread that owns the terminal.
    nonisolated(unsafe) private static var installed = false

    /// Catches the signals above, keeping the previous actions for ``uninstall()``.
    static func install() {
        guard !installed else { return }
        installed = true
        // A parent may hand down a signal mask that blocks these (test runners, some
        // launchers); blocked, a resize, Ctrl-Z or `fg` would never reach the UI.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in [SIGWINCH, SIGTSTP, SIGCONT, SIGINT, SIGTERM, SIGHUP] { sigaddset(&unblock, signal) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        _ = cobuy_register_at_exit()
        for signal in interrupting { _ = cobuy_catch_signal(signal, Int32(COBUY_CATCH_INTERRUPT)) }
        for signal in fatal { _ = cobuy_catch_signal(signal, Int32(COBUY_CATCH_FATAL)) }
        _ = cobuy_catch_signal(SIGCONT, Int32(COBUY_CATCH_CONTINUE))
    }

    /// Puts back the actions ``install()`` replaced.
    static func uninstall() {
        guard installed else { return }
        installed = false
        for signal in interrupting + fatal + [SIGCONT] { _ = cobuy_release_signal(signal) }
    }

    /// Tells the handlers whether curses owns the terminal (and so whether to call `endwin`).
    static func setCursesActive(_ active: Bool) { cobuy_set_curses_active(active ? 1 : 0) }

    /// `endwin` if curses owns the terminal; safe to call twice.
    static func leaveCurses() { cobuy_leave_curses() }

    /// Remembers the terminal's modes before curses changes them, for the handlers (call before
    /// `newterm`).
    static func saveTerminal(inputDescriptor: Int32, outputDescriptor: Int32) {
        cobuy_save_terminal(inputDescriptor, outputDescriptor)
    }

    /// Reads the sequences that leave curses' screen from terminfo (call after `newterm`).
    static func prepareRestoreSequences() { cobuy_prepare_terminal_sequences() }

    /// The app gave the terminal back by itself: no need to do it from a handler.
    static func cancelInterruptGrace() { cobuy_cancel_interrupt_grace() }

    /// The interrupting signal that arrived since the last call, if any.
    static func takePendingSignal() -> Int32? {
        let signal = cobuy_take_pending_signal()
        return signal == 0 ? nil : signal
    }

    /// Whether the process was continued (SIGCONT) since the last call.
    static func takeContinued() -> Bool { cobuy_take_continued() != 0 }

    /// Whether stopping makes no sense: SIGTSTP ignored, as in a shell without job control.
    static func stopIsIgnored() -> Bool { cobuy_stop_is_ignored() != 0 }
}
