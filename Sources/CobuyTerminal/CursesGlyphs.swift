/// What to hand curses for a grapheme so that curses, the terminal and ``DisplayWidth`` agree
/// on its width. Curses measures with `wcwidth`, scalar by scalar: a family emoji would be 6
/// columns to it and 2 to the terminal, and the rest of the row would shift. So a grapheme
/// whose scalars `wcwidth` measures differently from ``DisplayWidth`` is drawn as:
/// - a flag: its two letters (🇺🇸 → `US`);
/// - otherwise its first scalar (👨‍👩‍👧 → 👨, 👍🏽 → 👍, ☀️ → ☀), padded with spaces to the width;
/// - a first scalar curses does not know (newer than its tables): `�` padded with spaces.
///
/// Format characters (zero-width joiner and non-joiner, word joiner, byte-order mark, direction
/// marks, soft hyphen, tags) are never sent: terminals disagree about them, and tmux joins the
/// character after a U+200D to the cell before it, so one in a title shifted the rest of the
/// row (doubled borders, misaligned panes). ``DisplayWidth`` counts them as 0 columns, and
/// without them the terminal draws exactly that.
enum CursesGlyphs {
    /// The scalars to draw `character` in `columns` columns; `measure` is `wcwidth`.
    static func scalars(for character: Character, columns: Int, measure: (UInt32) -> Int) -> [UInt32] {
        if let ascii = character.asciiValue { return [UInt32(ascii)] }
        let values = character.unicodeScalars.filter { !isZeroWidthFormat($0) }.map(\.value)
        if values.isEmpty { return Array(repeating: UInt32(0x20), count: columns) }
        var total = 0
        for value in values {
            let width = measure(value)
            if width < 0 {
                total = -1
                break
            }
            total += width
        }
        if total == columns { return values }
        if values.count == 2, values.allSatisfy({ (0x1F1E6...0x1F1FF).contains($0) }) {
            return values.map { $0 - 0x1F1E6 + 0x41 }
        }
        let padding = { (used: Int) in Array(repeating: UInt32(0x20), count: max(0, columns - used)) }
        if let first = values.first {
            let width = measure(first)
            if width > 0, width <= columns { return [first] + padding(width) }
        }
        return [0xFFFD] + padding(1)
    }

    /// A format character (general category Cf: U+200B–U+200F, U+2060–U+2064, U+FEFF, U+00AD,
    /// tags...), drawn as nothing.
    static func isZeroWidthFormat(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x00AD || scalar.properties.generalCategory == .format
    }

    /// `text` as a NUL-terminated wide string for `waddnwstr`, at most `maxColumns` columns
    /// (cut at a grapheme), and the number of characters before the NUL.
    static func wideString(_ text: String, maxColumns: Int, measure: (UInt32) -> Int) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(text.utf8.count + 1)
        var used = 0
        for character in text {
            let columns = DisplayWidth.of(character)
            if used + columns > maxColumns { break }
            result += scalars(for: character, columns: columns, measure: measure)
            used += columns
        }
        result.append(0)
        return result
    }
}
