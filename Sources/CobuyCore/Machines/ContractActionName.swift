/// The actions on a cooperative contract.
public enum ContractActionName: String, ActionName {
    case sign, amend, renew, terminate, cancel

    public var spec: ActionSpec {
        switch self {
        case .sign:
            return ActionSpec(rawValue, "Sign the contract; its term starts", parameters: [
                ParameterSpec("date", "YYYY-MM-DD", "Start of the term", kind: .date),
                ParameterSpec("end", "YYYY-MM-DD", "End of the initial term", kind: .date),
            ], irreversible: "The contract binds both sides from the start date; from then on it can be terminated but not cancelled.")
        case .amend:
            return ActionSpec(rawValue, "Amend the contract's end date", parameters: [
                ParameterSpec("date", "YYYY-MM-DD", "The new end date", kind: .date),
            ])
        case .renew:
            return ActionSpec(rawValue, "Exercise the next renewal option",
                              irreversible: "The option is used up and the contract's end date moves by the renewal's months.")
        case .terminate:
            return ActionSpec(rawValue, "Terminate the contract", parameters: [
                ParameterSpec("reason", "R", "Why"),
            ], irreversible: "The contract ends today; no one can buy or join under it afterwards.")
        case .cancel:
            return ActionSpec(rawValue, "Cancel the contract before it is signed", parameters: [
                ParameterSpec("reason", "R", "Why"),
            ], irreversible: "The contract is void before its term begins and cannot be signed afterwards.")
        }
    }
}
