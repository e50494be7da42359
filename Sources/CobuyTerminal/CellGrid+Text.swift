extension CellGrid {
    /// The grid as plain text, one line per row joined with newlines, trailing spaces trimmed
    /// from every row (styles are not shown: see ``styledDump()``). For snapshot tests.
    public var text: String { textLines().joined(separator: "\n") }

    /// Same as ``text``.
    public var description: String { text }

    /// One string per row; a wide grapheme appears once. Trailing spaces are trimmed unless
    /// `trimmingTrailingSpaces` is false (then every line is `width` columns).
    public func textLines(trimmingTrailingSpaces: Bool = true) -> [String] {
        (0..<height).map { row in
            var line = ""
            for cell in cells[(row * width)..<((row + 1) * width)] where !cell.isContinuation {
                line.append(cell.grapheme)
            }
            if trimmingTrailingSpaces {
                while line.last == " " { line.removeLast() }
            }
            return line
        }
    }

    /// The grid as text with each styled run marked, e.g. `[b]Title[/] [fg=red]refused[/]`:
    /// tags are ``Style/tag`` (b bold, r reverse, u underline, d dim, fg=/bg= colours), plain
    /// text is unmarked, and trailing unstyled spaces are trimmed. For snapshots that check emphasis.
    public func styledDump() -> String {
        (0..<height).map { row in
            var line = ""
            var current = Style.plain
            for cell in cells[(row * width)..<((row + 1) * width)] where !cell.isContinuation {
                if cell.style != current {
                    if !current.isPlain { line += "[/]" }
                    if !cell.style.isPlain { line += "[\(cell.style.tag)]" }
                    current = cell.style
                }
                line.append(cell.grapheme)
            }
            if !current.isPlain { line += "[/]" }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
