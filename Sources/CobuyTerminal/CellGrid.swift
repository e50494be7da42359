/// An in-memory screen that views draw into; the backend puts it on the terminal, and tests
/// read it as text. Everything written passes through ``TextSanitizer`` and is laid out by
/// ``DisplayWidth``, so no record text can break the layout or reach the terminal raw.
public struct CellGrid: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { (x >= 0 && x < width && y >= 0 && y < height) ? cells[y * width + x] : .blank }
        set {
            guard x >= 0, x < width, y >= 0, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Writes `text` from (x, y), at most `maxWidth` columns (and never past the grid's edge).
    /// A wide grapheme that would not fit whole is replaced by spaces. Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(maxWidth ?? Int.max, width - x)
        guard limit > 0 else { return 0 }
        var column = 0
        for character in TextSanitizer.clean(text) {
            let w = DisplayWidth.of(character)
            if w == 0 {
                continue
            }
            if column + w > limit {
                // Pad the columns the wide glyph would have taken, within the limit.
                while column < limit {
                    setCell(x + column, y, Cell(" ", style: style))
                    column += 1
                }
                break
            }
            if x + column >= 0 {
                setCell(x + column, y, Cell(character, style: style))
                if w == 2 { setCell(x + column + 1, y, Cell(" ", style: style, isContinuation: true)) }
            }
            column += w
        }
        return column
    }

    /// Writes `text` cut to `width` columns with an ellipsis, padded with `style` to the full width.
    @discardableResult
    public mutating func putPadded(_ text: String, x: Int, y: Int, width columns: Int, style: Style = .plain) -> Int {
        guard columns > 0 else { return 0 }
        let fitted = CellGrid.truncated(TextSanitizer.clean(text), to: columns)
        let used = put(fitted, x: x, y: y, style: style, maxWidth: columns)
        fill(Rect(x: x + used, y: y, width: columns - used, height: 1), style: style)
        return columns
    }

    /// Keeps a wide glyph's halves consistent when one of them is overwritten.
    private mutating func setCell(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let index = y * width + x
        if cells[index].isContinuation, x > 0, !cell.isContinuation {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        }
        if x + 1 < width, cells[index + 1].isContinuation, DisplayWidth.of(cell.grapheme) < 2 || cell.isContinuation {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }

    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
        let clipped = rect.clamped(to: bounds)
        guard !clipped.isEmpty else { return }
        for row in clipped.y..<clipped.maxY {
            for column in clipped.x..<clipped.maxX { setCell(column, row, Cell(character, style: style)) }
        }
    }

    public mutating func fill(_ rect: Rect, style: Style) {
        fill(rect, with: " ", style: style)
    }

    /// Box-drawing characters, or ASCII where line drawing is not wanted.
    public struct BorderSet: Sendable {
        public var horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: Character
        public static let rounded = BorderSet(horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯")
        public static let ascii = BorderSet(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+")
    }

    /// Draws a border around `rect` with an optional title in its top edge.
    public mutating func box(_ rect: Rect, style: Style = .plain, title: String? = nil, titleStyle: Style? = nil,
                             border: BorderSet = .rounded) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        for column in rect.x + 1..<rect.maxX - 1 {
            self[column, rect.y] = Cell(border.horizontal, style: style)
            self[column, rect.maxY - 1] = Cell(border.horizontal, style: style)
        }
        for row in rect.y + 1..<rect.maxY - 1 {
            self[rect.x, row] = Cell(border.vertical, style: style)
            self[rect.maxX - 1, row] = Cell(border.vertical, style: style)
        }
        self[rect.x, rect.y] = Cell(border.topLeft, style: style)
        self[rect.maxX - 1, rect.y] = Cell(border.topRight, style: style)
        self[rect.x, rect.maxY - 1] = Cell(border.bottomLeft, style: style)
        self[rect.maxX - 1, rect.maxY - 1] = Cell(border.bottomRight, style: style)
        if let title, rect.width > 4 {
            put(" \(title) ", x: rect.x + 2, y: rect.y, style: titleStyle ?? style, maxWidth: rect.width - 4)
        }
    }

    public mutating func horizontalRule(y: Int, from x: Int, width columns: Int, style: Style = .plain) {
        for column in x..<max(x, x + columns) { self[column, y] = Cell("─", style: style) }
    }

    /// `text` cut to `columns` display columns, ending in `…` when cut.
    public static func truncated(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if DisplayWidth.of(text) <= columns { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > columns - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// Splits text into lines of at most `columns`, at spaces where possible.
    public static func wrapped(_ text: String, to columns: Int) -> [String] {
        guard columns > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in TextSanitizer.clean(text).split(separator: " ", omittingEmptySubsequences: false) {
            let wordWidth = DisplayWidth.of(word)
            if lineWidth > 0, lineWidth + 1 + wordWidth > columns {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if wordWidth > columns {
                for character in word {
                    let w = DisplayWidth.of(character)
                    if lineWidth + w > columns { lines.append(line); line = ""; lineWidth = 0 }
                    line.append(character)
                    lineWidth += w
                }
                continue
            }
            if lineWidth > 0 { line += " "; lineWidth += 1 }
            line += word
            lineWidth += wordWidth
        }
        lines.append(line)
        return lines
    }

    /// The grid as plain text, one line per row, trailing spaces trimmed: for snapshot tests.
    public var text: String {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width {
                let cell = self[column, row]
                if !cell.isContinuation { line.append(cell.grapheme) }
            }
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// The grid as text with each styled run marked, e.g. `[b]Title[/]`: for snapshots that
    /// check emphasis (bold b, reverse r, underline u, dim d, colours by name).
    public var styledText: String {
        (0..<height).map { row in
            var line = ""
            var current = Style.plain
            for column in 0..<width {
                let cell = self[column, row]
                if cell.isContinuation { continue }
                if cell.style != current {
                    if !current.isPlain { line += "[/]" }
                    if !cell.style.isPlain { line += "[\(CellGrid.tag(cell.style))]" }
                    current = cell.style
                }
                line.append(cell.grapheme)
            }
            if !current.isPlain { line += "[/]" }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    static func tag(_ style: Style) -> String {
        var parts: [String] = []
        if style.bold { parts.append("b") }
        if style.reverse { parts.append("r") }
        if style.underline { parts.append("u") }
        if style.dim { parts.append("d") }
        if style.foreground != .default { parts.append("fg=\(style.foreground)") }
        if style.background != .default { parts.append("bg=\(style.background)") }
        return parts.joined(separator: ",")
    }
}

extension Rect {
    public func clamped(to other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }
}
