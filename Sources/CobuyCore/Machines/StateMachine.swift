/// A machine's action names as a closed set: every switch over them is exhaustive, so a new
/// action cannot be added without its spec, its allowed states and its guards.
public protocol ActionName: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {
    /// The action's inputs and help; its `name` is the raw value.
    var spec: ActionSpec { get }
}

/// A record's state machine: a pure function from (record, action, context) to either the new
/// record with its audit entry, or a refusal naming the guard that failed.
public protocol StateMachine {
    associatedtype Subject: Record
    associatedtype Name: ActionName
    associatedtype Action: Sendable

    /// Builds an action from its name and typed inputs.
    static func parse(_ name: Name, _ arguments: ActionArguments, currency: String) throws(ActionInputError) -> Action
    /// The guards that do not depend on the action's inputs: state, role and preconditions.
    static func precheck(_ name: Name, on record: Subject, in context: ActionContext) -> Refusal?
    static func apply(_ action: Action, to record: Subject, in context: ActionContext) -> Result<Outcome<Subject>, Refusal>
}

extension StateMachine {
    /// Every action with its inputs and help, in lifecycle order.
    public static var specs: [ActionSpec] { Name.allCases.map(\.spec) }

    /// Every action with whether it is allowed now and, if not, why.
    public static func actions(for record: Subject, in context: ActionContext) -> [ActionAvailability] {
        Name.allCases.map { ActionAvailability(spec: $0.spec, refusal: precheck($0, on: record, in: context)) }
    }

    public static func spec(named name: String) -> ActionSpec? {
        Name(rawValue: name)?.spec
    }

    /// The guards for an action named as typed; an unknown name is refused.
    public static func precheck(_ name: String, on record: Subject, in context: ActionContext) -> Refusal? {
        guard let known = Name(rawValue: name) else {
            return Refusal("action-known", "\"\(name)\" is not an action on a \(Subject.kind.label).",
                           remedy: "Use one of: \(specs.map(\.name).joined(separator: ", ")).")
        }
        return precheck(known, on: record, in: context)
    }

    /// Parses after checking that every flag belongs to the action.
    public static func action(named name: String, _ arguments: ActionArguments, currency: String) throws(ActionInputError) -> Action {
        guard let known = Name(rawValue: name) else {
            throw .unknownAction(name, kind: Subject.kind, known: specs.map(\.name))
        }
        let spec = known.spec
        let flags = Set(spec.parameters.map(\.flag))
        if let stray = arguments.values.keys.sorted().first(where: { !flags.contains($0) }) {
            throw .unexpected(stray, action: name)
        }
        return try parse(known, arguments, currency: currency)
    }

    /// Parses and applies in one step; input errors become a thrown ``ActionInputError``.
    public static func perform(_ name: String, _ arguments: ActionArguments, on record: Subject,
                               in context: ActionContext) throws(ActionInputError) -> Result<Outcome<Subject>, Refusal> {
        let action = try action(named: name, arguments, currency: context.currency)
        return apply(action, to: record, in: context)
    }
}
