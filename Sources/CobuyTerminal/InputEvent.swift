/// Everything a ``TerminalBackend`` can report.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal now has this size, or must be redrawn whole at it (after `fg` from Ctrl-Z).
    case resize(width: Int, height: Int)
    /// SIGINT, SIGTERM or SIGHUP arrived: shut down cleanly and exit with status 128 + `signal`.
    /// A second one before the app has stopped restores the terminal and exits at once.
    case interrupt(signal: Int32)
}
