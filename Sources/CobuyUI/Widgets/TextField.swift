/// A one-line text input with readline editing: the cursor moves by character and word,
/// Ctrl-A/E jump to the ends, Ctrl-K/U kill to the end/start, Ctrl-W deletes the word before.
public struct TextField: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// Position of the cursor, 0...characters.count.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    public enum Edit: Hashable, Sendable {
        case insert(String)
        case backspace
        case deleteForward
        case left, right, wordLeft, wordRight, home, end
        case killToEnd, killToStart, deleteWordBackward
        case clear
    }

    public mutating func apply(_ edit: Edit) {
        switch edit {
        case .insert(let text):
            // Pasted text arrives as one string; control characters never enter a field.
            let clean = text.filter { character in
                !character.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }
            }
            characters.insert(contentsOf: clean, at: cursor)
            cursor += clean.count
        case .backspace:
            guard cursor > 0 else { return }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .deleteForward:
            guard cursor < characters.count else { return }
            characters.remove(at: cursor)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = characters.count
        case .wordLeft: cursor = wordStart(before: cursor)
        case .wordRight:
            var index = cursor
            while index < characters.count, !isWordCharacter(characters[index]) { index += 1 }
            while index < characters.count, isWordCharacter(characters[index]) { index += 1 }
            cursor = index
        case .killToEnd: characters.removeSubrange(cursor...)
        case .killToStart:
            characters.removeSubrange(..<cursor)
            cursor = 0
        case .deleteWordBackward:
            let start = wordStart(before: cursor)
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .clear:
            characters = []
            cursor = 0
        }
    }

    private func wordStart(before position: Int) -> Int {
        var index = position
        while index > 0, !isWordCharacter(characters[index - 1]) { index -= 1 }
        while index > 0, isWordCharacter(characters[index - 1]) { index -= 1 }
        return index
    }

    private func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }
}
