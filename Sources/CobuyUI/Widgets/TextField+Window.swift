import CobuyTerminal

/// What a one-line field shows when its text is wider than the field: the part around the
/// cursor, with a mark on each side where text is hidden, so the cursor and the end are never
/// lost.
public struct FieldWindow: Equatable, Sendable {
    /// The visible text, marks included (`‹` on the left, `›` on the right when text is hidden).
    public var text: String
    /// Column of the cursor from the field's left edge.
    public var cursorColumn: Int
    public var hiddenBefore: Bool
    public var hiddenAfter: Bool
}

extension TextField {
    /// How a line break typed in `$EDITOR` shows inside a one-line field.
    static let lineBreakMark: Character = "↵"

    /// The characters as drawn: a line break as ``lineBreakMark``, other control characters
    /// (never typed, but a file may hold them) as nothing.
    private var shown: [Character] {
        characters.map { $0 == "\n" || $0 == "\r\n" ? Self.lineBreakMark : $0 }
    }

    /// The part of the text that fits in `width` columns with the cursor in view: from the start
    /// while the cursor fits, else scrolled so the cursor sits at the right edge.
    public func window(width: Int) -> FieldWindow {
        guard width > 2 else { return FieldWindow(text: "", cursorColumn: 0, hiddenBefore: !isEmpty, hiddenAfter: false) }
        let glyphs = shown
        let widths = glyphs.map { max(0, DisplayWidth.of($0)) }
        func span(_ range: Range<Int>) -> Int { widths[range].reduce(0, +) }
        // The cursor takes a cell of its own at the end of the text.
        let total = span(0..<glyphs.count) + 1
        if total <= width {
            return FieldWindow(text: String(glyphs), cursorColumn: span(0..<cursor), hiddenBefore: false, hiddenAfter: false)
        }
        // Leave a column for each mark that may be needed.
        var start = 0
        if span(0..<cursor) + 1 > width - 1 {
            start = cursor
            while start > 0, span((start - 1)..<cursor) + 1 <= width - 2 { start -= 1 }
        }
        let before = start > 0
        var room = width - (before ? 1 : 0)
        var end = start
        while end < glyphs.count, span(start..<(end + 1)) <= room { end += 1 }
        let after = end < glyphs.count
        if after {
            room -= 1
            while end > cursor, span(start..<end) > room { end -= 1 }
        }
        let text = (before ? "‹" : "") + String(glyphs[start..<end]) + (after ? "›" : "")
        return FieldWindow(text: text, cursorColumn: (before ? 1 : 0) + span(start..<cursor), hiddenBefore: before, hiddenAfter: after)
    }
}
