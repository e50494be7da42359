/// A terminal in memory, like ratatui's `TestBackend`: scripted input, and every frame kept
/// for inspection, with the runs a real terminal would have been sent.
public final class MemoryTerminal: TerminalBackend {
    /// Every frame drawn, oldest first.
    public private(set) var frames: [CellGrid] = []
    /// For each frame, what ``NcursesTerminal`` would have drawn (``GridDiff``).
    public private(set) var drawnRuns: [[GridDiff.Run]] = []
    /// Input still to deliver, first first.
    public var events: [InputEvent]
    /// Columns and rows; a scripted resize changes it.
    public var size: (width: Int, height: Int)
    /// What ``TerminalBackend/supportsUnicode`` reports.
    public var supportsUnicode: Bool
    /// What ``TerminalBackend/hasColors`` reports.
    public var hasColors: Bool
    /// Whether ``restore()`` was called.
    public private(set) var restored = false
    /// How often ``suspend()`` was called.
    public private(set) var suspendCount = 0
    /// How often ``resume()`` was called.
    public private(set) var resumeCount = 0
    private var previous: CellGrid?

    /// A terminal of `width` × `height` that will deliver `events` in order.
    public init(width: Int, height: Int, events: [InputEvent] = [], supportsUnicode: Bool = true, hasColors: Bool = true) {
        size = (width, height)
        self.events = events
        self.supportsUnicode = supportsUnicode
        self.hasColors = hasColors
    }

    /// The last frame drawn.
    public var lastFrame: CellGrid? { frames.last }

    /// Keeps `grid` and the runs a real terminal would have been sent for it.
    public func draw(_ grid: CellGrid) {
        drawnRuns.append(GridDiff.runs(from: previous, to: grid))
        frames.append(grid)
        previous = grid
    }

    /// The next scripted event (a resize also changes ``size``); `nil` once the script is done.
    public func nextEvent(timeoutMilliseconds: Int32) -> InputEvent? {
        guard !events.isEmpty else { return nil }
        let event = events.removeFirst()
        if case let .resize(width, height) = event {
            size = (width, height)
            previous = nil
        }
        return event
    }

    /// Counts the call; nothing stops.
    public func suspend() { suspendCount += 1 }

    /// Counts the call; the next frame is diffed against nothing, as after a real resume.
    public func resume() {
        resumeCount += 1
        previous = nil
    }

    /// Marks the terminal restored.
    public func restore() { restored = true }
}
