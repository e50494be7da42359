/// Record text is untrusted: before it reaches the terminal, control characters go, and with
/// them every escape sequence. An OSC `ESC ] 0 ; title BEL` in a party's name cannot retitle the
/// officer's terminal, a CSI cannot move the cursor or clear the screen, a DCS cannot talk to
/// the terminal. Bidirectional overrides and isolates go too, so text cannot display in an order
/// other than the one stored.
///
/// Guarantee: the output of ``clean(_:)`` contains no C0 control (U+0000–U+001F), no DEL, no C1
/// control (U+0080–U+009F) and no bidi control. Everything ``CellGrid`` writes passes through it.
public enum TextSanitizer {
    /// One line: tabs and line breaks (CR, LF, CRLF, VT, FF, NEL, U+2028, U+2029) become one
    /// space each; escape sequences are removed whole; other controls are dropped.
    public static func clean(_ text: String) -> String {
        if isPlainASCII(text) { return text }
        var result = String.UnicodeScalarView()
        var state = EscapeState.none
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isLineFeedAfterCarriageReturn = previousWasCarriageReturn && value == 0x0A
            previousWasCarriageReturn = value == 0x0D
            switch state {
            case .none:
                break
            case .escape:
                // ESC, intermediates (0x20–0x2F), then one final byte; `[` starts a CSI, `]` an
                // OSC, `P` a DCS, `X` SOS, `^` PM, `_` APC.
                switch value {
                case 0x5B: state = .controlSequence; continue
                case 0x5D, 0x50, 0x58, 0x5E, 0x5F: state = .controlString; continue
                case 0x20...0x2F: state = .escapeIntermediate; continue
                case 0x30...0x7E: state = .none; continue
                default: state = .none  // not a sequence after all: handle the scalar below
                }
            case .escapeIntermediate:
                switch value {
                case 0x20...0x2F: continue
                case 0x30...0x7E: state = .none; continue
                default: state = .none
                }
            case .controlSequence:
                // Parameters and intermediates (0x20–0x3F), then a final byte (0x40–0x7E).
                switch value {
                case 0x20...0x3F: continue
                case 0x40...0x7E: state = .none; continue
                default: state = .none
                }
            case .controlString:
                // Runs to BEL or ST (ESC \ or U+009C); its content is never shown.
                switch value {
                case 0x07, 0x9C: state = .none
                case 0x1B: state = .stringEscape
                default: break
                }
                continue
            case .stringEscape:
                state = value == 0x5C ? .none : .controlString
                continue
            }
            switch value {
            case 0x1B: state = .escape
            case 0x9B: state = .controlSequence
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F: state = .controlString
            case 0x0A where isLineFeedAfterCarriageReturn: continue
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: result.append(" ")
            case 0x00...0x1F, 0x7F...0x9F: continue
            case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: continue
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// Several lines: the text split at its line breaks, each line cleaned. For descriptions
    /// and notes that keep their paragraphs.
    public static func lines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar.value == 0x0D }
            switch scalar.value {
            case 0x0A where previousWasCarriageReturn:
                continue
            case 0x0A, 0x0D, 0x0B, 0x0C, 0x85, 0x2028, 0x2029:
                lines.append(clean(current))
                current = ""
            default:
                current.unicodeScalars.append(scalar)
            }
        }
        lines.append(clean(current))
        return lines
    }

    /// Whether `clean` never lets `scalar` through: C0, DEL, C1, line separators, bidi controls.
    static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Whether `text` holds nothing but printable ASCII (the common case, returned untouched).
    static func isPlainASCII(_ text: String) -> Bool {
        for byte in text.utf8 where byte < 0x20 || byte >= 0x7F { return false }
        return true
    }

    private enum EscapeState {
        case none, escape, escapeIntermediate, controlSequence, controlString, stringEscape
    }
}
