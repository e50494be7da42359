import CobuyTerminal

/// Readline keys in every text field.
enum TextEditing {
    static func edit(for key: Key) -> TextField.Edit? {
        switch key {
        case .character(let character): return .insert(String(character))
        case .backspace, .ctrl("h"): return .backspace
        case .delete, .ctrl("d"): return .deleteForward
        case .left, .ctrl("b"): return .left
        case .right, .ctrl("f"): return .right
        case .home, .ctrl("a"): return .home
        case .end, .ctrl("e"): return .end
        case .alt("b"): return .wordLeft
        case .alt("f"): return .wordRight
        case .ctrl("k"): return .killToEnd
        case .ctrl("u"): return .killToStart
        case .ctrl("w"), .alt("\u{7F}"): return .deleteWordBackward
        default: return nil
        }
    }
}

extension Int {
    func addingClamped(_ delta: Int) -> Int {
        let (result, overflow) = addingReportingOverflow(delta)
        return overflow ? (delta > 0 ? Int.max : Int.min) : result
    }
}
