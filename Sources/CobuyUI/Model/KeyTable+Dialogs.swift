import CobuyTerminal

/// The keys of the dialogs, the palette, forms and the search line: the same table drives
/// their hint bar and the help F1 shows over them (their handlers are in AppState+Dialogs,
/// +Forms, +Palette and +Search).
extension KeyTable {
    public enum Dialog: Sendable, Equatable {
        case form, confirm, palette, export, identity, search, goTo, reader
    }

    static let editing = KeyBinding([], "Ctrl-A/E/K/U/W", "Edit the text: start, end, kill to end, kill to start, delete a word", .open,
                                    hint: "edit")
    static let dialogHelp = KeyBinding([.function(1)], "F1", "These keys", .help, hint: "help")

    public static func bindings(for dialog: Dialog) -> [KeyBinding] {
        switch dialog {
        case .form:
            return [
                KeyBinding([.enter], "Enter", "Submit (a reference field takes its best suggestion first)", .open, hint: "submit"),
                KeyBinding([.tab, .down], "Tab/↓", "Next field", .nextPane, hint: "next field"),
                KeyBinding([.backTab, .up], "Shift-Tab/↑", "Previous field", .previousPane),
                KeyBinding([.character(" "), .left, .right], "Space/←/→", "Change a choice, toggle a switch", .sortNext),
                KeyBinding([.ctrl("o"), .function(2)], "Ctrl-O", "Write the field in $EDITOR (long or multi-line text)", .externalEditor,
                           hint: "editor"),
                KeyBinding([.escape], "Esc", "Cancel (asks when something was typed)", .back, hint: "cancel"),
                editing, dialogHelp,
            ]
        case .confirm:
            return [KeyBinding([.character("y"), .enter], "y", "Yes", .open, hint: "yes"),
                    KeyBinding([.character("n"), .escape], "n/Esc", "No", .back, hint: "no")]
        case .palette:
            return [
                KeyBinding([.enter], "Enter", "Run the highlighted command", .open, hint: "run"),
                KeyBinding([.down, .up, .tab, .ctrl("n"), .ctrl("p")], "↑/↓", "Choose", .moveDown, hint: "choose"),
                KeyBinding([.escape], "Esc", "Close", .back, hint: "close"),
                KeyBinding([], "type", "Filter: new solicitation, invite, sign… (names start first)", .search),
                editing, dialogHelp,
            ]
        case .export:
            return [KeyBinding([.enter], "Enter", "Write the file (never replaces one); ~ is home, a bare name goes in the export folder",
                               .open, hint: "write"),
                    KeyBinding([.tab], "Tab", "Next format (md, docx, txt)", .nextPane, hint: "format"),
                    KeyBinding([.character("y")], "y/n", "Create the missing folder, or not (when asked)", .open),
                    KeyBinding([.escape], "Esc", "Cancel", .back, hint: "cancel"), editing, dialogHelp]
        case .identity:
            return [KeyBinding([.tab], "Tab", "Name / party", .nextPane, hint: "name / party"),
                    KeyBinding([.down, .up], "↑/↓", "Choose the party", .moveDown),
                    KeyBinding([.enter], "Enter", "Act as the highlighted party", .open, hint: "confirm"),
                    KeyBinding([], "type", "Filter the parties (on the list) or edit the name", .search),
                    KeyBinding([.escape], "Esc", "Close (browse read-only on first launch)", .back, hint: "close"), dialogHelp]
        case .goTo:
            return [KeyBinding([.enter], "Enter", "Open the highlighted record", .open, hint: "open"),
                    KeyBinding([.down, .up, .tab, .ctrl("n"), .ctrl("p")], "↑/↓", "Choose", .moveDown, hint: "choose"),
                    KeyBinding([.escape], "Esc", "Close", .back, hint: "close"),
                    KeyBinding([], "type", "Filter by id or title (accents and case ignored)", .search),
                    editing, dialogHelp]
        case .reader:
            return [KeyBinding([.character("j"), .down], "j/↓", "Scroll down", .moveDown, hint: "scroll"),
                    KeyBinding([.character("k"), .up], "k/↑", "Scroll up", .moveUp),
                    KeyBinding([.pageDown, .character(" "), .ctrl("d")], "PgDn/Space", "Page down", .pageDown),
                    KeyBinding([.pageUp, .ctrl("u")], "PgUp", "Page up", .pageUp),
                    KeyBinding([.character("g"), .home], "g/Home", "Top", .top),
                    KeyBinding([.escape, .enter, .character("q"), .character("v")], "Esc/Enter", "Close", .back, hint: "close"),
                    dialogHelp]
        case .search:
            return [KeyBinding([.enter], "Enter", "Keep the search", .open, hint: "keep search"),
                    KeyBinding([.escape], "Esc", "Undo the search", .back, hint: "undo search"),
                    KeyBinding([.up], "↑", "An earlier search", .moveUp, hint: "earlier"),
                    KeyBinding([.down], "↓", "Move down the list", .moveDown), editing]
        }
    }
}
