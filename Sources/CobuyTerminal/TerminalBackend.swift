/// Where frames are shown and input comes from: the real terminal (``NcursesTerminal``) or a
/// test double (``MemoryTerminal``). Use one from a single thread: the UI's main loop.
///
/// The loop is: `draw` a frame, wait for `nextEvent`, update the state, draw again. Drawing
/// sends only what changed since the last frame; after a resize or a resume the next frame is
/// drawn whole.
public protocol TerminalBackend: AnyObject {
    /// Columns and rows.
    var size: (width: Int, height: Int) { get }
    /// Shows `grid`, drawing only what changed since the last frame.
    func draw(_ grid: CellGrid)
    /// The next input, or `nil` when none arrived within `timeoutMilliseconds` (-1 waits).
    func nextEvent(timeoutMilliseconds: Int32) -> InputEvent?
    /// Gives the terminal back and stops the process, as Ctrl-Z does; returns after `fg`.
    func suspend()
    /// Takes the terminal again after ``suspend()``; the next frame is drawn whole.
    func resume()
    /// Gives the terminal back for good. Safe to call twice.
    func restore()
    /// Gives the terminal back while `body` runs (an editor), then takes it again.
    func withTerminalReleased<T>(_ body: () throws -> T) rethrows -> T
    /// Whether the terminal shows Unicode; when false, draw ASCII (``CellGrid/BorderSet/ascii``).
    var supportsUnicode: Bool { get }
    /// Whether the terminal shows colours; when false, use ``Theme/monochrome``.
    var hasColors: Bool { get }
}

extension TerminalBackend {
    /// A terminal with nothing to give back (a test double) just runs `body`.
    public func withTerminalReleased<T>(_ body: () throws -> T) rethrows -> T { try body() }

    /// Unicode, unless the backend says otherwise.
    public var supportsUnicode: Bool { true }
    /// Colours, unless the backend says otherwise.
    public var hasColors: Bool { true }
}
