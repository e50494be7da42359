import CobuyCore
import CobuyDocs

/// The one value the UI is: everything on screen follows from it (Elm architecture). Only
/// ``AppState/update(_:)`` changes it.
public struct AppState: Sendable {
    public enum Tab: Int, CaseIterable, Sendable {
        case dashboard, solicitations, contracts, addenda, parties

        public var title: String {
            switch self {
            case .dashboard: return "Dashboard"
            case .solicitations: return "Solicitations"
            case .contracts: return "Contracts"
            case .addenda: return "Addenda"
            case .parties: return "Parties"
            }
        }

        public var kind: RecordKind? {
            switch self {
            case .dashboard: return nil
            case .solicitations: return .solicitation
            case .contracts: return .contract
            case .addenda: return .addendum
            case .parties: return .party
            }
        }
    }

    public var snapshot: StoreSnapshot
    public var now: Timestamp
    /// In a store shared through git: "3 changes to sync", "2 behind", "synced"; nil otherwise.
    public var syncStatus: String?
    public var officer: Officer?
    public var storeName: String
    public var tab: Tab = .dashboard
    public var lists: [RecordKind: RecordList]
    /// Selected entry on the dashboard, across its three sections.
    public var dashboardSelection = 0
    /// The record opened full screen, if any.
    public var opened: RecordView?
    public var modal: Modal?
    /// The dialog F1 showed help over, to return to.
    public var helpOver: Modal?
    /// How far help is scrolled, when its keys are more than the screen holds.
    public var helpScroll = 0
    /// The list search being typed (`/`), with the query it replaces on Esc.
    public var search: SearchInput?
    /// Searches kept with Enter, oldest first (↑ in a search recalls them).
    public var searchHistory: [String] = []
    public var message: StatusMessage?
    public var width: Int
    public var height: Int
    /// Contracts the officer's party may join today (for the filter and the list's marks).
    public var joinable: Set<String> = []
    public var isRunning = true
    /// The rendered draft of the opened addendum (its id and lines), once asked for.
    public var draftPreview: (id: String, lines: [String])?
    /// Where exports go by default (empty: the folder Cobuy was started in).
    /// Where drafts are exported by default, as shown (`~/Documents`); the runtime sets it.
    public var exportFolder = ""
    /// What the background indexing of a catalog is doing, while it runs (Esc stops it).
    public var indexing: String?
    /// Where the officer was before following a link or jumping to a record (Esc goes back).
    public var navigation = NavigationHistory()
    /// What waits for the acting party (the dashboard's first section), from the core.
    public var myWork: [WorkItem] = []

    public init(snapshot: StoreSnapshot, now: Timestamp, officer: Officer?, storeName: String, width: Int, height: Int) {
        self.snapshot = snapshot
        self.now = now
        self.officer = officer
        self.storeName = storeName
        self.width = width
        self.height = height
        var lists: [RecordKind: RecordList] = [:]
        for kind in RecordKind.allCases { lists[kind] = RecordList(kind: kind) }
        self.lists = lists
        if officer == nil || snapshot.directory.party(officer?.party ?? "") == nil {
            modal = .identity(identityForm())
        }
        refreshDerived()
    }

    public var today: CalendarDate { now.date }

    /// Recomputes what depends on the snapshot: joinable contracts and every list's rows.
    mutating func refreshDerived() {
        joinable = []
        if let officer, let party = snapshot.directory.party(officer.party) {
            for contract in snapshot.directory.contracts.values {
                let checklist = Joinability.evaluate(contract: contract, party: party, today: today,
                                                     addenda: snapshot.directory.addenda(onContract: contract.id))
                if checklist.isJoinable { joinable.insert(contract.id) }
            }
        }
        for kind in RecordKind.allCases { refreshList(kind, keepingSelection: true) }
        refreshMyWork()
    }

    /// A context for asking the machines what is allowed, from the snapshot (no disk).
    public var context: ActionContext {
        ActionContext(now: now, officer: officer ?? Officer(name: "", party: ""), lookup: snapshot.lookup,
                      ids: IDPool(existing: []))
    }

    /// The dashboard's entries in display order.
    public var dashboardEntries: [Dashboard.Entry] {
        myWorkEntries + snapshot.dashboard.needsDecision + snapshot.dashboard.closingSolicitations + snapshot.dashboard.expiringContracts
            + snapshot.dashboard.addendaAwaiting
    }

    public var currentList: RecordList? {
        tab.kind.flatMap { lists[$0] }
    }

    /// The record under the cursor on the current screen.
    public var selectedRecordID: String? {
        if let opened { return opened.id }
        switch tab {
        case .dashboard:
            let entries = dashboardEntries
            return entries.indices.contains(dashboardSelection) ? entries[dashboardSelection].id : nil
        case .solicitations, .contracts, .addenda, .parties:
            guard let kind = tab.kind, let list = lists[kind] else { return nil }
            return list.row(at: list.selected, in: snapshot.rows[kind] ?? [])?.id
        }
    }
}

/// A record opened full screen: its details, actions and audit trail.
public struct RecordView: Sendable, Equatable {
    public enum Pane: Int, CaseIterable, Sendable {
        case details, actions, history, draft
        /// The records this one refers to (and that refer to it), to follow.
        case links
        public var title: String {
            switch self {
            case .details: return "Details"
            case .links: return "Links"
            case .actions: return "Actions"
            case .history: return "Audit trail"
            case .draft: return "Draft"
            }
        }

