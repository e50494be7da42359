/// Everything that can happen to a cooperative contract.
public enum ContractAction: Hashable, Sendable {
    case sign(start: CalendarDate, end: CalendarDate)
    case amend(end: CalendarDate)
    case renew
    case terminate(reason: String)
    case cancel(reason: String)

    public var actionName: ContractActionName {
        switch self {
        case .sign: return .sign
        case .amend: return .amend
        case .renew: return .renew
        case .terminate: return .terminate
        case .cancel: return .cancel
        }
    }

    /// The command name, as the audit trail records it.
    public var name: String { actionName.rawValue }

    public var details: [String: String] {
        switch self {
        case let .sign(start, end): return ["date": start.description, "end": end.description]
        case let .amend(end): return ["date": end.description]
        case .renew: return [:]
        case let .terminate(reason), let .cancel(reason): return ["reason": reason]
        }
    }

    public static let specs: [ActionSpec] = ContractActionName.allCases.map(\.spec)
}

extension ContractAction {
    /// Builds an action from its name and typed inputs.
    public static func parse(_ name: ContractActionName, _ arguments: ActionArguments) throws(ActionInputError) -> ContractAction {
        switch name {
        case .sign: return .sign(start: try arguments.date("date"), end: try arguments.date("end"))
        case .amend: return .amend(end: try arguments.date("date"))
        case .renew: return .renew
        case .terminate: return .terminate(reason: try arguments.text("reason"))
        case .cancel: return .cancel(reason: try arguments.text("reason"))
        }
    }
}
