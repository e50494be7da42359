import CobuyCore
import CobuyTerminal

/// One record: where it stands in its lifecycle, what it needs next, its details, the actions
/// allowed now (and why the others are not), and its audit trail.
enum RecordScreen {
    static func draw(_ state: AppState, view: RecordView, in rect: Rect, into grid: inout CellGrid, theme: Theme) {
        guard let record = state.snapshot.record(view.id) else {
            grid.put("\(view.id) is no longer in the store.", x: rect.x + 1, y: rect.y, style: theme.warning)
            return
        }
        let detail = RecordDetail(record, today: state.today, lookup: state.snapshot.lookup)
        let actions = state.availableActions(for: view.id)
        var y = rect.y
        grid.putPadded(detail.headline, x: rect.x, y: y, width: rect.width, style: theme.title)
        y += 1
        if let stepper = stepper(for: record) {
            drawStepper(stepper.steps, current: stepper.current, at: y, in: rect, into: &grid, theme: theme)
            y += 1
        }
        // Next wraps onto a second row; past that it is cut with the key that reads it whole.
        for line in nextLines("Next: " + nextStep(record, state: state), width: rect.width) {
            grid.putPadded(line, x: rect.x, y: y, width: rect.width, style: theme.accent)
            y += 1
        }
        let area = Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y)
        let checklist = checklistSection(for: record, state: state)
        let links = state.links(of: view.id)

