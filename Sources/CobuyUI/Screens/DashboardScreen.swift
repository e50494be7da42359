import CobuyCore
import CobuyTerminal

/// What waits for the acting party first, then deadlines: solicitations closing, contracts
/// expiring, addenda waiting on someone.
enum DashboardScreen {
    static func draw(_ state: AppState, in rect: Rect, into grid: inout CellGrid, theme: Theme) {
        let dashboard = state.snapshot.dashboard
        // Records a sync left in conflict come first, and only when there are some.
        let decisions: [(String, [Dashboard.Entry], String)] = dashboard.needsDecision.isEmpty ? []
            : [("Needs a decision", dashboard.needsDecision, "")]
        // What waits for the acting party comes first: each entry opens on the step to take.
        let who = state.officer?.party
        let mine: [(String, [Dashboard.Entry], String)] = [(
            who.map { "My work: waiting for \($0)" } ?? "My work",
            state.myWorkEntries,
            who.map { "Nothing waits for \($0) now." } ?? "Say who you act for (o) to see what waits for you.",
        )]
        let sections: [(String, [Dashboard.Entry], String)] = mine + decisions + [
            ("Solicitations closing", dashboard.closingSolicitations, "No solicitation is open for proposals."),
            ("Contracts expiring within \(Dashboard.expiryWindow) days", dashboard.expiringContracts, "No contract ends in the next \(Dashboard.expiryWindow) days."),
            ("Addenda awaiting approval or signature", dashboard.addendaAwaiting, "No addendum is waiting on anyone."),
        ]
        var lines: [(text: String, style: Style, index: Int?)] = []
        var index = 0
        for (title, entries, empty) in sections {
            lines.append(("\(title) (\(entries.count))", theme.header, nil))
            if entries.isEmpty { lines.append(("  \(empty)", theme.muted, nil)) }
            for entry in entries {
                lines.append(("  \(entry.id)  \(entry.title) — \(entry.detail)", theme.normal, index))
                index += 1
            }
            lines.append(("", theme.normal, nil))
        }
        if !state.snapshot.problems.isEmpty {
            lines.append(("Unreadable files (\(state.snapshot.problems.count)), skipped — run cobuy validate", theme.warning, nil))
            for problem in state.snapshot.problems.prefix(5) { lines.append(("  \(problem.description)", theme.warning, nil)) }
        }
        // Keep the selected entry visible.
        let selectedLine = lines.firstIndex { $0.index == state.dashboardSelection } ?? 0
        let top = max(0, selectedLine - rect.height + 2)
        for (row, line) in lines.dropFirst(top).prefix(rect.height).enumerated() {
            let selected = line.index != nil && line.index == state.dashboardSelection
            grid.putPadded(line.text, x: rect.x + 1, y: rect.y + row, width: rect.width - 2,
                           style: selected ? theme.selected : line.style)
        }
    }
}

