import CobuyCore
import CobuyTerminal

/// Where a record's panes sit and how many lines each holds, shared by drawing and by the keys
/// that scroll, so j past the end does not pile up presses that k must first undo.
extension RecordScreen {
    /// A pane's box: side by side on wide terminals (details or draft over links on the left,
    /// actions over the audit trail on the right), else one at a time under a row of pane tabs.
    static func paneRect(_ pane: RecordView.Pane, in area: Rect, links: Int) -> Rect {
        guard area.width >= Layout.recordColumnsWidth else {
            return Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        }
        let split = area.splitColumns(left: area.width * 11 / 20, gap: 1)
        let right = split.right.splitRows(top: split.right.height / 2)
        // The links sit under the details, as the records the details name.
        let left = split.left.splitRows(top: split.left.height - LinksPane.height(for: links, available: split.left.height))
        switch pane {
        case .details, .draft: return left.top
        case .links: return left.bottom
        case .actions: return right.top
        case .history: return right.bottom
        }
    }

    /// The rows under the headline, the stepper and the Next line.
    static func paneArea(_ state: AppState, record: AnyRecord, in rect: Rect) -> Rect {
        let rows = 1 + (stepper(for: record) == nil ? 0 : 1) + nextLines("Next: " + nextStep(record, state: state), width: rect.width).count
        return Rect(x: rect.x, y: rect.y + rows, width: rect.width, height: rect.height - rows)
    }

    /// The audit trail, newest first: a head line per entry, then who and what, wrapped.
    static func historyLines(_ record: AnyRecord, width: Int) -> [(text: String, isHead: Bool)] {
        var lines: [(String, Bool)] = []
        for entry in record.record.history.reversed() {
            lines.append(("\(entry.sequence). \(entry.at.date) \(entry.action) \(entry.from ?? "new")→\(entry.to)", true))
            var who = "   \(entry.actor) for \(entry.party)"
            let details = entry.details.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            if !details.isEmpty { who += " · \(details)" }
            if let note = entry.note { who += " · “\(note)”" }
            for piece in CellGrid.wrapped(who, to: max(1, width - 3)) { lines.append(("   " + piece.trimmingSpaces, false)) }
        }
        return lines
    }

    static func draftLines(_ preview: [String], width: Int) -> [String] {
        preview.flatMap { $0.isEmpty ? [""] : CellGrid.wrapped($0, to: max(1, width)) }
    }

    /// How far the focused pane of the opened record can scroll on this screen (nil for the
    /// actions and links, which move a highlight instead).
    static func scrollLimit(_ state: AppState, view: RecordView) -> Int? {
        guard let record = state.snapshot.record(view.id) else { return nil }
        let area = paneArea(state, record: record, in: Layout.body(width: state.width, height: state.height))
        let inner = paneRect(view.pane, in: area, links: state.links(of: view.id).count).inset(by: 1)
        let count: Int
        switch view.pane {
        case .details:
            let detail = RecordDetail(record, today: state.today, lookup: state.snapshot.lookup)
            count = DetailText.lines(detail, extra: checklistSection(for: record, state: state), width: inner.width).count
        case .history: count = historyLines(record, width: inner.width).count
        case .draft:
            guard let preview = state.draftPreview, preview.id == view.id else { return 0 }
            count = draftLines(preview.lines, width: inner.width).count
        case .actions, .links: return nil
        }
        return max(0, count - inner.height)
    }
}
