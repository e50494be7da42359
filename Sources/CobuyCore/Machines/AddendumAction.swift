/// Everything that can happen to a participating addendum.
public enum AddendumAction: Hashable, Sendable {
    case edit(AddendumEdit)
    case submit
    case approve
    case returnToDraft(reason: String)
    case reject(reason: String)
    case sign(side: String, signer: String, date: CalendarDate)
    case terminate(reason: String)
    case withdraw(reason: String)

    public var actionName: AddendumActionName {
        switch self {
        case .edit: return .edit
        case .submit: return .submit
        case .approve: return .approve
        case .returnToDraft: return .returnToDraft
        case .reject: return .reject
        case .sign: return .sign
        case .terminate: return .terminate
        case .withdraw: return .withdraw
        }
    }

    /// The command name, as the audit trail records it.
    public var name: String { actionName.rawValue }

    public var details: [String: String] {
        switch self {
        case let .edit(edit): return edit.details
        case .submit, .approve: return [:]
        case let .returnToDraft(reason), let .reject(reason), let .terminate(reason), let .withdraw(reason): return ["reason": reason]
        case let .sign(side, signer, date): return ["party": side, "signer": signer, "date": date.description]
        }
    }

    public static let specs: [ActionSpec] = AddendumActionName.allCases.map(\.spec)
}

extension AddendumAction {
    /// Builds an action from its name and typed inputs.
    public static func parse(_ name: AddendumActionName, _ arguments: ActionArguments,
                             currency: String) throws(ActionInputError) -> AddendumAction {
        let a = arguments
        switch name {
        case .edit:
            return .edit(AddendumEdit(scope: a.optionalText("scope"), contact: a.optionalText("contact"),
                                      spend: try a.optionalMoney("spend", currency: currency), end: try a.optionalDate("end"),
                                      purchaseOrderInstructions: a.optionalText("po-instructions")))
        case .submit: return .submit
        case .approve: return .approve
        case .returnToDraft: return .returnToDraft(reason: try a.text("reason"))
        case .reject: return .reject(reason: try a.text("reason"))
        case .sign:
            let side = try a.text("party")
            guard side == "participant" || side == "vendor" else { throw .invalid("party", side, "participant or vendor") }
            return .sign(side: side, signer: try a.text("signer"), date: try a.date("date"))
        case .terminate: return .terminate(reason: try a.text("reason"))
        case .withdraw: return .withdraw(reason: try a.text("reason"))
        }
    }
}
