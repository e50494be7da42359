/// An in-memory screen that views draw into; a ``TerminalBackend`` puts it on the terminal, and
/// tests read it as text (``text``, ``styledDump()``).
///
/// Invariants, whatever is written: every cell holds a printable grapheme of width 1, or the
/// lead of a wide grapheme followed by its continuation cell(s); no control character or escape
/// sequence is ever stored (text passes through ``TextSanitizer``); overwriting either half of a
/// wide grapheme blanks the other half. Writes outside the grid are clipped, never a crash.
public struct CellGrid: Hashable, Sendable, CustomStringConvertible {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Row-major: the cell at (x, y) is `cells[y * width + x]`.
    public private(set) var cells: [Cell]
    /// Where the terminal shows its cursor (for text entry); `nil` hides it.
    public var cursor: CellPosition?

    /// A grid of `width` × `height` cells (negative sizes are 0) filled with `fill` (a space if `fill` is not one column wide).
    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        let isNarrow = !fill.isContinuation && CellGrid.isStorable(fill) && DisplayWidth.of(fill.grapheme) == 1
        let blank = isNarrow ? fill : Cell(" ", style: fill.style)
        cells = Array(repeating: blank, count: self.width * self.height)
    }

    /// The whole grid as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at (x, y); a blank cell outside the grid.
    ///
    /// Setting keeps the invariants: a cell with the same grapheme restyles the whole glyph;
    /// a wide grapheme also takes the cell to its right (or becomes a space at the right edge);
    /// a control character, a zero-width grapheme or a continuation cell becomes a space.
    /// Writes outside are ignored.
    public subscript(x: Int, y: Int) -> Cell {
        get { contains(x, y) ? cells[y * width + x] : .blank }
        set {
            guard contains(x, y) else { return }
            let current = cells[y * width + x]
            if current.grapheme == newValue.grapheme, current.isContinuation == newValue.isContinuation {
                setStyle(newValue.style, x: x, y: y)
            } else if newValue.isContinuation {
                // Only a wide grapheme makes its continuation; a stray one would never be drawn.
                write(Cell(" ", style: newValue.style), x, y)
            } else {
                placeGlyph(newValue.grapheme, x: x, y: y, style: newValue.style)
            }
        }
    }

    /// Writes `text` from (x, y), at most `maxWidth` columns and never past the grid's edge.
    /// The text is sanitized first; zero-width graphemes are dropped; a wide grapheme that
    /// would not fit whole is replaced by spaces up to the limit (never split).
    /// - Returns: the columns advanced from `x` (0 when the row is outside the grid).
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(maxWidth ?? Int.max, width - x)
        guard limit > 0 else { return 0 }
        var column = 0
        for character in TextSanitizer.clean(text) {
            let columns = DisplayWidth.of(character)
            if columns == 0 { continue }
            if column + columns > limit {
                while column < limit {
                    write(Cell(" ", style: style), x + column, y)
                    column += 1
                }
                break
            }
            placeGlyph(character, x: x + column, y: y, style: style)
            column += columns
            if column == limit { break }
        }
        return column
    }

    /// Writes `text` into a one-row `area`, aligned, cut with `…` when too wide, and fills the
    /// rest of the row with `style`.
    /// - Returns: the column where the text starts.
    @discardableResult
    public mutating func put(_ text: String, in area: Rect, alignment: TextAlignment, style: Style = .plain) -> Int {
        guard !area.isEmpty else { return area.x }
        let fitted = CellGrid.truncated(TextSanitizer.clean(text), to: area.width)
        let textWidth = DisplayWidth.of(fitted)
        let start: Int
        switch alignment {
        case .left: start = area.x
        case .center: start = area.x + (area.width - textWidth) / 2
        case .right: start = area.maxX - textWidth
        }
        fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: style)
        put(fitted, x: start, y: area.y, style: style, maxWidth: area.maxX - start)
        return start
    }

    /// Writes `text` cut to `width` columns with an ellipsis, padded with `style` to the full width.
    /// - Returns: `width` (the columns covered).
    @discardableResult
    public mutating func putPadded(_ text: String, x: Int, y: Int, width columns: Int, style: Style = .plain) -> Int {
        guard columns > 0 else { return 0 }
        let fitted = CellGrid.truncated(TextSanitizer.clean(text), to: columns)
        let used = put(fitted, x: x, y: y, style: style, maxWidth: columns)
        fill(Rect(x: x + used, y: y, width: columns - used, height: 1), style: style)
        return columns
    }

    /// Fills `rect` (clipped to the grid) with `character` in `style`. A character that is not
    /// one column wide fills with spaces instead.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
        let clipped = rect.clamped(to: bounds)
        guard !clipped.isEmpty else { return }
        let cell = CellGrid.isStorable(Cell(character)) && DisplayWidth.of(character) == 1
            ? Cell(character, style: style) : Cell(" ", style: style)
        for row in clipped.y..<clipped.maxY {
            for column in clipped.x..<clipped.maxX { write(cell, column, row) }
        }
    }

    /// Fills `rect` with spaces in `style`: a background.
    public mutating func fill(_ rect: Rect, style: Style) {
        fill(rect, with: " ", style: style)
    }

    /// Gives the glyph at (x, y) — both halves of a wide one — `style`, keeping its text.
    public mutating func setStyle(_ style: Style, x: Int, y: Int) {
        guard contains(x, y) else { return }
        var lead = x
        while lead > 0, cells[y * width + lead].isContinuation { lead -= 1 }
        var column = lead
        repeat {
            cells[y * width + column].style = style
            column += 1
        } while column < width && cells[y * width + column].isContinuation
    }

    /// Gives every glyph in `rect` `style`, keeping the text: highlighting a row, a selection.
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let clipped = rect.clamped(to: bounds)
        guard !clipped.isEmpty else { return }
        for row in clipped.y..<clipped.maxY {
            for column in clipped.x..<clipped.maxX { setStyle(style, x: column, y: row) }
        }
    }

    // MARK: Keeping the invariants

    private func contains(_ x: Int, _ y: Int) -> Bool {
        x >= 0 && x < width && y >= 0 && y < height
    }

    /// Whether a cell may be stored as it is: no controls, not zero-width.
    private static func isStorable(_ cell: Cell) -> Bool {
        if cell.isContinuation { return true }
        if let ascii = cell.grapheme.asciiValue { return ascii >= 0x20 && ascii != 0x7F }
        return DisplayWidth.of(cell.grapheme) > 0 && !cell.grapheme.unicodeScalars.contains(where: TextSanitizer.isRemoved)
    }

    /// Puts one grapheme at (x, y) with its continuation cells; a space if it is not
    /// printable. A wide glyph crossing an edge is clipped, its visible half a space.
    private mutating func placeGlyph(_ grapheme: Character, x: Int, y: Int, style: Style) {
        let cell = Cell(grapheme, style: style)
        guard CellGrid.isStorable(cell) else {
            write(Cell(" ", style: style), x, y)
            return
        }
        let columns = DisplayWidth.of(grapheme)
        guard columns > 1 else {
            write(cell, x, y)
            return
        }
        if x < 0 || x + columns > width {
            for column in x..<(x + columns) where column >= 0 && column < width {
                write(Cell(" ", style: style), column, y)
            }
            return
        }
        write(cell, x, y)
        for column in (x + 1)..<(x + columns) { write(Cell(" ", style: style, isContinuation: true), column, y) }
    }

    /// Stores `cell`, first blanking whatever wide glyph it lands on part of.
    private mutating func write(_ cell: Cell, _ x: Int, _ y: Int) {
        guard contains(x, y) else { return }
        let row = y * width
        let current = cells[row + x]
        let isWideLead = !current.isContinuation && x + 1 < width && cells[row + x + 1].isContinuation
        if current.isContinuation || isWideLead {
            var lead = x
            while lead > 0, cells[row + lead].isContinuation { lead -= 1 }
            var column = lead
            repeat {
                cells[row + column] = Cell(" ", style: cells[row + column].style)
                column += 1
            } while column < width && cells[row + column].isContinuation
        }
        cells[row + x] = cell
    }
}
