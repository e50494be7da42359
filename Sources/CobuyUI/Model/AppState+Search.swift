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
            let count = lists[kind]?.count ?? 0
            message = .info("\(count) match(es) for \"\(input.field.text)\"; n/N to move, c to clear.")
        case .down: move(1)
        case .up: move(-1)
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
