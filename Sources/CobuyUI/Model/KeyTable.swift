import CobuyTerminal

/// What a key does, independent of which key it is.
public enum Command: Sendable, Equatable {
    case moveDown, moveUp, pageDown, pageUp, top, bottom
    case open, back, nextPane, previousPane
    case tab(AppState.Tab)
    case search, newRecord
    case actions, edit, export, join
    case sortNext, sortReverse
    case filterStatus, filterJoinable, filterExpiring, clearFilters
    case help, palette, reload, quit, changeOfficer
    /// Send this clone's work to the other members and receive theirs (a shared store).
    case sync
    /// The Links pane of the opened record; the picker over every record id.
    case links, goTo
    /// Read in full what a line cut: the message, the Next step, the highlighted action.
    case readInFull
    /// Write the focused text field in `$EDITOR`.
    case externalEditor
}

/// One entry of a key table: the keys, how help writes them, what they do.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var label: String
    public var help: String
    public var command: Command
    /// The hint bar's word for it (`open`, `search`); empty when it stays out of the hint bar
    /// (it is still in `?` help).
    public var hint: String

    public init(_ keys: [Key], _ label: String, _ help: String, _ command: Command, hint: String = "") {
        self.keys = keys
        self.label = label
        self.help = help
        self.command = command
        self.hint = hint
    }
}

/// The key tables. One table per screen drives the handler, the hint bar and the `?` help
/// overlay, so they cannot drift apart.
public enum KeyTable {
    public enum Screen: Sendable, Equatable {
        case dashboard
        case list(contracts: Bool)
        case record(contract: Bool, addendum: Bool)
    }

    static let movement: [KeyBinding] = [
        KeyBinding([.character("j"), .down], "j/↓", "Move down", .moveDown),
        KeyBinding([.character("k"), .up], "k/↑", "Move up", .moveUp),
        KeyBinding([.pageDown, .ctrl("d")], "PgDn/Ctrl-D", "Page down", .pageDown),
        KeyBinding([.pageUp, .ctrl("u")], "PgUp/Ctrl-U", "Page up", .pageUp),
        KeyBinding([.character("g"), .home], "g/Home", "First", .top),
        KeyBinding([.character("G"), .end], "G/End", "Last", .bottom),
    ]

    static let global: [KeyBinding] = [
        KeyBinding([.character("1")], "1", "Dashboard", .tab(.dashboard)),
        KeyBinding([.character("2")], "2", "Solicitations", .tab(.solicitations)),
        KeyBinding([.character("3")], "3", "Contracts", .tab(.contracts)),
        KeyBinding([.character("4")], "4", "Addenda", .tab(.addenda)),
        KeyBinding([.character("5")], "5", "Parties", .tab(.parties)),
        KeyBinding([.character(":")], ":", "Command palette: every action by name", .palette, hint: "commands"),
        KeyBinding([.character("?"), .function(1)], "?", "Help: every key", .help, hint: "help"),
        KeyBinding([.ctrl("r"), .function(5)], "Ctrl-R", "Reload the store from disk", .reload),
        KeyBinding([.ctrl("y"), .function(6)], "Ctrl-Y", "Sync with the other members (a shared store)", .sync),
        KeyBinding([.character("o")], "o", "Change the acting officer", .changeOfficer),
        KeyBinding([.character("q")], "q", "Quit (asks if a form has input)", .quit, hint: "quit"),
        KeyBinding([.character("#"), .ctrl("g")], "#", "Go to any record by its id (Ctrl-G too)", .goTo, hint: "go to"),
        // Last: where the hint bar is short, quitting and going to a record keep their place.
        KeyBinding([.character("v")], "v", "Read in full: the message, Next and the highlighted action (a cut line ends in “v: all”)",
                   .readInFull, hint: "read all"),
    ]

    public static func bindings(for screen: Screen) -> [KeyBinding] {
        switch screen {
        case .dashboard:
            return movement + [
                KeyBinding([.enter, .character("l"), .right], "Enter", "Open the record", .open, hint: "open"),
                KeyBinding([.character("a")], "a", "Actions on the record", .actions, hint: "actions"),
            ] + global
        case .list(let contracts):
            var table = movement + [
                KeyBinding([.enter, .character("l"), .right], "Enter", "Open the record", .open, hint: "open"),
                KeyBinding([.character("/")], "/", "Search as you type", .search, hint: "search"),
                KeyBinding([.character("n")], "n", "New record of this tab's kind (a form)", .newRecord, hint: "new"),
                KeyBinding([.character("s")], "s", "Sort by the next column", .sortNext, hint: "sort"),
                KeyBinding([.character("S")], "S", "Reverse the sort", .sortReverse),
                KeyBinding([.character("f")], "f", "Filter by status (cycles)", .filterStatus, hint: "filter"),
                KeyBinding([.character("c")], "c", "Clear search and filters", .clearFilters),
                KeyBinding([.character("a")], "a", "Actions on the selected record", .actions, hint: "actions"),
                KeyBinding([.escape], "Esc", "Clear the search", .back),
                KeyBinding([.character("x")], "x", "Export the selected addendum's draft", .export),
            ]
            if contracts {
                table += [
                    KeyBinding([.character("J")], "J", "Only contracts my party can join", .filterJoinable, hint: "joinable"),
                    KeyBinding([.character("E")], "E", "Only contracts expiring within 90 days", .filterExpiring),
                    KeyBinding([.character("+")], "+", "Join the selected contract (drafts an addendum)", .join),
                ]
            }
            return table + global
        case .record(let contract, let addendum):
            var table = movement + [
                KeyBinding([.enter], "Enter", "Take the selected action; on the Links pane, follow the link", .open, hint: "do"),
                KeyBinding([.tab], "Tab", "Next pane (details, actions, audit trail; draft on addenda)", .nextPane, hint: "pane"),
                KeyBinding([.backTab], "Shift-Tab", "Previous pane", .previousPane),
                KeyBinding([.character("a")], "a", "Actions pane", .actions),
                KeyBinding([.character("l")], "l", "Links pane: the records this one refers to (Enter follows)", .links, hint: "links"),
                KeyBinding([.escape, .character("h"), .left], "Esc", "Back: to the record you came from, else to the list", .back, hint: "back"),
            ]
            if contract { table.append(KeyBinding([.character("+")], "+", "Join this contract (drafts an addendum)", .join, hint: "join")) }
            if addendum {
                table.append(KeyBinding([.character("e")], "e", "Edit the draft", .edit, hint: "edit"))
                table.append(KeyBinding([.character("x")], "x", "Export the draft (Markdown, Word or text)", .export, hint: "export"))
            }
            return table + global
        }
    }

    /// The command a key means on a screen, if any.
    public static func command(for key: Key, on screen: Screen) -> Command? {
        bindings(for: screen).first { $0.keys.contains(key) }?.command
    }
}
