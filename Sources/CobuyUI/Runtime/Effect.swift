import CobuyCore
import CobuyTerminal

/// Work the update asks for that touches the world; its result comes back as a ``Message``.
public enum Effect: Sendable, Equatable {
    /// Read the store again.
    case reload
    /// Take an action on a record read at `revision`.
    case perform(recordID: String, action: String, arguments: ActionArguments, revision: Int)
    /// Draft a participating addendum for `party` on `contract`.
    case draftAddendum(contract: String, party: String)
    /// Create a record from a `new …` form.
    case create(NewRecord, arguments: ActionArguments)
    /// Remember who the officer is.
    case saveOfficer(Officer)
    case quit
    /// Render the addendum's draft for the preview pane.
    case renderDraft(addendumID: String)
    /// Stop the background indexing of a catalog.
    case cancelIndexing
    /// Write the addendum's draft to a file.
    case exportDraft(addendumID: String, format: String, path: String, creatingFolders: Bool)
    /// Commit, fetch, merge and push a store shared through git.
    case sync
    /// Write `text` in the officer's `$EDITOR`; the saved text comes back as ``Message/editedExternally(_:)``.
    case editExternally(text: String)
}

/// Everything that happens to the UI: keys, resizes and the results of effects.
public enum Message: Sendable {
    case key(Key)
    /// The store's files changed behind the UI (another process, a `git pull`).
    case storeChanged
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    case loaded(StoreSnapshot)
    case performed(recordID: String, action: String, summary: String, created: [String])
    case drafted(addendumID: String)
    /// A `new …` form's record was written.
    case created(NewRecord, id: String)
    /// An action or a store operation failed; the text is one line for the message bar.
    case failed(String, conflict: Bool)
    case officerSaved(Officer)
    case draftRendered(addendumID: String, lines: [String])
    case exported(path: String)
    /// An export's folder does not exist: the dialog asks before creating it.
    case exportFolderMissing(String)
    /// The background indexing's progress.
    case indexing(String)
    /// The background indexing ended (how, in one line); the store is reloaded.
    case indexed(String)
    /// A sync ended: its one-line result, and the records that need a decision.
    case synced(String, needDecision: [String])
    /// The text saved in `$EDITOR`, for the form's focused field.
    case editedExternally(String)
}
