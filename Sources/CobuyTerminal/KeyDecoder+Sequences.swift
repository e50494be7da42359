/// Escape sequences curses did not turn into a key code: a terminal whose `TERM` names
/// another terminal (tmux or screen under `xterm-256color`, a serial console) sends its
/// keys as raw `ESC [ … final` or `ESC O final`. Read whole and decoded here, so that End's
/// `ESC [ 4 ~` is End — not Alt-[, then `4` (the Addenda tab) and `~`.
extension KeyDecoder {
    /// The longest sequence read after `ESC [`: more is not a key, and is dropped.
    public static let longestSequence = 16

    /// Whether `byte` ends a CSI sequence (`ESC [` parameters… final) or an SS3 one (`ESC O` final).
    public static func isFinal(_ byte: UInt32) -> Bool { (0x40...0x7E).contains(byte) }

    /// The key of `ESC introducer body`, where `body` ends with its final byte; nil for a
    /// sequence that is no key Cobuy uses (it is then dropped, never typed).
    public static func decodeSequence(introducer: UInt32, body: [UInt32]) -> Key? {
        guard let final = body.last, isFinal(final), let scalar = Unicode.Scalar(final) else { return nil }
        let parameters = String(String.UnicodeScalarView(body.dropLast().compactMap(Unicode.Scalar.init)))
        // `4~`, `1;5A` (with a modifier, read as the plain key): the first number says which key.
        let first = parameters.split(separator: ";", omittingEmptySubsequences: false).first.flatMap { Int($0) }
        switch (introducer, Character(scalar)) {
        case (_, "A"): return .up
        case (_, "B"): return .down
        case (_, "C"): return .right
        case (_, "D"): return .left
        case (_, "H"): return .home
        case (_, "F"): return .end
        case (0x5B, "Z"): return .backTab
        case (0x4F, "P"): return .function(1)
        case (0x4F, "Q"): return .function(2)
        case (0x4F, "R"): return .function(3)
        case (0x4F, "S"): return .function(4)
        case (0x5B, "~"):
            guard let first else { return nil }
            switch first {
            case 1, 7: return .home
            case 2: return .insert
            case 3: return .delete
            case 4, 8: return .end
            case 5: return .pageUp
            case 6: return .pageDown
            case 11...15: return .function(first - 10)
            case 17...21: return .function(first - 11)
            case 23, 24: return .function(first - 12)
            default: return nil
            }
        default:
            return nil
        }
    }
}
