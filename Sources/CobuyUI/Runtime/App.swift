import CobuyCore
import CobuyDocs
import CobuyStore
import CobuySync
import CobuyTerminal
import Foundation

/// Runs the UI: reads input, feeds messages to ``AppState/update(_:)``, carries out the
/// effects it returns, and draws ``View/render(_:theme:)`` through the terminal backend.
public final class App {
    private let store: Store
    private let environment: CobuyEnvironment
    private let terminal: any TerminalBackend
    private let theme: Theme
    private let log: UILog
    /// Template folders for addendum drafts: the officer's own, then the bundled one.
    private let templateFolders: (user: String?, bundled: String?)
    public private(set) var state: AppState
    /// Exit status to return (0, or 128 + signal when interrupted).
    public private(set) var exitStatus: Int32 = 0
    /// The catalog index (nil if it cannot be opened: lists then show the store's own contracts).
    private let catalog: CatalogIndex?
    private var indexing: IndexingJob?
    /// Changes to the store's files made by anyone else.
    private let watcher: StoreWatcher

    public init(store: Store, environment: CobuyEnvironment, terminal: any TerminalBackend, theme: Theme,
                officer: Officer?, now: Timestamp, bundledTemplates: String? = nil) {
        self.store = store
        templateFolders = (environment.templatesFolder, bundledTemplates)
        self.environment = environment
        self.terminal = terminal
        self.theme = theme
        log = UILog(folder: environment.stateFolder)
        let size = terminal.size
        watcher = StoreWatcher(folders: [store.root, store.catalogFolder] + RecordKind.allCases.map(store.folder))
        let catalog = store.catalogIndex()
        self.catalog = catalog
        // The store's own files are re-read at once (milliseconds); a changed catalog file,
        // possibly hundreds of megabytes, in the background.
        let stale = catalog?.staleSources() ?? []
        if stale == ["local"] { _ = try? catalog?.refresh() }
        // Searches as the officer types touch index pages all over the file: have the system read
        // it into memory now, in the background, rather than a page at a time on keystrokes.
        catalog?.prefetch()
        let snapshot = StoreSnapshot.load(from: store, today: now.date, catalog: catalog)
        state = AppState(snapshot: snapshot, now: now, officer: officer, storeName: store.root, width: size.width, height: size.height)
        state.exportFolder = ExportFolder.abbreviated(ExportFolder.resolve(environment).path, home: environment.home)
        if let catalog, !stale.isEmpty, stale != ["local"] {
            indexing = IndexingJob(index: catalog)
            state.indexing = indexing?.progress
        }
        for problem in snapshot.problems { log.write("skipped \(problem.description)") }
        if !snapshot.problems.isEmpty {
            state.message = .error("\(snapshot.problems.count) file(s) could not be read and were skipped; run cobuy validate. First: \(snapshot.problems[0].description)")
        }
    }

    /// The main loop; returns when the officer quits or a signal asks to stop.
    @discardableResult
    public func run() -> Int32 {
        terminal.draw(View.render(state, theme: theme))
        while state.isRunning {
            // Poll often while indexing runs, to show its progress and its end.
            let event = terminal.nextEvent(timeoutMilliseconds: indexing == nil ? 500 : 100)
            let indexingChanged = pollIndexing()
            let storeChanged = pollStore()
            guard let event else {
                // Progress, the end of the indexing and the reload after it, or a change by
                // someone else shows at once.
                if indexingChanged || storeChanged { terminal.draw(View.render(state, theme: theme)) }
                continue
            }
            handle(event)
            // A paste arrives as one key per character: take every input already waiting
            // before drawing, so 3000 pasted characters cost one frame, not 3000. While input
            // keeps streaming in, a frame is still drawn every `frameInterval`.
            let started = ContinuousClock.now
            while state.isRunning, ContinuousClock.now - started < frameInterval,
                  let waiting = terminal.nextEvent(timeoutMilliseconds: 0) {
                handle(waiting)
            }
            if state.isRunning { terminal.draw(View.render(state, theme: theme)) }
        }
        terminal.restore()
        return exitStatus
    }

    /// The longest the screen goes undrawn while input keeps arriving.
    public var frameInterval: Duration = .milliseconds(50)

    private func handle(_ event: InputEvent) {
        switch event {
        case .key(let key): dispatch(.key(key))
        case .mouse(let mouse): dispatch(.mouse(mouse))
        case let .resize(width, height): dispatch(.resize(width: width, height: height))
        case .interrupt(let signal):
            log.write("stopping on signal \(signal)")
            exitStatus = 128 + signal
            state.isRunning = false
        }
    }

