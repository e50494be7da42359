/// The participating addendum's state machine.
public enum AddendumMachine: StateMachine {
    public typealias Subject = ParticipatingAddendum
    public typealias Name = AddendumActionName
    public typealias Action = AddendumAction
    typealias Status = ParticipatingAddendum.Status

    public static func parse(_ name: Name, _ arguments: ActionArguments, currency: String) throws(ActionInputError) -> AddendumAction {
        try AddendumAction.parse(name, arguments, currency: currency)
    }

    /// Starts a draft addendum; the rules are ``Creation/addendum(contract:party:in:)``'s.
    public static func draft(contract contractID: String, party partyID: String,
                             in context: ActionContext) -> Result<ParticipatingAddendum, Refusal> {
        Creation.addendum(contract: contractID, party: partyID, in: context)
    }

    /// The states each action may start from.
    static func allowedStates(_ name: Name) -> [Status] {
        switch name {
        case .edit, .submit: return [.draft]
        case .approve, .returnToDraft, .reject: return [.submitted]
        case .sign: return [.approved]
        case .terminate: return [.executed]
        case .withdraw: return [.draft, .submitted, .approved]
        }
    }

    public static func precheck(_ name: Name, on record: ParticipatingAddendum, in context: ActionContext) -> Refusal? {
        let allowed = allowedStates(name)
        guard allowed.contains(record.status) else {
            return .wrongState(name.rawValue, status: record.status.rawValue, allowed: allowed.map(\.rawValue))
        }
        let contract = context.lookup.contract(record.contract)
        let acting = context.officer.party
        switch name {
        case .edit, .submit, .withdraw:
            if let refusal = context.requireActingFor(record.party, role: "participating party", action: name.rawValue) { return refusal }
        case .approve, .returnToDraft, .reject:
            if let refusal = context.requireActingFor(contract?.leadParty, role: "contract's lead party", action: name.rawValue) { return refusal }
        case .sign:
            let sides = [record.participantSignature == nil ? record.party : nil,
                         record.vendorSignature == nil ? contract?.vendor : nil].compactMap { $0 }
            guard sides.contains(acting) else {
                // A side that has signed is told so, not sent to sign again.
                let signed = [record.participantSignature?.party, record.vendorSignature?.party].compactMap { $0 }
                if signed.contains(acting) {
                    return Refusal("role", "\(acting) has already signed; the addendum waits on \(sides.joined(separator: " and ")) to sign.")
                }
                return Refusal("role", "Only an unsigned side may sign (\(sides.joined(separator: " or "))); you act for \(acting).",
                               remedy: sides.first.map { "Act with --for \($0)." } ?? "")
            }
        case .terminate:
            guard acting == record.party || acting == contract?.leadParty else {
                return Refusal("role", "Only the participant (\(record.party)) or the contract's lead may terminate; you act for \(acting).",
                               remedy: "Act with --for \(record.party).")
            }
        }
        if name == .submit {
            guard let contract else { return Refusal("contract-known", "The contract \(record.contract) is not in the store.") }
            guard let party = context.lookup.party(record.party) else {
                return Refusal("party-known", "The party \(record.party) is not in the store.")
            }
            let joinability = Joinability.evaluate(contract: contract, party: party, today: context.today,
                                                   addenda: context.lookup.addenda(onContract: contract.id),
                                                   minimumRemainingDays: context.minimumRemainingTermDays, excluding: record.id)
            if !joinability.isJoinable {
                let reasons = joinability.failures.map(\.reason).joined(separator: " ")
                return Refusal("joinable", "\(record.party) may not join \(contract.id): \(reasons)",
                               remedy: "See cobuy actions \(record.id) for the full checklist.")
            }
            var missing: [String] = []
            if record.scope.trimmingSpaces.isEmpty { missing.append("scope (--scope)") }
            if record.contacts.isEmpty { missing.append("a contact (--contact)") }
            if record.estimatedAnnualSpend == nil { missing.append("estimated annual spend (--spend)") }
            guard missing.isEmpty else {
                return Refusal("filled", "The draft lacks \(missing.joined(separator: ", ")).", remedy: "Fill it with edit.")
            }
            if let end = record.endDate, let contractEnd = contract.period?.end, end > contractEnd {
                return Refusal("end-within-contract", "The end date \(end) is after the contract's end \(contractEnd).",
                               remedy: "Edit it with edit --end \(contractEnd).")
            }
        }
        return nil
    }