        /// The panes a record of `kind` has: addenda also preview their draft.
        public static func panes(for kind: RecordKind) -> [Pane] {
            kind == .addendum ? [.details, .links, .actions, .history, .draft] : [.details, .links, .actions, .history]
        }
    }

    public var id: String
    public var pane: Pane = .actions
    public var detailScroll = 0
    public var historyScroll = 0
    public var selectedAction = 0
    public var draftScroll = 0
    public var selectedLink = 0

    public init(id: String) {
        self.id = id
    }
}

/// Dialogs on top of the screen.
public enum Modal: Sendable, Equatable {
    case form(ActionForm)
    case confirm(Confirmation)
    case palette(Palette)
    case help
    case identity(IdentityForm)
    /// Quit with unsaved input? (y/n)
    case confirmQuit
    /// Esc on a form with input: throw it away? (y/n; n goes back to the form)
    case confirmDiscard(ActionForm)
    /// Where to write an addendum draft, and in which format.
    case export(ExportPrompt)
    /// Jump to any record by its id (`#`).
    case goTo(RecordPicker)
    /// Long text read in full (`v`, Enter on a refused action).
    case reader(Reader)
}

/// `x` on an addendum: the file name (pre-filled, sanitised, in the export folder) and the
/// format; a relative name goes in the export folder, `~` is the home folder.
public struct ExportPrompt: Sendable, Equatable {
    public static let formats = ["md", "docx", "txt"]
    public var addendumID: String
    public var participant: String
    public var format = "md"
    public var path: TextField
    /// The export folder as the officer reads it (`~/Documents`).
    public var folder: String
    public var error: String?
    /// Set when the file's folder does not exist: "create it?" (y/n).
    public var missingFolder: String?

    public init(addendumID: String, participant: String, folder: String) {
        self.addendumID = addendumID
        self.participant = participant
        self.folder = folder
        let name = AddendumDraft.fileName(addendum: addendumID, participant: participant, extension: "md")
        path = TextField(folder.isEmpty ? name : (folder.hasSuffix("/") ? folder + name : folder + "/" + name))
    }

    /// Tab cycles the format, keeping the file name's extension in step.
    public mutating func nextFormat() {
        let old = format
        format = Self.formats[((Self.formats.firstIndex(of: format) ?? 0) + 1) % Self.formats.count]
        let text = path.text
        if text.hasSuffix("." + old) { path = TextField(String(text.dropLast(old.count)) + format) }
    }
}

/// "Publish SOL-2026-0003? This cannot be undone."
public struct Confirmation: Sendable, Equatable {
    public var question: String
    public var effect: Effect
    /// The form the question came from: n or Esc goes back to it with what was typed.
    public var form: ActionForm?
}

/// The list search being typed.
public struct SearchInput: Sendable, Equatable {
    public var field: TextField
    public var previous: String
    /// Which earlier search ↑ brought back (an index into the history).
    public var recalled: Int?
}

public struct StatusMessage: Sendable, Equatable {
    public enum Kind: Sendable { case info, success, error }
    public var text: String
    public var kind: Kind

    public static func info(_ text: String) -> StatusMessage { StatusMessage(text: text, kind: .info) }
    public static func success(_ text: String) -> StatusMessage { StatusMessage(text: text, kind: .success) }
    public static func error(_ text: String) -> StatusMessage { StatusMessage(text: text, kind: .error) }
}

/// The `:` command palette: every action and command by name, filtered as typed.
public struct Palette: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var detail: String
        public var command: PaletteCommand
        /// Folded once, when the palette opens: typing only compares.
        let foldedName: String
        let foldedText: String

        public init(name: String, detail: String, command: PaletteCommand) {
            self.name = name
            self.detail = detail
            self.command = command
            foldedName = RecordSummary.fold(name)
            foldedText = RecordSummary.fold("\(name) \(detail)")
        }
    }

    /// Typed text longer than this matches no command (a paste, not a name): it is not folded
    /// and compared again at each key.
    static let longestQuery = 200

    public private(set) var query = TextField()
    public let entries: [Entry]
    public var selected = 0
    /// The entries holding every typed word, filtered once per edit (not at each frame).
    public private(set) var matches: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
        matches = entries
    }

    /// Changes the typed text and filters again.
    public mutating func edit(_ edit: TextField.Edit) {
        query.apply(edit)
        selected = 0
        matches = Self.filter(entries, typed: query)
    }

    /// Entries holding every typed word; those whose name starts with what is typed first, so
    /// `new solicitation` or `invite` then Enter runs that command.
    static func filter(_ entries: [Entry], typed field: TextField) -> [Entry] {
        guard field.characters.count <= longestQuery else { return [] }
        let typed = RecordSummary.fold(field.text).trimmingSpaces
        let words = typed.split(separator: " ")
        guard !words.isEmpty else { return entries }
        let found = entries.filter { entry in words.allSatisfy { entry.foldedText.contains($0) } }
        return found.filter { $0.foldedName.hasPrefix(typed) } + found.filter { !$0.foldedName.hasPrefix(typed) }
    }
}

public enum PaletteCommand: Sendable, Equatable {
    case action(recordID: String, name: String)
    case tab(AppState.Tab)
    case reload
    case help
    case quit
    case changeOfficer
    case joinContract(String)
    case new(NewRecord)
    case sync
    /// Open the picker over every record id.
    case goTo
}
