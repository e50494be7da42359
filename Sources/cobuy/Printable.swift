import CobuyCore

/// Text from records is untrusted: control characters (and with them escape sequences that
/// could retitle or repaint the officer's terminal) never reach the output.
enum Printable {
    /// One line: control characters dropped, line breaks and tabs become spaces.
    static func line(_ text: String) -> String {
        withoutStrayJoiners(controlsRemoved(text))
    }

    /// Format characters (zero-width joiners, word joiners, direction marks...) outside an emoji
    /// sequence are dropped: tmux joins the character after a U+200D to the one before, so one
    /// in a title shifted every column after it. An emoji sequence (👨‍👩‍👧) keeps its joiners,
    /// since terminals draw it as the one glyph its width counts.
    static func withoutStrayJoiners(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value == 0xAD || $0.properties.generalCategory == .format }) else { return text }
        var result = ""
        for character in text {
            let scalars = character.unicodeScalars
            if scalars.count > 1, let first = scalars.first, first.properties.isEmojiPresentation || scalars.contains(where: { $0.value == 0xFE0F }) {
                result.append(character)
                continue
            }
            for scalar in scalars where !(scalar.value == 0xAD || scalar.properties.generalCategory == .format) {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func controlsRemoved(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: result.unicodeScalars.append(" ")
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A CSV cell a spreadsheet reads as text, never as a formula: record text is untrusted,
    /// and a cell that begins with `=`, `+`, `-` or `@` (or a tab or carriage return, which some
    /// spreadsheets skip before looking) would run as one when the file is opened. Such a cell
    /// gets a leading `'`, which spreadsheets show as text and do not display. One line, as
    /// ``line(_:)`` makes it.
    static func spreadsheetCell(_ text: String) -> String {
        let clean = line(text)
        let startsUnsafe = text.first.map { $0 == "\t" || $0 == "\r" || $0 == "\r\n" } ?? false
            || clean.first.map { "=+-@".contains($0) } ?? false
        return startsUnsafe ? "'" + clean : clean
    }

    /// Columns a string takes in a terminal: wide East Asian characters and emoji count two,
    /// combining marks none.
    static func width(_ text: String) -> Int {
        text.reduce(0) { total, character in
            guard let first = character.unicodeScalars.first else { return total }
            if character.unicodeScalars.count > 1, character.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation || $0.value == 0xFE0F }) {
                return total + 2
            }
            if first.properties.isEmojiPresentation { return total + 2 }
            switch first.value {
            case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
                 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
                return total + 2
            default:
                return total + (first.properties.generalCategory == .nonspacingMark ? 0 : 1)
            }
        }
    }

    /// Cuts to `limit` columns with an ellipsis, or pads with spaces.
    static func fit(_ text: String, _ limit: Int) -> String {
        let clean = line(text)
        var used = 0
        var result = ""
        let total = width(clean)
        if total <= limit { return clean + String(repeating: " ", count: limit - total) }
        for character in clean {
            let w = width(String(character))
            if used + w > limit - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…" + String(repeating: " ", count: max(0, limit - 1 - used))
    }
}
