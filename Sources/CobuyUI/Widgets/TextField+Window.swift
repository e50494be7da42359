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

    /// The character at `index` as drawn: a line break as ``lineBreakMark``, other control
    /// characters (never typed, but a file may hold them) as nothing.
    private func glyph(_ index: Int) -> Character {
        let character = characters[index]
        return character == "\n" || character == "\r\n" ? Self.lineBreakMark : character
    }

    private func columns(_ index: Int) -> Int { max(0, DisplayWidth.of(glyph(index))) }

    /// The part of the text that fits in `width` columns with the cursor in view: from the start
    /// while the cursor fits, else scrolled so the cursor sits at the right edge. Only the
    /// characters near the window are measured, so a pasted page costs what a short line does.
    public func window(width: Int) -> FieldWindow {
        guard width > 2 else { return FieldWindow(text: "", cursorColumn: 0, hiddenBefore: !isEmpty, hiddenAfter: false) }
        // The cursor takes a cell of its own at the end of the text; counting stops once past.
        var total = 1
        var counted = 0
        while counted < characters.count, total <= width {
            total += columns(counted)
            counted += 1
        }
        if counted == characters.count, total <= width {
            let cursorColumn = (0..<cursor).reduce(0) { $0 + columns($1) }
            return FieldWindow(text: String((0..<characters.count).map(glyph)), cursorColumn: cursorColumn, hiddenBefore: false,
                               hiddenAfter: false)
        }
        // Leave a column for each mark that may be needed.
        var start = 0
        var beforeCursor = 1
        var index = 0
        while index < cursor, beforeCursor <= width - 1 {
            beforeCursor += columns(index)
            index += 1
        }
        if beforeCursor > width - 1 {
            start = cursor
            var used = 1
            while start > 0, used + columns(start - 1) <= width - 2 {
                used += columns(start - 1)
                start -= 1
            }
        }
        let before = start > 0
        var room = width - (before ? 1 : 0)
        var end = start
        var used = 0
        while end < characters.count, used + columns(end) <= room {
            used += columns(end)
            end += 1
        }
        let after = end < characters.count
        if after {
            room -= 1
            while end > cursor, used > room {
                end -= 1
                used -= columns(end)
            }
        }
        let text = (before ? "‹" : "") + String((start..<end).map(glyph)) + (after ? "›" : "")
        let cursorColumn = (before ? 1 : 0) + (start..<cursor).reduce(0) { $0 + columns($1) }
        return FieldWindow(text: text, cursorColumn: cursorColumn, hiddenBefore: before, hiddenAfter: after)
    }
}
