import CobuyCore
import CobuyTerminal

/// Dialogs drawn over the screen: forms, confirmations, the palette, help and first launch.
enum ModalView {
    static func draw(_ modal: Modal, state: AppState, into grid: inout CellGrid, theme: Theme) {
        let screen = Rect(x: 0, y: 1, width: grid.width, height: grid.height - 3)
        switch modal {
        case .form(let form): drawForm(form, in: screen, into: &grid, theme: theme)
        case .confirm(let confirmation): drawQuestion(confirmation.question, in: screen, into: &grid, theme: theme)
        case .confirmQuit: drawQuestion("A form has input that is not saved. Quit anyway?", in: screen, into: &grid, theme: theme)
        case .confirmDiscard: drawQuestion("Throw away what you typed in this form?", in: screen, into: &grid, theme: theme)
        case .palette(let palette): drawPalette(palette, in: screen, into: &grid, theme: theme)
        case .help: HelpView.draw(state, into: &grid, theme: theme)
        case .identity(let form): drawIdentity(form, in: screen, into: &grid, theme: theme)
        case .export(let prompt): drawExport(prompt, in: screen, into: &grid, theme: theme)
        case .goTo(let picker): GoToView.draw(picker, in: screen, into: &grid, theme: theme)
        case .reader(let reader): drawReader(reader, in: screen, into: &grid, theme: theme)
        }
    }

