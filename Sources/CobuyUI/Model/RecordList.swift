import CobuyCore

/// One tab's list: which rows show, in what order, and which is selected. Rows live in the
/// snapshot; the list keeps indices, recomputed only when the rows, the search or a filter
/// changes — never per redraw.
public struct RecordList: Sendable, Equatable {
    public var kind: RecordKind
    public var sortColumn: String
    public var ascending: Bool = true
    /// The incremental search (`/`), applied as it is typed.
    public var search: String = ""
    public var filters: ListFilters = ListFilters()
    public private(set) var visible: [Int] = []
    public var selected: Int = 0
    public var scroll: Int = 0

    public init(kind: RecordKind) {
        self.kind = kind
        sortColumn = "id"
    }

    /// The columns a kind's table shows, in order.
    public static func columns(for kind: RecordKind) -> [String] {
        switch kind {
        case .party: return ["id", "name", "kind", "region", "population"]
        case .solicitation: return ["id", "status", "title", "lead", "category", "closing"]
        case .contract: return ["id", "status", "title", "lead", "vendor", "category", "end"]
        case .addendum: return ["id", "status", "title", "spend", "end"]
        }
    }

    /// Recomputes the visible rows, keeping the selected record selected when it still shows.
    public mutating func refresh(_ rows: [RecordSummary], joinable: Set<String>, today: CalendarDate) {
        let previous = selectedIndex.map { rows.indices.contains($0) ? rows[$0].id : nil } ?? nil
        let words = RecordSummary.fold(search).split(separator: " ")
        var indices = rows.indices.filter { index in
            let row = rows[index]
            guard filters.admits(row, joinable: joinable, today: today) else { return false }
            return words.allSatisfy { row.searchText.contains($0) }
        }
        let column = sortColumn
        let numeric = column == "population" || column == "partners"
        indices.sort { left, right in
            let a = rows[left].value(column), b = rows[right].value(column)
            if a == b { return rows[left].id < rows[right].id }
            let less: Bool
            if numeric, let x = Int(a), let y = Int(b) { less = x < y }
            else if a.isEmpty != b.isEmpty { less = !a.isEmpty } // blanks sort last
            else { less = a.lowercased() < b.lowercased() }
            return ascending ? less : !less
        }
        visible = indices
        if let previous, let position = indices.firstIndex(where: { rows[$0].id == previous }) {
            selected = position
        } else {
            selected = min(selected, max(0, indices.count - 1))
        }
    }

    /// Index into the snapshot's rows of the selected record.
    public var selectedIndex: Int? {
        visible.indices.contains(selected) ? visible[selected] : nil
    }

    public mutating func move(by delta: Int) {
        guard !visible.isEmpty else { return }
        selected = max(0, min(visible.count - 1, selected + delta))
    }

    public mutating func moveToEnd(_ last: Bool) {
        selected = last ? max(0, visible.count - 1) : 0
    }

    /// Keeps the selection within `height` rows starting at `scroll`.
    public mutating func scrollToSelection(height: Int) {
        guard height > 0 else { return }
        if selected < scroll { scroll = selected }
        if selected >= scroll + height { scroll = selected - height + 1 }
        scroll = max(0, min(scroll, max(0, visible.count - height)))
    }

    /// Sorts by the next column (or flips the order when asked again for the same one).
    public mutating func sort(by column: String) {
        if sortColumn == column { ascending.toggle() } else { sortColumn = column; ascending = true }
    }
}

/// The filters a list can apply beyond the search.
public struct ListFilters: Sendable, Equatable {
    public var status: String?
    /// Contracts ending within this many days.
    public var expiringWithin: Int?
    public var region: String?
    public var category: String?
    /// Contracts the officer's party may join today.
    public var joinableOnly = false

    public init() {}

    public var isEmpty: Bool {
        status == nil && expiringWithin == nil && region == nil && category == nil && !joinableOnly
    }

    /// `status=active · joinable` for the list's title bar.
    public var summary: String {
        var parts: [String] = []
        if let status { parts.append("status=\(status)") }
        if let expiringWithin { parts.append("expiring≤\(expiringWithin)d") }
        if let region { parts.append("region=\(region)") }
        if let category { parts.append("category=\(category)") }
        if joinableOnly { parts.append("joinable by my party") }
        return parts.joined(separator: " · ")
    }

    func admits(_ row: RecordSummary, joinable: Set<String>, today: CalendarDate) -> Bool {
        if let status, row.status != status { return false }
        if let category, row.value("category").lowercased() != category.lowercased() { return false }
        if let region, !row.value("eligible").contains(region), !row.value("region").hasPrefix(region) { return false }
        if let expiringWithin {
            guard row.status == "active", let end = CalendarDate(row.value("end")) else { return false }
            let days = today.days(until: end)
            if days < 0 || days > expiringWithin { return false }
        }
        if joinableOnly, !joinable.contains(row.id) { return false }
        return true
    }
}
