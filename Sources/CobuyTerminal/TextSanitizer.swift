/// Record text is untrusted: before it reaches the terminal, control characters go, and with
/// them every escape sequence (an OSC `ESC ] 0 ; title BEL` in a party's name cannot retitle the
/// officer's terminal, a CSI cannot move the cursor). Bidirectional overrides go too, so text
/// cannot display in an order other than the one stored.
public enum TextSanitizer {
    /// One line: tabs and line breaks become spaces; other controls are dropped.
    public static func clean(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var result = String.UnicodeScalarView()
        var escape = EscapeState.none
        for scalar in text.unicodeScalars {
            switch escape {
            case .none:
                break
            case .escape:
                // ESC [ starts CSI, ESC ] OSC, ESC P DCS ...: swallow the introducer.
                switch scalar {
                case "[": escape = .csi
                case "]", "P", "X", "^", "_": escape = .string
                default: escape = .none
                }
                continue
            case .csi:
                if (0x40...0x7E).contains(scalar.value) { escape = .none }
                continue
            case .string:
                // Ends at BEL or ST (ESC \); any other control also ends it, to be safe.
                if scalar.value == 0x07 || scalar.value == 0x9C { escape = .none; continue }
                if scalar.value == 0x1B { escape = .escape; continue }
                continue
            }
            switch scalar.value {
            case 0x1B: escape = .escape
            case 0x9B: escape = .csi
            case 0x9D, 0x90, 0x98, 0x9E, 0x9F: escape = .string
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D: result.append(" ")
            case 0x00...0x1F, 0x7F...0x9F: continue
            case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F: continue
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    private enum EscapeState {
        case none, escape, csi, string
    }
}