    /// Feeds one message and every message its effects produce.
    public func dispatch(_ message: Message) {
        var pending = state.update(message)
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            for result in execute(effect) { pending += state.update(result) }
        }
    }

    /// Reloads when someone else changed the store's files; whether it did.
    func pollStore() -> Bool {
        guard watcher.changed() else { return false }
        dispatch(.storeChanged)
        return true
    }

    /// Shows the background indexing's progress, and reloads once it has ended.
    /// Whether anything changed (so the screen needs drawing).
    @discardableResult
    private func pollIndexing() -> Bool {
        guard let job = indexing else { return false }
        guard let result = job.result else {
            guard state.indexing != job.progress else { return false }
            dispatch(.indexing(job.progress))
            return true
        }
        indexing = nil
        switch result {
        case .success(let report):
            log.write("indexed \(report.reindexed.joined(separator: ", ")) (\(report.contracts) contracts)\(job.isCancelled ? "; cancelled" : "")")
            dispatch(.indexed(job.isCancelled ? "Indexing cancelled; the catalog is searched as it was. r reloads and starts again."
                                              : "Catalog indexed: \(report.contracts) contracts."))
        case .failure(let error):
            log.write("indexing failed: \(error)")
            dispatch(.indexed("Indexing failed: \(error.description)"))
        }
        return true
    }

    private func now() -> Timestamp {
        (try? environment.now(in: store)) ?? state.now
    }

    private func reload() -> Message {
        // What changed up to now is read below: the watcher need not report it again.
        _ = watcher.changed()
        // The store's own contracts (an award's, one registered) are listed from the index:
        // bring it up to date with them now, not at the next Ctrl-R.
        if let catalog, indexing == nil, catalog.staleSources() == ["local"] { _ = try? catalog.refresh() }
        state.now = now()
        state.syncStatus = SyncStatus.text(for: store)
        return .loaded(StoreSnapshot.load(from: store, today: state.now.date, catalog: catalog))
    }

    private func execute(_ effect: Effect) -> [Message] {
        switch effect {
        case .reload:
            // A catalog changed on disk (an import from the shell, a git pull): index it in the
            // background; the store's own files are quick enough to read here.
            if let catalog, indexing == nil {
                let stale = catalog.staleSources()
                if stale == ["local"] {
                    _ = try? catalog.refresh()
                } else if !stale.isEmpty {
                    indexing = IndexingJob(index: catalog)
                    return [reload(), .indexing(indexing?.progress ?? "")]
                }
            }
            return [reload()]
        case .sync:
            do {
                let report = try Sync(shared: SharedStore(store: store)).run()
                let problems = report.rejected.prefix(2).map(\.description)
                let summary = ([report.summary] + problems).joined(separator: "; ")
                log.write("sync: \(summary)")
                return [reload(), report.rejected.isEmpty ? .synced(summary, needDecision: report.conflicts.map(\.id))
                                                          : .failed(summary, conflict: false)]
            } catch {
                return [.failed("sync: \(error)", conflict: false)]
            }
        case .cancelIndexing:
            indexing?.cancel()
            return []
        case .editExternally(let text):
            let environment = ProcessInfo.processInfo.environment
            guard let command = ExternalEditor.command(environment: environment, isExecutable: FileManager.default.isExecutableFile) else {
                return [.failed(ExternalEditor.Failure.noEditor.description, conflict: false)]
            }
            do {
                let edited = try terminal.withTerminalReleased { try ExternalEditor.edit(text, command: command) }
                return [.editedExternally(edited)]
            } catch {
                log.write("editor: \(error)")
                return [.failed("\(error)", conflict: false)]
            }
        case let .perform(recordID, action, arguments, revision):
            guard let officer = state.officer else { return [.failed("Nobody is acting: press o first.", conflict: false)] }
            do {
                let applied = try ActionRunner.perform(action, arguments, on: recordID, readAt: revision, officer: officer,
                                                       now: now(), in: store)
                let change = applied.event.from == applied.event.to ? "stays \(applied.event.to)" : "\(applied.event.from ?? "new") → \(applied.event.to)"
                log.write("\(officer.name) for \(officer.party): \(recordID) \(action) \(change)")
                return [reload(), .performed(recordID: recordID, action: action, summary: change, created: applied.created.map(\.id))]
            } catch {
                return [failure(error, recordID: recordID, action: action)]
            }
        case let .draftAddendum(contract, party):
            guard let officer = state.officer else { return [.failed("Nobody is acting: press o first.", conflict: false)] }
            do {
                let addendum = try ActionRunner.create(officer: officer, now: now(), in: store) { context in
                    AddendumMachine.draft(contract: contract, party: party, in: context)
                }
                log.write("\(officer.name) for \(officer.party): drafted \(addendum.id) on \(contract)")
                return [reload(), .drafted(addendumID: addendum.id)]
            } catch {
                return [failure(error, recordID: contract, action: "join")]
            }
        case let .create(kind, arguments):
            guard let officer = state.officer else { return [.failed("Nobody is acting: press o first.", conflict: false)] }
            do {
                let id = try create(kind, arguments, officer: officer)
                log.write("\(officer.name) for \(officer.party): \(kind.command) \(id)")
                return [reload(), .created(kind, id: id)]
            } catch {
                return [failure(error, recordID: kind.command, action: "create")]
            }
        case .saveOfficer(let officer):
            do {
                try environment.saveOfficer(officer)
            } catch {
                log.write("could not save the officer: \(error)")
                return [.officerSaved(officer), .failed("Acting as \(officer.name) for this session; could not save it: \(error)", conflict: false)]
            }
            return [.officerSaved(officer)]
        case .quit:
            state.isRunning = false
            return []
        case .renderDraft(let id):
            do {
                let (exporter, draft) = try draftSource(id)
                return [.draftRendered(addendumID: id, lines: DraftDocument(markdown: exporter.markdown(draft)).plainText
                    .split(separator: "\n", omittingEmptySubsequences: false).map(String.init))]
            } catch {
                return [.draftRendered(addendumID: id, lines: ["The draft cannot be rendered: \(error)"])]
            }
        case let .exportDraft(id, format, path, creatingFolders):
            // `~` is the home folder; a relative name is in the export folder (the folder the
            // UI was started from is invisible to the officer, so it is never used).
            let folder = ExportFolder.resolve(environment).path
            let absolute = ExportFile.expand(path, home: environment.home, currentFolder: folder)
            do {
                let (exporter, draft) = try draftSource(id)
                let data = try exporter.render(draft, as: AddendumExporter.Format(rawValue: format) ?? .md)
                try ExportFile.write(data, to: absolute, replacing: false, creatingFolders: creatingFolders)
                log.write("exported \(id) as \(format) to \(absolute)")
                return [.exported(path: ExportFolder.abbreviated(absolute, home: environment.home))]
            } catch ExportFile.Refusal.noFolder {
                return [.exportFolderMissing(ExportFolder.abbreviated((absolute as NSString).deletingLastPathComponent, home: environment.home))]
            } catch let refusal as ExportFile.Refusal {
                return [.failed("\(refusal) Choose another name (nothing is ever overwritten from here).", conflict: false)]
            } catch {
                return [.failed("Could not write \(ExportFolder.abbreviated(absolute, home: environment.home)): \(error)", conflict: false)]
            }
        }
    }

    /// Writes a `new …` form's record: the same check the form made, inside the store's
    /// transaction (with fresh ids). Anyone may record a party, as on the command line.
    private func create(_ kind: NewRecord, _ arguments: ActionArguments, officer: Officer) throws -> String {
        func write<R: Record>(_ extract: @escaping @Sendable (AnyRecord) -> R?) throws -> String {
            try ActionRunner.create(officer: officer, now: now(), requireKnownParty: kind != .party, in: store) { context in
                kind.make(arguments, in: context).flatMap { record in
                    extract(record).map { .success($0) } ?? .failure(Refusal("kind", "\(kind.command) made another kind of record."))
                }
            }.id
        }
        switch kind {
        case .solicitation: return try write { if case .solicitation(let value) = $0 { value } else { nil } }
        case .party: return try write { if case .party(let value) = $0 { value } else { nil } }
        case .contract: return try write { if case .contract(let value) = $0 { value } else { nil } }
        case .addendum: return try write { if case .addendum(let value) = $0 { value } else { nil } }
        }
    }

    /// The exporter (templates read afresh, so edits to a user template show at once) and the
    /// addendum's draft values from the snapshot.
    private func draftSource(_ id: String) throws -> (AddendumExporter, AddendumDraft) {
        guard case .addendum(let addendum)? = state.snapshot.record(id) else { throw StoreError.notFound(kind: .addendum, id: id) }
        let exporter = try AddendumExporter(userTemplates: templateFolders.user, bundledTemplates: templateFolders.bundled)
        return (exporter, AddendumDraft(addendum: addendum, lookup: state.snapshot.lookup, today: state.today))
    }

    private func failure(_ error: any Error, recordID: String, action: String) -> Message {
        log.write("\(recordID) \(action) failed: \(error)")
        switch error {
        case let failure as ActionRunner.Failure:
            return .failed("\(action) refused: \(failure.description)", conflict: false)
        case let storeError as StoreError:
            if case .conflict = storeError {
                return .failed("\(storeError.description) The store was reloaded.", conflict: true)
            }
            return .failed(storeError.description, conflict: false)
        default:
            return .failed("\(error)", conflict: false)
        }
    }
}

/// Appends to `$XDG_STATE_HOME/cobuy/cobuy.log`: store errors go there and to the message
/// line, never to the screen's raw output.
final class UILog {
    private let path: String

    init(folder: String) {
        path = "\(folder)/cobuy.log"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func write(_ line: String) {
        let stamp = Timestamp(secondsSinceEpoch: Int(Date().timeIntervalSince1970)).description
        guard let data = "\(stamp) \(line)\n".data(using: .utf8) else { return }
        if let handle = FileHandle(forWritingAtPath: path) {
            handle.seekToEndOfFile()
            handle.write(data)
            try? handle.close()
        } else {
            FileManager.default.createFile(atPath: path, contents: data)
        }
    }
}
