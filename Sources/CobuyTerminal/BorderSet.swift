extension CellGrid {
    /// The characters a box is drawn with: line drawing, or ASCII for terminals without
    /// Unicode (see ``TerminalBackend/supportsUnicode``).
    public struct BorderSet: Hashable, Sendable {
        /// Edges and corners.
        public var horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: Character
        /// Tees where a rule meets a border: `├`, `┤`, `┬`, `┴`.
        public var teeLeft, teeRight, teeTop, teeBottom: Character

        /// A border set; tees default to the edge characters.
        public init(horizontal: Character, vertical: Character, topLeft: Character, topRight: Character,
                    bottomLeft: Character, bottomRight: Character, teeLeft: Character? = nil, teeRight: Character? = nil,
                    teeTop: Character? = nil, teeBottom: Character? = nil) {
            self.horizontal = horizontal
            self.vertical = vertical
            self.topLeft = topLeft
            self.topRight = topRight
            self.bottomLeft = bottomLeft
            self.bottomRight = bottomRight
            self.teeLeft = teeLeft ?? vertical
            self.teeRight = teeRight ?? vertical
            self.teeTop = teeTop ?? horizontal
            self.teeBottom = teeBottom ?? horizontal
        }

        /// `╭─╮ │ ╰─╯`
        public static let rounded = BorderSet(horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮", bottomLeft: "╰",
                                              bottomRight: "╯", teeLeft: "├", teeRight: "┤", teeTop: "┬", teeBottom: "┴")
        /// `┌─┐ │ └─┘`
        public static let square = BorderSet(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└",
                                             bottomRight: "┘", teeLeft: "├", teeRight: "┤", teeTop: "┬", teeBottom: "┴")
        /// `┏━┓ ┃ ┗━┛`, for the focused pane.
        public static let heavy = BorderSet(horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓", bottomLeft: "┗",
                                            bottomRight: "┛", teeLeft: "┣", teeRight: "┫", teeTop: "┳", teeBottom: "┻")
        /// `+-+ | +-+`
        public static let ascii = BorderSet(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+",
                                            bottomRight: "+", teeLeft: "+", teeRight: "+", teeTop: "+", teeBottom: "+")

        /// ``rounded`` where the terminal shows Unicode, ``ascii`` where it does not.
        public static func forTerminal(unicode: Bool) -> BorderSet { unicode ? .rounded : .ascii }
    }

    /// Draws a border around `rect` (clipped to the grid) with an optional title in its top
    /// edge, cut with `…` when it does not fit. Rectangles under 2×2 draw nothing.
    public mutating func box(_ rect: Rect, style: Style = .plain, title: String? = nil, titleStyle: Style? = nil,
                             border: BorderSet = .rounded) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        horizontalRule(y: rect.y, from: rect.x + 1, width: rect.width - 2, style: style, character: border.horizontal)
        horizontalRule(y: rect.maxY - 1, from: rect.x + 1, width: rect.width - 2, style: style, character: border.horizontal)
        verticalRule(x: rect.x, from: rect.y + 1, height: rect.height - 2, style: style, character: border.vertical)
        verticalRule(x: rect.maxX - 1, from: rect.y + 1, height: rect.height - 2, style: style, character: border.vertical)
        self[rect.x, rect.y] = Cell(border.topLeft, style: style)
        self[rect.maxX - 1, rect.y] = Cell(border.topRight, style: style)
        self[rect.x, rect.maxY - 1] = Cell(border.bottomLeft, style: style)
        self[rect.maxX - 1, rect.maxY - 1] = Cell(border.bottomRight, style: style)
        if let title, rect.width > 4 {
            let fitted = CellGrid.truncated(" \(TextSanitizer.clean(title)) ", to: rect.width - 4)
            put(fitted, x: rect.x + 2, y: rect.y, style: titleStyle ?? style, maxWidth: rect.width - 4)
        }
    }

    /// A horizontal line of `width` cells from (x, y).
    public mutating func horizontalRule(y: Int, from x: Int, width columns: Int, style: Style = .plain,
                                        character: Character = "─") {
        fill(Rect(x: x, y: y, width: columns, height: 1), with: character, style: style)
    }

    /// A vertical line of `height` cells down from (x, y).
    public mutating func verticalRule(x: Int, from y: Int, height rows: Int, style: Style = .plain,
                                      character: Character = "│") {
        fill(Rect(x: x, y: y, width: 1, height: rows), with: character, style: style)
    }
}