    static func drawReader(_ reader: Reader, in screen: Rect, into grid: inout CellGrid, theme: Theme) {
        let rect = screen.inset(by: 1)
        let inner = frame(rect, title: reader.title, into: &grid, theme: theme)
        var lines: [(String, Style)] = []
        for section in reader.sections {
            if !lines.isEmpty { lines.append(("", theme.normal)) }
            lines.append((section.title, theme.header))
            for paragraph in section.paragraphs {
                for line in CellGrid.wrapped(paragraph, to: max(1, inner.width)) { lines.append((line, theme.normal)) }
            }
        }
        let top = min(reader.scroll, max(0, lines.count - inner.height))
        ScrollMarks.draw(box: rect, top: top, visible: inner.height, total: lines.count, style: theme.key, into: &grid)
        for (row, line) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            grid.put(line.0, x: inner.x, y: inner.y + row, style: line.1, maxWidth: inner.width)
        }
    }

    static func drawExport(_ prompt: ExportPrompt, in screen: Rect, into grid: inout CellGrid, theme: Theme) {
        let width = min(screen.width - 4, 76)
        let rect = screen.centered(width: width, height: prompt.error == nil && prompt.missingFolder == nil ? 8 : 10)
        let inner = frame(rect, title: "Export \(prompt.addendumID)", into: &grid, theme: theme)
        var x = inner.x
        x += grid.put("Format ", x: x, y: inner.y, style: theme.normal)
        for format in ExportPrompt.formats {
            x += grid.put(" \(format) ", x: x, y: inner.y, style: format == prompt.format ? theme.selected : theme.muted)
            x += 1
        }
        grid.put("(Tab changes)", x: x + 1, y: inner.y, style: theme.muted, maxWidth: inner.maxX - x - 1)
        grid.put("File", x: inner.x, y: inner.y + 2, style: theme.accent)
        FieldView.draw(prompt.path, x: inner.x + 7, y: inner.y + 2, width: inner.width - 7, style: theme.input, cursorStyle: theme.selected,
                       into: &grid)
        grid.put("Enter writes it; an existing file is never replaced. Esc cancels.", x: inner.x, y: inner.y + 4, style: theme.muted,
                 maxWidth: inner.width)
        if !prompt.folder.isEmpty {
            grid.put("A bare file name goes in \(prompt.folder).", x: inner.x, y: inner.y + 3, style: theme.muted, maxWidth: inner.width)
        }
        if let folder = prompt.missingFolder {
            for (offset, line) in CellGrid.wrapped("The folder \(folder) does not exist. Create it and write the file? (y/n)",
                                                   to: inner.width).prefix(2).enumerated() {
                grid.put(line, x: inner.x, y: inner.y + 5 + offset, style: theme.accent)
            }
        } else if let error = prompt.error {
            for (offset, line) in CellGrid.wrapped(error, to: inner.width).prefix(2).enumerated() {
                grid.put(line, x: inner.x, y: inner.y + 5 + offset, style: theme.refused)
            }
        }
    }

    static func frame(_ rect: Rect, title: String, into grid: inout CellGrid, theme: Theme) -> Rect {
        grid.fill(rect, style: theme.normal)
        grid.box(rect, style: theme.accent, title: title, titleStyle: theme.title)
        return rect.inset(by: 1).splitColumns(left: 1).right.splitColumns(left: rect.width - 4).left
    }

    static func drawForm(_ form: ActionForm, in screen: Rect, into grid: inout CellGrid, theme: Theme) {
        let width = min(screen.width - 4, 76)
        // A refusal or input error is read whole under the fields: the form grows to hold it.
        let errorLines = form.error.map { CellGrid.wrapped($0, to: max(1, min(screen.width - 4, 76) - 4)) } ?? []
        let height = min(screen.height, form.fields.count * 2 + 5 + (errorLines.isEmpty ? 0 : max(2, errorLines.count)))
        let rect = screen.centered(width: width, height: height)
        let inner = frame(rect, title: form.recordID.isEmpty ? form.spec.name : "\(form.spec.name) — \(form.recordID)",
                          into: &grid, theme: theme)
        grid.put(form.spec.summary, x: inner.x, y: inner.y, style: theme.muted, maxWidth: inner.width)
        let labelWidth = min(18, inner.width / 3)
        // On a short screen the fields scroll so the one being typed in is always shown, and
        // the border says how many are above and below.
        let errorRows = errorLines.isEmpty ? 0 : min(errorLines.count, max(2, inner.height - 1))
        let visibleCount = max(1, (inner.maxY - inner.y - 1 - errorRows + 1) / 2)
        let first = form.focus >= visibleCount ? min(form.focus - visibleCount + 1, max(0, form.fields.count - visibleCount)) : 0
        ScrollMarks.draw(box: rect, top: first, visible: visibleCount, total: form.fields.count, style: theme.key, into: &grid)
        for (index, field) in form.fields.enumerated() where index >= first {
            let y = inner.y + 1 + (index - first) * 2
            guard y < inner.maxY else { break }
            let focused = index == form.focus
            let label = field.label
            grid.putPadded(label, x: inner.x, y: y, width: labelWidth, style: focused ? theme.accent : theme.normal)
            let fieldX = inner.x + labelWidth + 1
            let fieldWidth = inner.maxX - fieldX
            let style = focused ? theme.input.bolded() : theme.input
            switch field.parameter.kind {
            case .switchFlag:
                grid.putPadded(field.isOn ? "[x] yes" : "[ ] no (Space toggles)", x: fieldX, y: y, width: fieldWidth, style: style)
            case .choice(let options):
                grid.putPadded("‹ \(field.input.text) ›  (\(options.joined(separator: "/")))", x: fieldX, y: y, width: fieldWidth, style: style)
            case .text, .integer, .money, .date, .party, .list:
                // Long text scrolls with the cursor; ‹ and › say more is hidden on that side.
                FieldView.draw(field.input, x: fieldX, y: y, width: fieldWidth, style: style,
                               cursorStyle: focused && form.focusedTakesText ? theme.selected : nil, into: &grid)
            }
            let suggestions = focused ? form.suggestions() : []
            if y + 1 < inner.maxY, !suggestions.isEmpty {
                // The best match first and highlighted: Enter takes it.
                var x = fieldX
                for (rank, pick) in suggestions.enumerated() where x < inner.maxX {
                    x += grid.put(pick.label == pick.id ? pick.id : "\(pick.label) (\(pick.id))", x: x, y: y + 1,
                                  style: rank == 0 ? theme.selected : theme.muted, maxWidth: inner.maxX - x) + 2
                }
            } else if y + 1 < inner.maxY, let line = field.line {
                grid.put("Your quantity of \(line.text)", x: fieldX, y: y + 1, style: theme.muted, maxWidth: fieldWidth)
            } else if y + 1 < inner.maxY {
                // The help alone: the command line's metavariable (T, N, PARTY) means nothing here.
                grid.put(field.parameter.help, x: fieldX, y: y + 1, style: theme.muted, maxWidth: fieldWidth)
            }
        }
        if !errorLines.isEmpty {
            // On a short screen the fields give way to the reason, which is what must be read.
            let rows = min(errorLines.count, max(2, inner.height - 1))
            let top = inner.maxY - max(2, rows)
            grid.fill(Rect(x: inner.x, y: top, width: inner.width, height: max(2, rows)), style: theme.normal)
            for (offset, line) in errorLines.prefix(rows).enumerated() {
                let cut = offset == rows - 1 && rows < errorLines.count
                grid.put(cut ? CellGrid.truncated(line + " …", to: inner.width) : line, x: inner.x, y: top + offset,
                         style: theme.refused, maxWidth: inner.width)
            }
        }
    }

    static func drawQuestion(_ question: String, in screen: Rect, into grid: inout CellGrid, theme: Theme) {
        let width = min(screen.width - 4, 64)
        let lines = CellGrid.wrapped(question, to: width - 4)
        let rect = screen.centered(width: width, height: lines.count + 4)
        let inner = frame(rect, title: "Confirm", into: &grid, theme: theme)
        for (row, line) in lines.enumerated() { grid.put(line, x: inner.x, y: inner.y + row, style: theme.normal) }
        grid.put("y: yes    n or Esc: no", x: inner.x, y: inner.maxY - 1, style: theme.key)
    }

    static func drawPalette(_ palette: Palette, in screen: Rect, into grid: inout CellGrid, theme: Theme) {
        let width = min(screen.width - 4, 90)
        let rect = Rect(x: (screen.width - width) / 2, y: screen.y + 1, width: width, height: min(screen.height - 2, 18))
        let inner = frame(rect, title: "Command palette", into: &grid, theme: theme)
        grid.put(":", x: inner.x, y: inner.y, style: theme.key)
        // With its cursor, so what is being typed (or the end of a paste) is in view.
        FieldView.draw(palette.query, x: inner.x + 2, y: inner.y, width: inner.width - 2, style: theme.input, cursorStyle: theme.selected,
                       into: &grid)
        let matches = palette.matches
        let height = inner.height - 2
        let top = max(0, palette.selected - height + 1)
        for (row, entry) in matches.dropFirst(top).prefix(height).enumerated() {
            let selected = top + row == palette.selected
            let refused = entry.detail.contains("— refused:")
            let style = selected ? theme.selected : (refused ? theme.muted : theme.normal)
            grid.putPadded("\(entry.name)  \(entry.detail)", x: inner.x, y: inner.y + 2 + row, width: inner.width, style: style)
        }
        if matches.isEmpty { grid.put("No command matches.", x: inner.x, y: inner.y + 2, style: theme.muted) }
    }

    static func drawIdentity(_ form: IdentityForm, in screen: Rect, into grid: inout CellGrid, theme: Theme) {
        let width = min(screen.width - 4, 72)
        let rect = screen.centered(width: width, height: min(screen.height, 18))
        let inner = frame(rect, title: "Who is acting?", into: &grid, theme: theme)
        grid.put("Every action is recorded with your name and the party you act for.", x: inner.x, y: inner.y,
                 style: theme.muted, maxWidth: inner.width)
        grid.put("Name", x: inner.x, y: inner.y + 2, style: form.focus == 0 ? theme.accent : theme.normal)
        FieldView.draw(form.name, x: inner.x + 8, y: inner.y + 2, width: inner.width - 8, style: theme.input,
                       cursorStyle: form.focus == 0 ? theme.selected : nil, into: &grid)
        grid.put("Party", x: inner.x, y: inner.y + 4, style: form.focus == 1 ? theme.accent : theme.normal)
        grid.putPadded(form.filter.text.isEmpty ? "(type to filter)" : form.filter.text, x: inner.x + 8, y: inner.y + 4,
                       width: inner.width - 8, style: form.filter.text.isEmpty ? theme.muted : theme.input)
        let parties = form.visibleParties
        let height = inner.height - 6
        let top = max(0, form.selected - height + 1)
        for (row, party) in parties.dropFirst(top).prefix(height).enumerated() {
            let selected = top + row == form.selected
            let style = selected ? (form.focus == 1 ? theme.selected : theme.normal.reversed()) : theme.normal
            grid.putPadded("\(party.name)  (\(party.id), \(party.kind.label), \(party.region))", x: inner.x + 2,
                           y: inner.y + 6 + row, width: inner.width - 2, style: style)
        }
    }
}
