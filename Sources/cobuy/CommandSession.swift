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

    /// Runs an action-taking body under the store's lock with a context for `officer`.
    /// The officer's party must exist, unless `allowUnknownParty` (creating parties needs none).
    func write<T>(as officer: Officer, note: String? = nil, allowUnknownParty: Bool = false,
                  _ body: (StoreTransaction, ActionContext) throws -> T) throws -> T {
        try store.transaction { transaction in
            if !allowUnknownParty, transaction.lookup.party(officer.party) == nil {
                throw CLIError.failed("You act for \(officer.party), but there is no such party in the store; check --for or COBUY_PARTY.")
            }
            let context = ActionContext(now: now, officer: officer, note: note, lookup: transaction.lookup, ids: transaction.ids)
            return try body(transaction, context)
        }
    }

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
