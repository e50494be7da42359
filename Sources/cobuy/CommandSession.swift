import CobuyCore
import CobuyStore

/// What every command that touches the store needs: the environment, the store and the clock.
struct CommandSession {
    let environment: CobuyEnvironment
    let store: Store
    let now: Timestamp

    init(_ storeOptions: StoreOptions, environment: CobuyEnvironment = CobuyEnvironment()) throws {
        self.environment = environment
        store = try storeOptions.open(environment)
        now = try environment.now()
    }

    var today: CalendarDate { now.date }

    /// A read-only context (for `actions` and the checklist): nobody acting when no officer is known.
    func readContext(officer: Officer?) -> ActionContext {
        ActionContext(now: now, officer: officer ?? Officer(name: "", party: ""), lookup: StoreLookup(store: store),
                      ids: IDPool(existing: []))
    }

    /// Every readable record of a kind; unreadable files are reported on stderr and skipped.
    func loadAll(_ kind: RecordKind) -> [AnyRecord] {
        let loaded = store.loadAll(kind)
        for problem in loaded.problems {
            printError("skipped \(problem.description)")
        }
        return loaded.records
    }
}
