import CobuyCore
import CobuyStore

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
    /// Set when the rows come from the catalog index (contracts): only a window of them is
    /// held, fetched again as the selection moves out of it.
    public private(set) var page: CatalogPage?

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
        page = nil
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

    /// How many rows match (in the catalog, not just those held).
    public var count: Int { page?.total ?? visible.count }

    /// The row at a position of the list, if it is held.
    public func row(at position: Int, in rows: [RecordSummary]) -> RecordSummary? {
        if let page {
            let index = position - page.offset
            return page.rows.indices.contains(index) ? page.rows[index] : nil
        }
        return visible.indices.contains(position) && rows.indices.contains(visible[position]) ? rows[visible[position]] : nil
    }

    public mutating func move(by delta: Int) {
        guard count > 0 else { return }
        selected = max(0, min(count - 1, selected.addingClamped(delta)))
    }

    /// Keeps the selection within `height` rows starting at `scroll`.
    public mutating func scrollToSelection(height: Int) {
        guard height > 0 else { return }
        if selected < scroll { scroll = selected }
        if selected >= scroll + height { scroll = selected - height + 1 }
        scroll = max(0, min(scroll, max(0, count - height)))
    }

    /// The query this list stands for, for the catalog index.
    /// With words typed or "joinable by my party", the default order gives way to relevance:
    /// best match to the words, then nearest to the party (named, its state, its country).
    public var ordersByRelevance: Bool {
        sortColumn == "id" && (!search.isEmpty || filters.joinableOnly)
    }

    public func catalogQuery(officerParty: CatalogQuery.JoiningParty?) -> CatalogQuery {
        var query = CatalogQuery()
        query.text = search
        query.status = filters.status
        query.expiringWithin = filters.expiringWithin
        query.region = filters.region.flatMap(RegionCode.init)
        query.category = filters.category
        if filters.joinableOnly {
            // Nobody acting: nothing is joinable.
            query.joinableBy = officerParty
            query.matchesNothing = officerParty == nil
        }
        query.sort = ordersByRelevance ? .relevance : (CatalogQuery.Sort(column: sortColumn) ?? .id)
        query.ascending = ascending
        return query
    }

    /// Whether the rows a screen of `height` around the selection needs are held.
    public func pageCovers(height: Int) -> Bool {
        guard let page else { return true }
        let first = max(0, selected - height), last = min(page.total, selected + height + 1)
        return first >= page.offset && last <= page.offset + page.rows.count
    }

    /// Takes a page fetched from the catalog index.
    public mutating func show(_ page: CatalogPage, keepingSelection: Bool) {
        if !keepingSelection { selected = 0; scroll = 0 }
        self.page = page
        visible = []
        selected = max(0, min(selected, max(0, page.total - 1)))
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

/// A window of a catalog search: rows `offset ..< offset + rows.count` of `total`.
public struct CatalogPage: Sendable, Equatable {
    public var total: Int
    public var offset: Int
    public var rows: [RecordSummary]
    /// Which of the rows the officer's party may join (each checked in full).
    public var joinable: Set<String>
    /// False when too many contracts matched to rank them by relevance.
    public var ranked: Bool

    public init(total: Int, offset: Int, rows: [RecordSummary], joinable: Set<String>, ranked: Bool) {
        self.total = total
        self.offset = offset
        self.rows = rows
        self.joinable = joinable
        self.ranked = ranked
    }
}