/// A tab's list: title with counts, search and filters; sortable columns; the selected record
/// beside it on wide terminals.
enum ListScreen {
    static func draw(_ state: AppState, in rect: Rect, into grid: inout CellGrid, theme: Theme) {
        guard let kind = state.tab.kind, let list = state.lists[kind] else { return }
        let rows = state.snapshot.rows[kind] ?? []
        var listRect = rect
        var sideRect: Rect?
        if rect.width >= Layout.sidePaneWidth {
            let split = rect.splitColumns(left: rect.width * 3 / 5, gap: 1)
            listRect = split.left
            sideRect = split.right
        }
        // Title line.
        let all = list.page == nil ? rows.count : state.snapshot.catalogTotal
        var title = "\(state.tab.title): \(list.count) of \(all)"
        if !list.search.isEmpty { title += " · search \"\(list.search)\"" }
        if !list.filters.isEmpty { title += " · \(list.filters.summary)" }
        // In relevance order (a catalog list only), no column shows an arrow.
        let byRelevance = list.page != nil && list.ordersByRelevance
        if let page = list.page, byRelevance, !list.search.isEmpty {
            title += page.ranked ? " · best match first" : " · too many to rank: type more"
        } else if byRelevance {
            title += " · nearest first"
        } else {
            title += " · sorted by \(list.sortColumn) \(list.ascending ? "↑" : "↓")"
        }
        grid.putPadded(title, x: listRect.x, y: listRect.y, width: listRect.width, style: theme.title)

        let columns = RecordList.columns(for: kind)
        // A party's id is what every form asks for: the parties list shows it whole.
        let idWidth = kind == .party ? rows.map { DisplayWidth.of($0.id) }.max() : nil
        let widths = columnWidths(columns, available: listRect.width - 2, idWidth: idWidth)
        var x = listRect.x + 1
        for (column, width) in zip(columns, widths) where width > 0 {
            let label = column == list.sortColumn && !byRelevance ? column.uppercased() + (list.ascending ? "↑" : "↓") : column.uppercased()
            grid.putPadded(label, x: x, y: listRect.y + 1, width: width, style: theme.header)
            x += width + 1
        }
        let bodyHeight = listRect.height - 2
        var scrolled = list
        scrolled.scrollToSelection(height: bodyHeight)
        if list.count == 0 {
            let empty = all == 0 ? "No \(kind.folder) in this store yet." : "Nothing matches; c clears the search and filters."
            grid.put(empty, x: listRect.x + 1, y: listRect.y + 2, style: theme.muted, maxWidth: listRect.width - 2)
        }
        for row in 0..<max(0, bodyHeight) {
            let position = scrolled.scroll + row
            guard let summary = scrolled.row(at: position, in: rows) else { break }
            let selected = position == list.selected
            let y = listRect.y + 2 + row
            let baseStyle = selected ? theme.selected : style(for: summary, state: state, theme: theme)
            grid.fill(Rect(x: listRect.x, y: y, width: listRect.width, height: 1), style: baseStyle)
            if kind == .contract, state.joinable.contains(summary.id) || list.page?.joinable.contains(summary.id) == true {
                grid.put("+", x: listRect.x, y: y, style: selected ? baseStyle : theme.success)
            }
            var cx = listRect.x + 1
            for (column, width) in zip(columns, widths) where width > 0 {
                grid.putPadded(summary.value(column == "status" ? "status" : column), x: cx, y: y, width: width, style: baseStyle)
                cx += width + 1
            }
        }
        if let sideRect, let selected = list.row(at: list.selected, in: rows), let record = state.snapshot.record(selected.id) {
            grid.box(sideRect, style: theme.border, title: selected.id, titleStyle: theme.title)
            let detail = RecordDetail(record, today: state.today, lookup: state.snapshot.lookup)
            let inner = sideRect.inset(by: 1)
            let lines = DetailText.lines(detail, extra: RecordScreen.checklistSection(for: record, state: state), width: inner.width)
            ScrollMarks.draw(box: sideRect, top: 0, visible: inner.height, total: lines.count, style: theme.key, into: &grid)
            for (row, line) in lines.prefix(inner.height).enumerated() {
                grid.put(line.text, x: inner.x, y: inner.y + row, style: line.isTitle ? theme.header : theme.normal, maxWidth: inner.width)
            }
        }
    }

    /// Fixed widths for short columns; the title (or name) takes what is left.
    static func columnWidths(_ columns: [String], available: Int, idWidth: Int? = nil) -> [Int] {
        let fixed: [String: Int] = ["id": idWidth.map { min(max(2, $0), max(14, available - 17)) } ?? 14, "status": 11, "lead": 16, "vendor": 16, "category": 14, "closing": 10,
                                    "end": 10, "spend": 14, "kind": 16, "region": 7, "population": 10, "partners": 8]
        var widths = columns.map { fixed[$0] ?? 0 }
        let flexible = columns.firstIndex { $0 == "title" || $0 == "name" } ?? 0
        // Drop the least important columns until the flexible one gets at least 16 columns.
        let dropOrder = ["category", "vendor", "closing", "population", "region", "lead", "spend", "end", "kind"]
        func used() -> Int { widths.enumerated().filter { $0.offset != flexible }.reduce(0) { $0 + $1.element + ($1.element > 0 ? 1 : 0) } }
        for name in dropOrder where available - used() < 28 {
            if let index = columns.firstIndex(of: name) { widths[index] = 0 }
        }
        widths[flexible] = max(8, available - used())
        return widths
    }

    static func style(for summary: RecordSummary, state: AppState, theme: Theme) -> Style {
        switch summary.status {
        case "expired", "terminated", "cancelled", "rejected", "withdrawn", "unsuccessful": return theme.muted
        default: return theme.normal
        }
    }
}

/// Record details as wrapped lines, marking section titles.
enum DetailText {
    struct Line {
        var text: String
        var isTitle: Bool
    }

    static func lines(_ detail: RecordDetail, extra: RecordDetail.Section?, width: Int) -> [Line] {
        var result: [Line] = []
        var sections = detail.sections
        // The checklist answers the question an officer opens a contract with: may we join?
        if let extra { sections.insert(extra, at: 0) }
        for section in sections where section.title != "History" {
            if !result.isEmpty { result.append(Line(text: "", isTitle: false)) }
            result.append(Line(text: section.title, isTitle: true))
            for line in section.lines {
                for (index, piece) in CellGrid.wrapped(line, to: max(1, width - 4)).enumerated() {
                    result.append(Line(text: (index == 0 ? "  " : "    ") + piece, isTitle: false))
                }
            }
        }
        return result
    }
}
