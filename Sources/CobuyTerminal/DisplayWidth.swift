/// How many terminal columns text takes. Layout everywhere is by this, never by `count`.
///
/// Policy, per grapheme (Swift `Character`, what the reader sees as one letter or symbol):
/// - Control characters (C0, DEL, C1) take 0 columns; so do graphemes that begin with a
///   combining mark or a format character (orphans, zero-width space), and the grid drops them.
/// - An emoji *sequence* takes 2 columns, because terminals that join it draw one glyph:
///   a skin-tone modifier (👍🏽), a ZWJ sequence (👨‍👩‍👧), a flag (🇺🇸), a keycap (1️⃣), a tag
///   sequence (🏴󠁧󠁢󠁳󠁣󠁴󠁿), or a symbol turned emoji by VS16 (☀️). VS15 (text presentation) keeps the
///   symbol's own width.
/// - Otherwise the grapheme is the sum of its scalars, as `wcwidth` counts them: East Asian
///   Wide and Fullwidth (CJK, Hangul, fullwidth forms) and emoji-presentation symbols 2;
///   nonspacing and enclosing marks, format characters and Hangul medial/final jamo 0;
///   everything else, including East Asian Ambiguous (`…`, `─`, `°`), 1.
///
/// Text is drawn so that terminals agree with this (see ``NcursesTerminal``): a sequence curses
/// would measure differently is drawn as its first symbol, padded to the width above.
/// Printable ASCII takes a fast path.
public enum DisplayWidth {
    /// Columns of one grapheme: 0, 1 or 2 (a few scripts' clusters can be wider).
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue {
            return ascii < 0x20 || ascii == 0x7F ? 0 : 1
        }
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        guard let second = iterator.next() else { return of(scalar: first) }
        if isEmojiSequence(first: first, second: second, scalars: scalars) { return 2 }
        var total = 0
        for scalar in scalars { total += of(scalar: scalar) }
        return total
    }

    /// Columns of `text`: the sum of its graphemes.
    public static func of(_ text: some StringProtocol) -> Int {
        var printableASCII = true
        for byte in text.utf8 where byte < 0x20 || byte >= 0x7F {
            printableASCII = false
            break
        }
        if printableASCII { return text.utf8.count }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Columns of a lone scalar, as `wcwidth` counts them (0 for controls rather than -1).
    public static func of(scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return 0 }
        if value < 0x300 { return value == 0xAD ? 0 : 1 }
        switch value {
        case 0x1160...0x11FF, 0xD7B0...0xD7FF: return 0  // Hangul medial vowels and final consonants
        case 0x200B: return 0
        default: break
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if WideCharacters.contains(value) { return 2 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    private static func isEmojiSequence(first: Unicode.Scalar, second: Unicode.Scalar,
                                        scalars: Character.UnicodeScalarView) -> Bool {
        if isRegionalIndicator(first) { return isRegionalIndicator(second) }
        guard first.properties.isEmoji else { return false }
        var emoji = false
        for scalar in scalars.dropFirst() {
            switch scalar.value {
            case 0xFE0E: return false  // text presentation asked for
            case 0xFE0F, 0x200D, 0x20E3, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F: emoji = true
            default: break
            }
        }
        return emoji
    }

    private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }
}
