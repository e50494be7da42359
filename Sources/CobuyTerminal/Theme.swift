/// Named styles for what things mean, so screens say "refused" rather than "red". The
/// no-colour theme (`NO_COLOR`, `--no-color`) keeps every distinction with bold, reverse,
/// underline and dim only.
public struct Theme: Sendable, Equatable {
    /// Body text.
    public var normal: Style
    /// Screen and pane titles.
    public var title: Style
    /// Column headers.
    public var header: Style
    /// The selected row or item.
    public var selected: Style
    /// Secondary text: dates, ids, hints.
    public var muted: Style
    /// What to look at first: the next step, counts.
    public var accent: Style
    /// Needs attention soon: deadlines, expiring contracts.
    public var warning: Style
    /// Refused actions, failures, errors.
    public var refused: Style
    /// Done, allowed, passed checks.
    public var success: Style
    /// The status and hint bar.
    public var statusBar: Style
    /// The current tab.
    public var tabActive: Style
    /// The other tabs.
    public var tabInactive: Style
    /// Box borders and rules.
    public var border: Style
    /// Key names in hints and help.
    public var key: Style
    /// Text being typed into a field.
    public var input: Style
    /// Whether this theme uses colours (the terminal needs colour pairs).
    public var usesColor: Bool

    /// The default theme, for terminals with 16 colours or more.
    public static let color = Theme(
        normal: .plain,
        title: Style(foreground: .brightCyan, bold: true),
        header: Style(foreground: .cyan, bold: true, underline: true),
        selected: Style(foreground: .black, background: .cyan),
        muted: Style(foreground: .brightBlack),
        accent: Style(foreground: .brightYellow, bold: true),
        warning: Style(foreground: .yellow),
        refused: Style(foreground: .red),
        success: Style(foreground: .green),
        statusBar: Style(foreground: .white, background: .blue),
        tabActive: Style(foreground: .black, background: .brightCyan, bold: true),
        tabInactive: Style(foreground: .white, background: .blue),
        border: Style(foreground: .brightBlack),
        key: Style(foreground: .brightYellow, bold: true),
        input: Style(underline: true),
        usesColor: true)

    /// The theme for `NO_COLOR`: emphasis by bold, reverse, underline and dim only.
    public static let monochrome = Theme(
        normal: .plain,
        title: Style(bold: true),
        header: Style(bold: true, underline: true),
        selected: Style(reverse: true),
        muted: Style(dim: true),
        accent: Style(bold: true),
        warning: Style(bold: true),
        refused: Style(underline: true),
        success: Style(bold: true),
        statusBar: Style(reverse: true),
        tabActive: Style(bold: true, underline: true),
        tabInactive: Style(reverse: true),
        border: .plain,
        key: Style(bold: true),
        input: Style(underline: true),
        usesColor: false)

    /// Same as ``monochrome``.
    public static var noColor: Theme { monochrome }

    /// What cannot be done, or went wrong: same as ``refused``.
    public var danger: Style {
        get { refused }
        set { refused = newValue }
    }

    /// `NO_COLOR` set to anything non-empty (https://no-color.org), or the `--no-color` flag,
    /// selects ``monochrome``; otherwise ``color``.
    public static func choose(environment: [String: String], noColorFlag: Bool) -> Theme {
        if noColorFlag { return .monochrome }
        if let value = environment["NO_COLOR"], !value.isEmpty { return .monochrome }
        return .color
    }

    /// ``monochrome`` when the terminal shows no colours (``NcursesTerminal/hasColors``), so
    /// that emphasis survives; otherwise this theme.
    public func adapted(toColor terminalHasColors: Bool) -> Theme {
        terminalHasColors ? self : .monochrome
    }
}
