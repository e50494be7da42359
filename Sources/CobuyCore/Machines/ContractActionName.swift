/// The actions on a cooperative contract.
public enum ContractActionName: String, ActionName {
    case sign, amend, renew, terminate, cancel

    public var spec: ActionSpec {
        switch self {
        case .sign:
            return ActionSpec(rawValue, "Sign the contract; its term starts", parameters: [
                ParameterSpec("date", "YYYY-MM-DD", "Start of the term", kind: .date),
                ParameterSpec("end", "YYYY-MM-DD", "End of the initial term", kind: .date),
            ])
        case .amend:
            return ActionSpec(rawValue, "Amend the contract's end date", parameters: [
                ParameterSpec("date", "YYYY-MM-DD", "The new end date", kind: .date),
            ])
        case .renew:
            return ActionSpec(rawValue, "Exercise the next renewal option")
        case .terminate:
            return ActionSpec(rawValue, "Terminate the contract", parameters: [
                ParameterSpec("reason", "R", "Why"),
            ], irreversible: true)
        case .cancel:
            return ActionSpec(rawValue, "Cancel the contract before it is signed", parameters: [
                ParameterSpec("reason", "R", "Why"),
            ], irreversible: true)
        }
    }
}