    public static func apply(_ action: AddendumAction, to record: ParticipatingAddendum,
                             in context: ActionContext) -> Result<Outcome<ParticipatingAddendum>, Refusal> {
        if let refusal = precheck(action.actionName, on: record, in: context) { return .failure(refusal) }
        var next = record
        let contract = context.lookup.contract(record.contract)
        switch action {
        case let .edit(edit):
            guard !edit.isEmpty else {
                return .failure(Refusal("something-to-edit", "Nothing to change.",
                                        remedy: "Give at least one of --scope, --contact, --spend, --end, --po-instructions."))
            }
            if let end = edit.end, let contractEnd = contract?.period?.end, end > contractEnd {
                return .failure(Refusal("end-within-contract", "The end date \(end) is after the contract's end \(contractEnd).",
                                        remedy: "Choose \(contractEnd) or earlier."))
            }
            if let spend = edit.spend, spend.amount <= 0 {
                return .failure(Refusal("spend-positive", "The estimated annual spend must be more than 0."))
            }
            if let scope = edit.scope { next.scope = scope.trimmingSpaces }
            // The contact as shown (a form sends it back unchanged) keeps its email and phone.
            if let contact = edit.contact, contact.trimmingSpaces != (record.contacts.first?.summary ?? "") {
                let text = contact.trimmingSpaces
                next.contacts = text.isEmpty ? [] : [Contact(name: text)]
            }
            if let spend = edit.spend { next.estimatedAnnualSpend = spend }
            if let end = edit.end { next.endDate = end }
            if let instructions = edit.purchaseOrderInstructions { next.purchaseOrderInstructions = instructions.trimmingSpaces }
        case .submit:
            next.status = .submitted
            next.lastReason = nil
        case .approve:
            next.status = .approved
        case let .returnToDraft(reason):
            guard !reason.trimmingSpaces.isEmpty else { return .failure(.emptyText("reason", "reason")) }
            next.lastReason = reason.trimmingSpaces
            next.status = .draft
        case let .reject(reason), let .terminate(reason), let .withdraw(reason):
            guard !reason.trimmingSpaces.isEmpty else { return .failure(.emptyText("reason", "reason")) }
            next.lastReason = reason.trimmingSpaces
            switch action {
            case .reject: next.status = .rejected
            case .terminate: next.status = .terminated
            case .withdraw, .edit, .submit, .approve, .returnToDraft, .sign: next.status = .withdrawn
            }
        case let .sign(side, signer, date):
            guard !signer.trimmingSpaces.isEmpty else { return .failure(.emptyText("signer", "signer's name")) }
            guard date <= context.today else {
                return .failure(Refusal("date-not-future", "The signature date \(date) is in the future (today is \(context.today))."))
            }
            let sideParty = side == "participant" ? record.party : (contract?.vendor ?? "")
            guard context.officer.party == sideParty else {
                return .failure(Refusal("role", "Each side signs only for itself: the \(side) is \(sideParty); you act for \(context.officer.party).",
                                        remedy: "Act with --for \(sideParty)."))
            }
            let signature = AddendumSignature(signer: signer.trimmingSpaces, date: date, party: sideParty)
            if side == "participant" {
                guard record.participantSignature == nil else { return .failure(Refusal("unsigned", "The participant has already signed.")) }
                next.participantSignature = signature
            } else {
                guard record.vendorSignature == nil else { return .failure(Refusal("unsigned", "The vendor has already signed.")) }
                next.vendorSignature = signature
            }
            if let first = next.participantSignature, let second = next.vendorSignature {
                // The later signature, but never before the contract's term starts.
                let effective = max(first.date, second.date, contract?.period?.start ?? first.date)
                let end = next.endDate ?? contract?.period?.end
                if let end, let contractEnd = contract?.period?.end, end > contractEnd {
                    return .failure(Refusal("end-within-contract", "The end date \(end) is after the contract's end \(contractEnd)."))
                }
                if let end, end < effective {
                    return .failure(Refusal("end-after-effective", "The addendum would end (\(end)) before it takes effect (\(effective))."))
                }
                next.effectiveDate = effective
                next.endDate = end
                next.status = .executed
            }
        }
        var details = action.details
        // An edit records what changed, not every field the form sent back as it was.
        if case .edit = action { details = AddendumEdit.changes(from: record, to: next) }
        let event = context.entry(for: record, action: action.name, from: record.status.rawValue, to: next.status.rawValue, details: details)
        next.history.append(event)
        return .success(Outcome(record: next, event: event))
    }
}
