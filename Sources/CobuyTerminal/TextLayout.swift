extension CellGrid {
    /// `text` cut to `columns` display columns, ending in `…` when cut. Never splits a grapheme;
    /// the result may be a column short when a wide grapheme would straddle the end.
    public static func truncated(_ text: String, to columns: Int, ellipsis: String = "…") -> String {
        guard columns > 0 else { return "" }
        if DisplayWidth.of(text) <= columns { return text }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        guard ellipsisWidth <= columns else { return truncated(text, to: columns, ellipsis: "") }
        var result = ""
        var used = 0
        for character in text {
            let width = DisplayWidth.of(character)
            if used + width > columns - ellipsisWidth { break }
            result.append(character)
            used += width
        }
        return result + ellipsis
    }

    /// Splits sanitized text into lines of at most `columns`, at spaces where possible; a word
    /// longer than a line is cut between graphemes.
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
                // Starts on a line of its own (the check above ended the previous one).
                for character in word {
                    let width = DisplayWidth.of(character)
                    if lineWidth + width > columns {
                        lines.append(line)
                        line = ""
                        lineWidth = 0
                    }
                    line.append(character)
                    lineWidth += width
                }
                continue
            }
            if lineWidth > 0 {
                line += " "
                lineWidth += 1
            }
            line += word
            lineWidth += wordWidth
        }
        lines.append(line)
        return lines
    }
}

extension StringProtocol {
    /// Terminal columns this text takes (``DisplayWidth``).
    public var displayWidth: Int { DisplayWidth.of(self) }

    /// This text cut to `columns` display columns, ending in `…` when cut.
    public func truncated(to columns: Int, ellipsis: String = "…") -> String {
        CellGrid.truncated(String(self), to: columns, ellipsis: ellipsis)
    }

    /// This text cut with `…` or padded with spaces to exactly `columns` display columns.
    public func padded(to columns: Int, alignment: TextAlignment = .left) -> String {
        let fitted = CellGrid.truncated(String(self), to: columns)
        let gap = Swift.max(0, columns - DisplayWidth.of(fitted))
        switch alignment {
        case .left: return fitted + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + fitted
        case .center: return String(repeating: " ", count: gap / 2) + fitted + String(repeating: " ", count: gap - gap / 2)
        }
    }
}
