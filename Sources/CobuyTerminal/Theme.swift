/// Named styles for what things mean, so screens say "refused" rather than "red". The
/// no-colour theme (`NO_COLOR`, `--no-color`) keeps every distinction with bold, reverse,
/// underline and dim only.
public struct Theme: Sendable, Equatable {
    public var normal: Style
    public var title: Style
    public var header: Style
    public var selected: Style
    public var muted: Style
    public var accent: Style
    public var warning: Style
    public var refused: Style
    public var success: Style
    public var statusBar: Style
    public var tabActive: Style
    public var tabInactive: Style
    public var border: Style
    public var key: Style
    public var input: Style
    public var usesColor: Bool

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

    /// `NO_COLOR` set to anything non-empty, or the flag, selects the monochrome theme
    /// (https://no-color.org).
    public static func choose(environment: [String: String], noColorFlag: Bool) -> Theme {
        if noColorFlag { return .monochrome }
        if let value = environment["NO_COLOR"], !value.isEmpty { return .monochrome }
        return .color
    }
}
