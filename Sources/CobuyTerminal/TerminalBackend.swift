/// Where grids are shown and input comes from: the real terminal or a test double.
public protocol TerminalBackend: AnyObject {
    var size: (width: Int, height: Int) { get }
    /// Shows `grid`, drawing only what changed since the last frame.
    func draw(_ grid: CellGrid)
    /// The next input, or `nil` when none arrived within `timeoutMilliseconds`.
    func nextEvent(timeoutMilliseconds: Int32) -> InputEvent?
    /// Gives the terminal back (Ctrl-Z); `resume` takes it again and redraws everything.
    func suspend()
    func resume()
    /// Gives the terminal back for good. Safe to call twice.
    func restore()
}

/// A terminal in memory: scripted input, and every frame kept for inspection.
public final class MemoryTerminal: TerminalBackend {
    public private(set) var frames: [CellGrid] = []
    public var events: [InputEvent]
    public var size: (width: Int, height: Int)
    public private(set) var restored = false

    public init(width: Int, height: Int, events: [InputEvent] = []) {
        size = (width, height)
        self.events = events
    }

    public var lastFrame: CellGrid? { frames.last }

    public func draw(_ grid: CellGrid) { frames.append(grid) }

    public func nextEvent(timeoutMilliseconds: Int32) -> InputEvent? {
        guard !events.isEmpty else { return nil }
        let event = events.removeFirst()
        if case let .resize(width, height) = event { size = (width, height) }
        return event
    }

    public func suspend() {}
    public func resume() {}
    public func restore() { restored = true }
}
