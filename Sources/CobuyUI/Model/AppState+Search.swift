import CobuyCore
import CobuyTerminal

/// The list search being typed (`/`).
extension AppState {
    mutating func handleSearch(_ key: Key) -> [Effect] {
        guard var input = search, let kind = tab.kind else { search = nil; return [] }
        switch key {
        case .escape:
            lists[kind]?.search = input.previous
            search = nil
        case .enter:
            search = nil
            let typed = input.field.text.trimmingSpaces
            if !typed.isEmpty {
                searchHistory.removeAll { $0 == typed }
                searchHistory.append(typed)
            }
            let count = lists[kind]?.count ?? 0
            message = .info("\(count.counted("match", "matches")) for \"\(input.field.text)\"; j/k to move, c to clear.")
        case .down: move(1)
        case .up:
            // Earlier searches, newest first.
            let index = (input.recalled ?? searchHistory.count) - 1
            guard searchHistory.indices.contains(index) else { return [] }
            input.recalled = index
            input.field = TextField(searchHistory[index])
            search = input
            lists[kind]?.search = input.field.text
            lists[kind]?.selected = 0
        default:
            guard let edit = TextEditing.edit(for: key) else { return [] }
            input.field.apply(edit)
            search = input
            lists[kind]?.search = input.field.text
            lists[kind]?.selected = 0
        }
        refreshList(kind)
        return []
    }
}
