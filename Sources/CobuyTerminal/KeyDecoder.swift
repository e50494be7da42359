/// Turns what curses' `wget_wch` returns into ``Key``s. Pure, so every case is testable
/// without a terminal.
public enum KeyDecoder {
    /// Curses key codes (KEY_* in curses.h), kept here so the decoder needs no curses import;
    /// ``NcursesTerminal`` checks them against the header's.
    public enum Code {
        /// Arrows (KEY_DOWN, KEY_UP, KEY_LEFT, KEY_RIGHT).
        public static let down: Int32 = 0o402, up: Int32 = 0o403, left: Int32 = 0o404, right: Int32 = 0o405
        /// KEY_HOME, KEY_BACKSPACE, KEY_F0 (F*n* is `f0 + n`).
        public static let home: Int32 = 0o406, backspace: Int32 = 0o407, f0: Int32 = 0o410
        /// KEY_DC, KEY_IC.
        public static let delete: Int32 = 0o512, insert: Int32 = 0o513
        /// KEY_NPAGE, KEY_PPAGE, KEY_ENTER (keypad Enter).
        public static let pageDown: Int32 = 0o522, pageUp: Int32 = 0o523, enter: Int32 = 0o527
        /// Keypad corners and centre: A1 (Home), A3 (PgUp), B2, C1 (End), C3 (PgDn).
        public static let keypadA1: Int32 = 0o534, keypadA3: Int32 = 0o535, keypadB2: Int32 = 0o536
        public static let keypadC1: Int32 = 0o537, keypadC3: Int32 = 0o540
        /// KEY_BTAB, KEY_END, KEY_MOUSE, KEY_RESIZE.
        public static let backTab: Int32 = 0o541, end: Int32 = 0o550, mouse: Int32 = 0o631, resize: Int32 = 0o632
    }

    /// One result of `wget_wch`: a character (`OK`) or a key code (`KEY_CODE_YES`).
    public enum Input: Hashable, Sendable {
        case character(UInt32)
        case functionKey(Int32)
    }

    /// Decodes `input`; `next` is what arrived right behind it, if anything (Alt sends Esc
    /// then the key). `consumedNext` says whether `next` was part of this key; if not, decode
    /// it in turn. `key` is `nil` for input that is no key (mouse, resize, unknown codes).
    public static func decode(_ input: Input, followedBy next: Input? = nil) -> (key: Key?, consumedNext: Bool) {
        switch input {
        case .functionKey(let code):
            return (decode(functionKey: code), false)
        case .character(0x1B):
            guard case .character(let follower)? = next else { return (.escape, false) }
            switch follower {
            case 0x7F, 0x08: return (.alt("\u{7F}"), true)
            case 0x00...0x1F, 0x80...0x9F: return (.escape, false)
            default:
                guard let scalar = Unicode.Scalar(follower) else { return (.escape, false) }
                return (.alt(Character(scalar)), true)
            }
        case .character(let value):
            return (decode(character: value), false)
        }
    }

    /// Decodes a whole stream of inputs, pairing Esc with what follows it.
    public static func decode(_ inputs: [Input]) -> [Key] {
        var keys: [Key] = []
        var index = inputs.startIndex
        while index < inputs.endIndex {
            let next = index + 1 < inputs.endIndex ? inputs[index + 1] : nil
            let (key, consumedNext) = decode(inputs[index], followedBy: next)
            if let key { keys.append(key) }
            index += consumedNext ? 2 : 1
        }
        return keys
    }

    /// A key code (from `KEY_CODE_YES`); `nil` for codes that are not keys (mouse, resize) or unknown.
    public static func decode(functionKey code: Int32) -> Key? {
        switch code {
        case Code.down: return .down
        case Code.up: return .up
        case Code.left: return .left
        case Code.right: return .right
        case Code.home, Code.keypadA1: return .home
        case Code.end, Code.keypadC1: return .end
        case Code.backspace: return .backspace
        case Code.delete: return .delete
        case Code.insert: return .insert
        case Code.pageDown, Code.keypadC3: return .pageDown
        case Code.pageUp, Code.keypadA3: return .pageUp
        case Code.enter: return .enter
        case Code.backTab: return .backTab
        case (Code.f0 + 1)...(Code.f0 + 12): return .function(Int(code - Code.f0))
        default: return nil
        }
    }

    /// A character (from `OK`); `followedBy` is the character read right after an Esc, if any.
    /// A follower that is not part of an Alt key is dropped: prefer ``decode(_:followedBy:)``.
    public static func decode(character value: UInt32, followedBy next: UInt32? = nil) -> Key? {
        if value == 0x1B {
            return decode(.character(value), followedBy: next.map(Input.character)).key
        }
        switch value {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x7F, 0x08: return .backspace
        case 0x00: return .ctrl(" ")
        case 0x01...0x1A: return Unicode.Scalar(value + 0x60).map { .ctrl(Character($0)) }
        case 0x1C...0x1F: return Unicode.Scalar(value + 0x40).map { .ctrl(Character($0)) }
        case 0x80...0x9F: return nil
        default: return Unicode.Scalar(value).map { .character(Character($0)) }
        }
    }
}
