/// Turns what curses' `get_wch` returns into ``Key``s. Pure, so it is testable without a terminal.
public enum KeyDecoder {
    /// Curses key codes (KEY_* in curses.h), kept here so the decoder needs no curses import.
    public enum Code {
        public static let down: Int32 = 0o402, up: Int32 = 0o403, left: Int32 = 0o404, right: Int32 = 0o405
        public static let home: Int32 = 0o406, backspace: Int32 = 0o407, f0: Int32 = 0o410
        public static let delete: Int32 = 0o512, insert: Int32 = 0o513
        public static let pageDown: Int32 = 0o522, pageUp: Int32 = 0o523, enter: Int32 = 0o527
        public static let backTab: Int32 = 0o541, end: Int32 = 0o550, mouse: Int32 = 0o631, resize: Int32 = 0o632
    }

    /// A function key code (from `KEY_CODE_YES`).
    public static func decode(functionKey code: Int32) -> Key? {
        switch code {
        case Code.down: return .down
        case Code.up: return .up
        case Code.left: return .left
        case Code.right: return .right
        case Code.home: return .home
        case Code.end: return .end
        case Code.backspace: return .backspace
        case Code.delete: return .delete
        case Code.insert: return .insert
        case Code.pageDown: return .pageDown
        case Code.pageUp: return .pageUp
        case Code.enter: return .enter
        case Code.backTab: return .backTab
        case (Code.f0 + 1)...(Code.f0 + 12): return .function(Int(code - Code.f0))
        default: return nil
        }
    }

    /// A character (from `OK`); `followedBy` is the character read right after an Esc, if any
    /// arrived within the escape delay (Alt sends Esc then the key).
    public static func decode(character value: UInt32, followedBy next: UInt32? = nil) -> Key? {
        switch value {
        case 0x1B:
            guard let next, let scalar = Unicode.Scalar(next), next >= 0x20, next != 0x7F else { return .escape }
            return .alt(Character(scalar))
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x7F, 0x08: return .backspace
        case 0x01...0x1A:
            guard let scalar = Unicode.Scalar(value + 0x60) else { return nil }
            return .ctrl(Character(scalar))
        case 0x00, 0x1C...0x1F: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }
}
