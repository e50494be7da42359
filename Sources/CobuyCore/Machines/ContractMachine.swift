/// The cooperative contract's state machine: pending → active → terminated, or pending → cancelled.
public enum ContractMachine: StateMachine {
    public typealias Subject = CooperativeContract
    public typealias Name = ContractActionName
    public typealias Action = ContractAction

    public static func parse(_ name: Name, _ arguments: ActionArguments, currency: String) throws(ActionInputError) -> ContractAction {
        try ContractAction.parse(name, arguments)
    }

    /// The states each action may start from.
    static func allowedStates(_ name: Name) -> [CooperativeContract.Status] {
        switch name {
        case .sign, .cancel: return [.pending]
        case .amend, .renew, .terminate: return [.active]
        }
    }

    public static func precheck(_ name: Name, on record: CooperativeContract, in context: ActionContext) -> Refusal? {
        if record.source.kind == .imported {
            return Refusal("imported", "\(record.id) was imported from \(record.source.publisher ?? "its publisher"); its publisher maintains it.",
                           remedy: "Import the publisher's updated file again to bring in changes.")
        }
        let allowed = allowedStates(name)
        guard allowed.contains(record.status) else {
            return .wrongState(name.rawValue, status: record.status.rawValue, allowed: allowed.map(\.rawValue))
        }
        if let refusal = context.requireActingFor(record.leadParty, role: "contract's lead party", action: name.rawValue) {
            return refusal
        }
        if name == .renew {
            guard !record.unusedRenewals.isEmpty else {
                return Refusal("renewal-left", "No renewal option is left on \(record.id).", remedy: "Amend the end date instead, if the contract allows it.")
            }
            if record.isExpired(today: context.today) {
                return Refusal("not-expired", "\(record.id) expired on \(record.period?.end.description ?? "?"); an expired contract cannot be renewed.")
            }
        }
        return nil
    }

    public static func apply(_ action: ContractAction, to record: CooperativeContract,
                             in context: ActionContext) -> Result<Outcome<CooperativeContract>, Refusal> {
        if let refusal = precheck(action.actionName, on: record, in: context) { return .failure(refusal) }
        var next = record
        switch action {
        case let .sign(start, end):
            guard end > start else {
                return .failure(Refusal("end-after-start", "The end date \(end) is not after the start date \(start)."))
            }
            next.period = ContractPeriod(start: start, end: end)
            next.status = .active
        case let .amend(end):
            guard let period = record.period else { return .failure(Refusal("period", "\(record.id) has no term to amend.")) }
            guard end > period.start else {
                return .failure(Refusal("end-after-start", "The new end date \(end) is not after the start date \(period.start)."))
            }
            guard end != period.end else { return .failure(Refusal("end-changes", "The contract already ends on \(end).")) }
            next.period?.end = end
        case .renew:
            guard let index = record.renewalOptions.firstIndex(where: { !$0.exercised }), let period = record.period else {
                return .failure(Refusal("renewal-left", "No renewal option is left on \(record.id)."))
            }
            next.renewalOptions[index].exercised = true
            next.period?.end = period.end.adding(months: record.renewalOptions[index].months)
        case let .terminate(reason):
            if let refusal = next.close(as: .terminated, reason: reason) { return .failure(refusal) }
        case let .cancel(reason):
            if let refusal = next.close(as: .cancelled, reason: reason) { return .failure(refusal) }
        }
        var details = action.details
        if case .renew = action, let end = next.period?.end { details["end"] = end.description }
        let event = context.entry(for: record, action: action.name, from: record.status.rawValue, to: next.status.rawValue, details: details)
        next.history.append(event)
        return .success(Outcome(record: next, event: event))
    }
}