        if area.width >= Layout.recordColumnsWidth {
            func at(_ pane: RecordView.Pane) -> Rect { paneRect(pane, in: area, links: links.count) }
            if view.pane == .draft {
                drawDraft(state, view: view, in: at(.draft), into: &grid, theme: theme)
            } else {
                let detailLines = DetailText.lines(detail, extra: checklist, width: at(.details).width - 2)
                drawDetails(detailLines, view: view, in: at(.details), focused: view.pane == .details, into: &grid, theme: theme)
            }
            LinksPane.draw(links, view: view, in: at(.links), focused: view.pane == .links, into: &grid, theme: theme)
            drawActions(actions, record: record, view: view, in: at(.actions), focused: view.pane == .actions, into: &grid, theme: theme)
            drawHistory(record, view: view, in: at(.history), focused: view.pane == .history, into: &grid, theme: theme)
        } else {
            // One pane at a time, chosen with Tab.
            var x = area.x
            for pane in RecordView.Pane.panes(for: record.kind) {
                let label = " \(pane.title) "
                x += grid.put(label, x: x, y: area.y, style: pane == view.pane ? theme.tabActive : theme.tabInactive)
                x += 1
            }
            let paneRect = paneRect(view.pane, in: area, links: links.count)
            let detailLines = DetailText.lines(detail, extra: checklist, width: paneRect.width - 2)
            switch view.pane {
            case .details: drawDetails(detailLines, view: view, in: paneRect, focused: true, into: &grid, theme: theme)
            case .actions: drawActions(actions, record: record, view: view, in: paneRect, focused: true, into: &grid, theme: theme)
            case .history: drawHistory(record, view: view, in: paneRect, focused: true, into: &grid, theme: theme)
            case .draft: drawDraft(state, view: view, in: paneRect, into: &grid, theme: theme)
            case .links: LinksPane.draw(links, view: view, in: paneRect, focused: true, into: &grid, theme: theme)
            }
        }
    }

    static func nextLines(_ text: String, width: Int) -> [String] {
        let lines = CellGrid.wrapped(text, to: max(1, width))
        guard lines.count > 2 else { return lines }
        return [lines[0], ReadInFull.fitted(lines.dropFirst().joined(separator: " "), to: width)]
    }

    static func stepper(for record: AnyRecord) -> (steps: [String], current: Int?)? {
        switch record {
        case .solicitation(let value):
            let steps = JointSolicitation.Status.lifecycle.map(\.rawValue)
            return (steps + (value.status.isOpen || steps.contains(value.status.rawValue) ? [] : [value.status.rawValue]),
                    steps.firstIndex(of: value.status.rawValue) ?? steps.count)
        case .addendum(let value):
            let steps = ParticipatingAddendum.Status.lifecycle.map(\.rawValue)
            return (steps + (steps.contains(value.status.rawValue) ? [] : [value.status.rawValue]),
                    steps.firstIndex(of: value.status.rawValue) ?? steps.count)
        case .contract(let value):
            let steps = ["pending", "active"] + (value.status == .terminated || value.status == .cancelled ? [value.status.rawValue] : [])
            return (steps, steps.firstIndex(of: value.status.rawValue))
        case .party:
            return nil
        }
    }

    static func drawStepper(_ steps: [String], current: Int?, at y: Int, in rect: Rect, into grid: inout CellGrid, theme: Theme) {
        var x = rect.x
        // Narrow terminals: drop the separators, then shorten the steps that are not current.
        let full = steps.reduce(0) { $0 + DisplayWidth.of($1) + 2 } + 3 * (steps.count - 1)
        let separator = full <= rect.width ? " ▸ " : " "
        let compact = steps.reduce(0) { $0 + DisplayWidth.of($1) + 3 } > rect.width
        for (index, step) in steps.enumerated() {
            let style: Style
            let mark: String
            if let current, index < current { style = theme.success; mark = "✓ " }
            else if index == current { style = theme.tabActive; mark = "● " }
            else { style = theme.muted; mark = "○ " }
            let label = compact && index != current ? String(step.prefix(4)) : step
            let used = grid.put("\(mark)\(label)", x: x, y: y, style: style, maxWidth: rect.maxX - x)
            x += used
            if index < steps.count - 1, x + 3 < rect.maxX {
                x += grid.put(separator, x: x, y: y, style: theme.muted)
            }
        }
    }

    /// The acting party's own next step on the record, else whom it waits on and for what; the
    /// core reads both from the machines (``PartyWork/nextStep(on:for:now:lookup:)``).
    static func nextStep(_ record: AnyRecord, state: AppState) -> String {
        let lookup = state.snapshot.lookup
        let next = PartyWork.nextStep(on: record, for: state.officer?.party ?? "", now: state.now, lookup: lookup)
        // In the UI's words: the core's reasons name command-line flags.
        let text = ScreenWords.onScreen(next.text { lookup.party($0)?.name ?? $0 })
        // Nothing waits, but the party may still act (renew, amend, invite…): point at the list.
        if case .nothing = next, state.availableActions(for: record.id).contains(where: \.isAllowed) {
            return text + "; see the actions allowed now"
        }
        return text
    }

    /// The joinability checklist a record calls for: a contract's for the officer's party, an
    /// addendum's for its participant while joining still applies (draft and submitted: submit
    /// and approve check it again). Past that, the checklist would contradict what `+` does.
    static func checklistSection(for record: AnyRecord, state: AppState) -> RecordDetail.Section? {
        let directory = state.snapshot.lookup
        let checklist: Joinability
        switch record {
        case .contract(let contract):
            guard let officer = state.officer, let party = directory.party(officer.party) else {
                return RecordDetail.Section("Can my party join?", ["Say who you act for (o) to see the checklist."])
            }
            guard Joinability.applies(to: party.id, on: contract) else { return nil }
            checklist = Joinability.evaluate(contract: contract, party: party, today: state.today,
                                             addenda: directory.addenda(onContract: contract.id))
        case .addendum(let addendum):
            guard addendum.status == .draft || addendum.status == .submitted,
                  let contract = directory.contract(addendum.contract), let party = directory.party(addendum.party) else { return nil }
            checklist = Joinability.evaluate(contract: contract, party: party, today: state.today,
                                             addenda: directory.addenda(onContract: contract.id), excluding: addendum.id)
        case .party, .solicitation:
            return nil
        }
        let verdict: String
        switch (record, checklist.isJoinable) {
        case (.contract, true): verdict = "\(checklist.party) may join (press + to draft an addendum)"
        case (_, true): verdict = "\(checklist.party) may join: this addendum can go ahead"
        case (_, false): verdict = "\(checklist.party) may not join"
        }
        return RecordDetail.Section("Can \(checklist.party) join? \(checklist.isJoinable ? "Yes" : "No")",
                                    [verdict] + checklist.checks.map { "\($0.passed ? "✓" : "✗") \($0.name): \($0.reason)" })
    }

    static func drawDraft(_ state: AppState, view: RecordView, in rect: Rect, into grid: inout CellGrid, theme: Theme) {
        grid.box(rect, style: theme.accent, title: "Draft preview — x exports", titleStyle: theme.title)
        let inner = rect.inset(by: 1)
        guard let preview = state.draftPreview, preview.id == view.id else {
            grid.put("Rendering the draft…", x: inner.x, y: inner.y, style: theme.muted, maxWidth: inner.width)
            return
        }
        let lines = draftLines(preview.lines, width: inner.width)
        let top = min(view.draftScroll, max(0, lines.count - inner.height))
        ScrollMarks.draw(box: rect, top: top, visible: inner.height, total: lines.count, style: theme.key, into: &grid)
        for (row, line) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            let isRule = !line.isEmpty && line.allSatisfy { $0 == "=" || $0 == "-" }
            grid.put(line, x: inner.x, y: inner.y + row, style: isRule ? theme.muted : theme.normal, maxWidth: inner.width)
        }
    }

    static func drawDetails(_ lines: [DetailText.Line], view: RecordView, in rect: Rect, focused: Bool,
                            into grid: inout CellGrid, theme: Theme) {
        grid.box(rect, style: focused ? theme.accent : theme.border, title: "Details", titleStyle: theme.title)
        let inner = rect.inset(by: 1)
        let top = min(view.detailScroll, max(0, lines.count - inner.height))
        ScrollMarks.draw(box: rect, top: top, visible: inner.height, total: lines.count, style: theme.key, into: &grid)
        for (row, line) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            var style = line.isTitle ? theme.header : theme.normal
            if line.text.hasPrefix("  ✗") { style = theme.refused }
            if line.text.hasPrefix("  ✓") { style = theme.success }
            grid.put(line.text, x: inner.x, y: inner.y + row, style: style, maxWidth: inner.width)
        }
    }

    static func drawActions(_ actions: [ActionAvailability], record: AnyRecord, view: RecordView, in rect: Rect, focused: Bool,
                            into grid: inout CellGrid, theme: Theme) {
        grid.box(rect, style: focused ? theme.accent : theme.border, title: "Actions", titleStyle: theme.title)
        let inner = rect.inset(by: 1)
        guard !actions.isEmpty else {
            grid.put("No actions apply here.", x: inner.x, y: inner.y, style: theme.muted, maxWidth: inner.width)
            return
        }
        var rows: [(text: String, style: Style, index: Int)] = []
        for (index, availability) in actions.enumerated() {
            let entry: (String, Style)
            if let refusal = availability.refusal, refusal.guardName == "state" {
                entry = ("· \(availability.spec.name): not while \(record.record.statusName ?? "")", theme.muted)
            } else if let refusal = availability.refusal {
                entry = ("✗ \(availability.spec.name): \(ScreenWords.onScreen(refusal.description))", theme.refused)
            } else {
                entry = ("✓ \(availability.spec.name) — \(availability.spec.summary)", theme.normal)
            }
            // The highlighted action reads in full, wrapped; the others are cut with … (Enter or v reads them).
            if focused, index == view.selectedAction {
                for (number, piece) in CellGrid.wrapped(entry.0, to: max(1, inner.width - 2)).enumerated() {
                    rows.append(((number == 0 ? "" : "  ") + piece, entry.1, index))
                }
            } else {
                rows.append((entry.0, entry.1, index))
            }
        }
        // Keep the whole highlighted action in view.
        let first = rows.firstIndex { $0.index == view.selectedAction } ?? 0
        let last = rows.lastIndex { $0.index == view.selectedAction } ?? 0
        var top = max(0, last - inner.height + 1)
        if first < top { top = first }
        ScrollMarks.draw(box: rect, top: top, visible: inner.height, total: rows.count, style: theme.key, into: &grid)
        for (row, entry) in rows.dropFirst(top).prefix(inner.height).enumerated() {
            let selected = focused && entry.index == view.selectedAction
            grid.putPadded(entry.text, x: inner.x, y: inner.y + row, width: inner.width, style: selected ? theme.selected : entry.style)
        }
    }

    static func drawHistory(_ record: AnyRecord, view: RecordView, in rect: Rect, focused: Bool,
                            into grid: inout CellGrid, theme: Theme) {
        let history = record.record.history
        grid.box(rect, style: focused ? theme.accent : theme.border, title: "Audit trail (\(history.count))", titleStyle: theme.title)
        let inner = rect.inset(by: 1)
        let lines = historyLines(record, width: inner.width).map { ($0.text, $0.isHead ? theme.normal : theme.muted) }
        let top = min(view.historyScroll, max(0, lines.count - inner.height))
        ScrollMarks.draw(box: rect, top: top, visible: inner.height, total: lines.count, style: theme.key, into: &grid)
        for (row, line) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            grid.put(line.0, x: inner.x, y: inner.y + row, style: line.1, maxWidth: inner.width)
        }
    }
}
