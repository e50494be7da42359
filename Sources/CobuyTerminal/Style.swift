/// How a cell is drawn: colours and emphasis.
public struct Style: Hashable, Sendable {
    /// Text colour.
    public var foreground: TerminalColor
    /// Cell colour.
    public var background: TerminalColor
    /// Bold (or bright, on some terminals).
    public var bold: Bool
    /// Foreground and background swapped.
    public var reverse: Bool
    /// Underlined.
    public var underline: Bool
    /// Dim (faint).
    public var dim: Bool

    /// A style; everything off by default.
    public init(foreground: TerminalColor = .default, background: TerminalColor = .default, bold: Bool = false,
                reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    /// The terminal's default colours, no emphasis.
    public static let plain = Style()

    /// Whether this is ``plain``.
    public var isPlain: Bool { self == .plain }

    /// This style without colours: what a monochrome terminal or `NO_COLOR` shows.
    public var withoutColor: Style {
        var copy = self
        copy.foreground = .default
        copy.background = .default
        return copy
    }

    /// This style, bold.
    public func bolded() -> Style { var copy = self; copy.bold = true; return copy }
    /// This style, reversed.
    public func reversed() -> Style { var copy = self; copy.reverse = true; return copy }
    /// This style, underlined.
    public func underlined() -> Style { var copy = self; copy.underline = true; return copy }

    /// A short tag for text dumps: `b` bold, `r` reverse, `u` underline, `d` dim, then
    /// `fg=`/`bg=` colours; empty for ``plain``.
    public var tag: String {
        var parts: [String] = []
        if bold { parts.append("b") }
        if reverse { parts.append("r") }
        if underline { parts.append("u") }
        if dim { parts.append("d") }
        if foreground != .default { parts.append("fg=\(foreground)") }
        if background != .default { parts.append("bg=\(background)") }
        return parts.joined(separator: ",")
    }
}
