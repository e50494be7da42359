import CobuyCore
import CobuyStore
import Foundation

/// What every command that touches the store needs: the environment, the store and the clock.
struct CommandSession {
    let environment: CobuyEnvironment
    let store: Store
    let now: Timestamp

    init(_ storeOptions: StoreOptions, environment: CobuyEnvironment = CobuyEnvironment()) throws {
        self.environment = environment
        store = try storeOptions.open(environment)
        now = try environment.now(in: store)
    }

    var today: CalendarDate { now.date }

    /// A read-only context (for `actions` and the checklist): nobody acting when no officer is known.
    func readContext(officer: Officer?) -> ActionContext {
        ActionContext(now: now, officer: officer ?? Officer(name: "", party: ""), lookup: StoreLookup(store: store),
                      ids: IDPool(existing: []))
    }

    /// Every readable record of a kind in the store's folders (parties also from imported
    /// catalogs, through the index); unreadable files are reported on stderr and skipped.
    func loadAll(_ kind: RecordKind) -> [AnyRecord] {
        let loaded = store.loadLocal(kind)
        for problem in loaded.problems { reportSkipped(problem) }
        guard kind == .party, let index = refreshedIndex() else { return loaded.records }
        let local = Set(loaded.records.map(\.id))
        return loaded.records + index.catalogParties().filter { !local.contains($0.id) }.map(AnyRecord.party)
    }

    /// The store's own records plus the imported contracts its addenda use; problems on stderr.
    func loadWorkingSet() -> [AnyRecord] {
        let loaded = store.loadWorkingSet(index: refreshedIndex())
        for problem in loaded.problems { reportSkipped(problem) }
        return loaded.records
    }

    /// Says on stderr that a file was skipped; one that could not be read at all makes the
    /// command end with status 1 (what it showed is incomplete).
    func reportSkipped(_ problem: StoreProblem) {
        printError("skipped \(problem.description)")
        if problem.isUnreadable { StandardOutput.missedUnreadable = true }
    }

    /// Reports the store's folders that cannot be read (for commands that list through the
    /// catalog index, which would otherwise see an unreadable folder as an empty one).
    func reportUnreadableFolders() {
        for problem in store.unreadableFolders() { reportSkipped(problem) }
    }

    /// The catalog index, brought up to date (saying so when a catalog has to be re-read).
    func refreshedIndex() -> CatalogIndex? {
        guard let index = store.catalogIndex() else { return nil }
        // On a terminal, one line counting up; in a log, one line a catalog.
        let interactive = isatty(STDERR_FILENO) == 1
        var announced: Set<String> = []
        _ = try? index.refresh(progress: { progress in
            guard progress.source != "local" else { return }
            let first = announced.insert(progress.source).inserted
            if interactive {
                Importing.progress(progress.description)
            } else if first {
                printError("indexing catalog \(progress.source)…")
            }
        })
        if interactive, !announced.isEmpty { Importing.progress("") }
        return index
    }
}
