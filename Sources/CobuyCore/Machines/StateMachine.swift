/// A record's state machine: a pure function from (record, action, context) to either the new
/// record with its audit entry, or a refusal naming the guard that failed.
public protocol StateMachine {
    associatedtype Subject: Record
    associatedtype Action: Sendable

    static var specs: [ActionSpec] { get }
    static func parse(_ name: String, _ arguments: ActionArguments, currency: String) throws(ActionInputError) -> Action
    /// The guards that do not depend on the action's inputs: state, role and preconditions.
    static func precheck(_ name: String, on record: Subject, in context: ActionContext) -> Refusal?
    static func apply(_ action: Action, to record: Subject, in context: ActionContext) -> Result<Outcome<Subject>, Refusal>
}

extension StateMachine {
    /// Every action with whether it is allowed now and, if not, why.
    public static func actions(for record: Subject, in context: ActionContext) -> [ActionAvailability] {
        specs.map { ActionAvailability(spec: $0, refusal: precheck($0.name, on: record, in: context)) }
    }

    public static func spec(named name: String) -> ActionSpec? {
        specs.first { $0.name == name }
    }

    /// Parses after checking that every flag belongs to the action.
    public static func action(named name: String, _ arguments: ActionArguments, currency: String) throws(ActionInputError) -> Action {
        guard let spec = spec(named: name) else {
            throw .unknownAction(name, kind: Subject.kind, known: specs.map(\.name))
        }
        let known = Set(spec.parameters.map(\.flag))
        if let stray = arguments.values.keys.sorted().first(where: { !known.contains($0) }) {
            throw .unexpected(stray, action: name)
        }
        return try parse(name, arguments, currency: currency)
    }

    /// Parses and applies in one step; input errors become a thrown ``ActionInputError``.
    public static func perform(_ name: String, _ arguments: ActionArguments, on record: Subject,
                               in context: ActionContext) throws(ActionInputError) -> Result<Outcome<Subject>, Refusal> {
        let action = try action(named: name, arguments, currency: context.currency)
        return apply(action, to: record, in: context)
    }
}
