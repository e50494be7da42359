import CobuyCore

/// Takes one action on a stored record: under the store's lock, reads the record, asks its
/// state machine, writes the result and any records it created. The command line and the UI
/// both go through here, so both get the same guards, conflicts and audit trail.
public enum ActionRunner {
    /// What can stop an action besides a store error.
    public enum Failure: Error, Sendable {
        case refused(Refusal)
        case invalidInput(ActionInputError)
        /// The officer's party is not in the store.
        /// The party acted for, and the question naming the parties it was probably meant to be.
        case unknownActingParty(String, didYouMean: String? = nil)
    }

    /// Applies `action` to record `id`. With `readAt`, the action was chosen looking at that
    /// revision, and a newer one on disk is a conflict rather than a silent overwrite.
    public static func perform(_ action: String, _ arguments: ActionArguments, on id: String, readAt: Int? = nil,
                               officer: Officer, now: Timestamp, note: String? = nil,
                               in store: Store) throws -> RecordActions.Applied {
        try store.transaction { transaction in
            let record = try transaction.load(id)
            let creates = RecordActions.specs(for: record.kind).first { $0.name == action }?.createsRecords ?? false
            let context = try context(transaction, officer: officer, now: now, note: note, needsIDs: creates)
            if let readAt, record.record.revision != readAt {
                throw StoreError.conflict(id: id, expectedRevision: readAt, foundRevision: record.record.revision)
            }
            let result: Result<RecordActions.Applied, Refusal>
            do {
                result = try RecordActions.perform(action, arguments, on: record, in: context)
            } catch let error as ActionInputError {
                throw Failure.invalidInput(error)
            }
            switch result {
            case .failure(let refusal):
                throw Failure.refused(refusal)
            case .success(let applied):
                // New records first: a crash in between leaves an orphan draft, never a record
                // that points at one that does not exist.
                for created in applied.created { try transaction.create(created) }
                let written = try transaction.update(applied.record, readAt: record.record.revision)
                return RecordActions.Applied(record: written, event: applied.event, created: applied.created)
            }
        }
    }

    /// Creates a record built by `make` from a context (new solicitation, addendum, party ...).
    public static func create<R: Record>(officer: Officer, now: Timestamp, note: String? = nil, requireKnownParty: Bool = true,
                                         in store: Store,
                                         _ make: (ActionContext) -> Result<R, Refusal>) throws -> R {
        try store.transaction { transaction in
            let context = try context(transaction, officer: officer, now: now, note: note, requireKnownParty: requireKnownParty)
            switch make(context) {
            case .failure(let refusal): throw Failure.refused(refusal)
            case .success(let record):
                let written = try transaction.create(AnyRecord(record))
                return (written.record as? R) ?? record
            }
        }
    }

    private static func context(_ transaction: StoreTransaction, officer: Officer, now: Timestamp, note: String?,
                                requireKnownParty: Bool = true, needsIDs: Bool = true) throws -> ActionContext {
        if requireKnownParty, transaction.lookup.party(officer.party) == nil {
            throw Failure.unknownActingParty(officer.party,
                                             didYouMean: DidYouMean.question(officer.party, among: transaction.lookup.knownParties()))
        }
        return ActionContext(now: now, officer: officer, note: note, lookup: transaction.lookup,
                             ids: needsIDs ? transaction.ids : IDPool(existing: []))
    }
}

extension ActionRunner.Failure: CustomStringConvertible {
    public var description: String {
        switch self {
        case .refused(let refusal): return refusal.description
        case .invalidInput(let error): return error.description
        case let .unknownActingParty(party, didYouMean):
            return "You act for \(party), but there is no such party in the store" + (didYouMean.map { ". \($0) Check --for or COBUY_PARTY." }
                ?? "; check --for or COBUY_PARTY.")
        }
    }
}
