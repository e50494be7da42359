/// A key the officer pressed, decoded from the terminal by ``KeyDecoder``.
public enum Key: Hashable, Sendable {
    /// A printable character, any script (`j`, `é`, `東`, `?`, space).
    case character(Character)
    /// Ctrl and a letter, lowercase (`ctrl("a")`); also `ctrl(" ")`, `ctrl("\\")`, `ctrl("]")`,
    /// `ctrl("^")`, `ctrl("_")`. Ctrl-H, Ctrl-I, Ctrl-J and Ctrl-M arrive as ``backspace``,
    /// ``tab`` and ``enter`` (terminals send the same bytes).
    case ctrl(Character)
    /// Alt and a character: the terminal sends Esc then the character. Alt-Backspace is `alt("\u{7F}")`.
    case alt(Character)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    /// F1–F12 (`function(1)` …).
    case function(Int)

    /// How help and the hint bar write it: `j`, `Ctrl-A`, `Enter`, `↑`.
    public var label: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .ctrl(" "): return "Ctrl-Space"
        case .ctrl(let c): return "Ctrl-\(String(c).uppercased())"
        case .alt("\u{7F}"): return "Alt-Backspace"
        case .alt(let c): return "Alt-\(c)"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let n): return "F\(n)"
        }
    }
}
