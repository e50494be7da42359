/// One entry point for the command line and the UI: act on any record by action name.
public enum RecordActions {
    /// The result of an allowed action on any record.
    public struct Applied: Sendable {
        public var record: AnyRecord
        public var event: HistoryEntry
        public var created: [AnyRecord]

        public init(record: AnyRecord, event: HistoryEntry, created: [AnyRecord]) {
            self.record = record
            self.event = event
            self.created = created
        }
    }

    public static func specs(for kind: RecordKind) -> [ActionSpec] {
        switch kind {
        case .party: return [ConflictResolution.spec]
        case .solicitation: return SolicitationMachine.specs + [ConflictResolution.spec]
        case .contract: return ContractMachine.specs + [ConflictResolution.spec]
        case .addendum: return AddendumMachine.specs + [ConflictResolution.spec]
        }
    }

    /// What can happen next to `record`, allowed or with the reason it is not.
    public static func available(on record: AnyRecord, in context: ActionContext) -> [ActionAvailability] {
        // Resolving is offered only while there is something to decide.
        let resolve = record.record.conflict == nil ? [] : [ActionAvailability(spec: ConflictResolution.spec,
                                                                                refusal: ConflictResolution.precheck(on: record.record, in: context))]
        return machineActions(on: record, in: context) + resolve
    }

    static func machineActions(on record: AnyRecord, in context: ActionContext) -> [ActionAvailability] {
        switch record {
        case .party: return []
        case .solicitation(let value): return SolicitationMachine.actions(for: value, in: context)
        case .contract(let value): return ContractMachine.actions(for: value, in: context)
        case .addendum(let value): return AddendumMachine.actions(for: value, in: context)
        }
    }

    /// Parses `name` with `arguments` and applies it. Input errors are thrown; guards refuse.
    public static func perform(_ name: String, _ arguments: ActionArguments, on record: AnyRecord,
                               in context: ActionContext) throws(ActionInputError) -> Result<Applied, Refusal> {
        if name == ConflictResolution.name {
            if let stray = arguments.values.keys.sorted().first(where: { $0 != "keep" }) { throw .unexpected(stray, action: name) }
            return resolve(record, keep: arguments["keep"], in: context)
        }
        switch record {
        case .party:
            throw .unknownAction(name, kind: .party, known: [])
        case .solicitation(let value):
            return try SolicitationMachine.perform(name, arguments, on: value, in: context)
                .map { Applied(record: .solicitation($0.record), event: $0.event, created: $0.created) }
        case .contract(let value):
            return try ContractMachine.perform(name, arguments, on: value, in: context)
                .map { Applied(record: .contract($0.record), event: $0.event, created: $0.created) }
        case .addendum(let value):
            return try AddendumMachine.perform(name, arguments, on: value, in: context)
                .map { Applied(record: .addendum($0.record), event: $0.event, created: $0.created) }
        }
    }

    static func resolve(_ record: AnyRecord, keep: String?, in context: ActionContext) -> Result<Applied, Refusal> {
        switch record {
        case .party(let value): return ConflictResolution.apply(to: value, keep: keep, in: context).map { Applied(record: .party($0.record), event: $0.event, created: []) }
        case .solicitation(let value): return ConflictResolution.apply(to: value, keep: keep, in: context).map { Applied(record: .solicitation($0.record), event: $0.event, created: []) }
        case .contract(let value): return ConflictResolution.apply(to: value, keep: keep, in: context).map { Applied(record: .contract($0.record), event: $0.event, created: []) }
        case .addendum(let value): return ConflictResolution.apply(to: value, keep: keep, in: context).map { Applied(record: .addendum($0.record), event: $0.event, created: []) }
        }
    }
}
