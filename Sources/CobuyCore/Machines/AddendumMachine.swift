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

    public var name: String {
        switch self {
        case .edit: return "edit"
        case .submit: return "submit"
        case .approve: return "approve"
        case .returnToDraft: return "return"
        case .reject: return "reject"
        case .sign: return "sign"
        case .terminate: return "terminate"
        case .withdraw: return "withdraw"
        }
    }

    public var details: [String: String] {
        switch self {
        case let .edit(edit): return edit.details
        case .submit, .approve: return [:]
        case let .returnToDraft(reason), let .reject(reason), let .terminate(reason), let .withdraw(reason): return ["reason": reason]
        case let .sign(side, signer, date): return ["party": side, "signer": signer, "date": date.description]
        }
    }

    public static let specs: [ActionSpec] = [
        ActionSpec("edit", "Edit the draft", parameters: [
            ParameterSpec("scope", "T", "What the participant will buy under the contract", required: false),
            ParameterSpec("contact", "T", "The participant's contact (name, email, phone)", required: false),
            ParameterSpec("spend", "AMOUNT", "Estimated annual spend", kind: .money, required: false),
            ParameterSpec("end", "YYYY-MM-DD", "End date, no later than the contract's", kind: .date, required: false),
            ParameterSpec("po-instructions", "T", "How to place purchase orders", required: false),
        ]),
        ActionSpec("submit", "Submit to the contract's lead for approval"),
        ActionSpec("approve", "Approve (the contract's lead)"),
        ActionSpec("return", "Return to the participant for changes", parameters: [
            ParameterSpec("reason", "R", "What must change"),
        ]),
        ActionSpec("reject", "Reject the addendum", parameters: [
            ParameterSpec("reason", "R", "Why"),
        ], irreversible: true),
        ActionSpec("sign", "Sign for one side", parameters: [
            ParameterSpec("party", "participant|vendor", "The side you sign for", kind: .choice(["participant", "vendor"])),
            ParameterSpec("signer", "NAME", "Who signs"),
            ParameterSpec("date", "YYYY-MM-DD", "Date of signature", kind: .date),
        ], irreversible: true),
        ActionSpec("terminate", "Terminate the executed addendum", parameters: [
            ParameterSpec("reason", "R", "Why"),
        ], irreversible: true),
        ActionSpec("withdraw", "Withdraw the addendum", parameters: [
            ParameterSpec("reason", "R", "Why"),
        ], irreversible: true),
    ]
}

/// The fields `edit` may change; `nil` leaves a field as it is.
public struct AddendumEdit: Hashable, Sendable {
    public var scope: String?
    public var contact: String?
    public var spend: Money?
    public var end: CalendarDate?
    public var purchaseOrderInstructions: String?

    public init(scope: String? = nil, contact: String? = nil, spend: Money? = nil, end: CalendarDate? = nil,
                purchaseOrderInstructions: String? = nil) {
        self.scope = scope
        self.contact = contact
        self.spend = spend
        self.end = end
        self.purchaseOrderInstructions = purchaseOrderInstructions
    }

    public var isEmpty: Bool {
        scope == nil && contact == nil && spend == nil && end == nil && purchaseOrderInstructions == nil
    }

    var details: [String: String] {
        var details: [String: String] = [:]
        if let scope { details["scope"] = scope }
        if let contact { details["contact"] = contact }
        if let spend { details["spend"] = spend.description }
        if let end { details["end"] = end.description }
        if let purchaseOrderInstructions { details["po-instructions"] = purchaseOrderInstructions }
        return details
    }
}

/// The participating addendum's state machine.
public enum AddendumMachine: StateMachine {
    public typealias Subject = ParticipatingAddendum
    public typealias Action = AddendumAction
    typealias Status = ParticipatingAddendum.Status

    public static var specs: [ActionSpec] { AddendumAction.specs }

    public static func parse(_ name: String, _ arguments: ActionArguments, currency: String) throws(ActionInputError) -> AddendumAction {
        let a = arguments
        switch name {
        case "edit":
            return .edit(AddendumEdit(scope: a.optionalText("scope"), contact: a.optionalText("contact"),
                                      spend: try a.optionalMoney("spend", currency: currency), end: try a.optionalDate("end"),
                                      purchaseOrderInstructions: a.optionalText("po-instructions")))
        case "submit": return .submit
        case "approve": return .approve
        case "return": return .returnToDraft(reason: try a.text("reason"))
        case "reject": return .reject(reason: try a.text("reason"))
        case "sign":
            let side = try a.text("party")
            guard side == "participant" || side == "vendor" else { throw .invalid("party", side, "participant or vendor") }
            return .sign(side: side, signer: try a.text("signer"), date: try a.date("date"))
        case "terminate": return .terminate(reason: try a.text("reason"))
        case "withdraw": return .withdraw(reason: try a.text("reason"))
        default: throw .unknownAction(name, kind: .addendum, known: specs.map(\.name))
        }
    }

    /// Starts a draft addendum for `party` on `contract`, with the party's statutory terms.
    public static func draft(contract contractID: String, party partyID: String,
                             in context: ActionContext) -> Result<ParticipatingAddendum, Refusal> {
        guard let contract = context.lookup.contract(contractID) else {
            return .failure(Refusal("contract-known", "There is no contract \(contractID) in the store.", remedy: "See cobuy list contracts."))
        }
        guard let party = context.lookup.party(partyID) else {
            return .failure(Refusal("party-known", "There is no party \(partyID) in the store.", remedy: "Create it with cobuy new party."))
        }
        guard party.kind.isPublicBody else {
            return .failure(Refusal("public-body", "\(party.id) is a vendor; only public bodies sign participating addenda."))
        }
        guard context.officer.party == party.id || context.officer.party == contract.leadParty else {
            return .failure(Refusal("role", "Only \(party.id) itself or the contract's lead may draft its addendum; you act for \(context.officer.party).",
                                    remedy: "Act with --for \(party.id)."))
        }
        if let existing = context.lookup.addenda(onContract: contract.id).first(where: { $0.party == party.id && $0.status.blocksAnother }) {
            return .failure(Refusal("no-other-addendum", "\(party.id) already has addendum \(existing.id) (\(existing.status.rawValue)) on \(contract.id).",
                                    remedy: "Work on \(existing.id) instead."))
        }
        var ids = context.ids
        var addendum = ParticipatingAddendum(id: ids.next("PA", year: context.today.year), contract: contract.id,
                                             party: party.id, localTerms: party.statutoryTerms)
        addendum.contacts = party.contacts
        addendum.endDate = contract.period?.end
        addendum.history = [context.entry(for: addendum, action: "create", from: nil, to: Status.draft.rawValue,
                                          details: ["contract": contract.id, "party": party.id])]
        return .success(addendum)
    }

    static func allowedStates(_ name: String) -> [Status] {
        switch name {
        case "edit", "submit": return [.draft]
        case "approve", "return", "reject": return [.submitted]
        case "sign": return [.approved]
        case "terminate": return [.executed]
        case "withdraw": return [.draft, .submitted, .approved]
        default: return []
        }
    }

    public static func precheck(_ name: String, on record: ParticipatingAddendum, in context: ActionContext) -> Refusal? {
        let allowed = allowedStates(name)
        guard allowed.contains(record.status) else {
            return .wrongState(name, status: record.status.rawValue, allowed: allowed.map(\.rawValue))
        }
        let contract = context.lookup.contract(record.contract)
        let acting = context.officer.party
        switch name {
        case "edit", "submit", "withdraw":
            if let refusal = context.requireActingFor(record.party, role: "participating party", action: name) { return refusal }
        case "approve", "return", "reject":
            if let refusal = context.requireActingFor(contract?.leadParty, role: "contract's lead party", action: name) { return refusal }
        case "sign":
            let sides = [record.participantSignature == nil ? record.party : nil,
                         record.vendorSignature == nil ? contract?.vendor : nil].compactMap { $0 }
            guard sides.contains(acting) else {
                return Refusal("role", "Only an unsigned side may sign (\(sides.joined(separator: " or "))); you act for \(acting).",
                               remedy: sides.first.map { "Act with --for \($0)." } ?? "")
            }
        case "terminate":
            guard acting == record.party || acting == contract?.leadParty else {
                return Refusal("role", "Only the participant (\(record.party)) or the contract's lead may terminate; you act for \(acting).",
                               remedy: "Act with --for \(record.party).")
            }
        default:
            break
        }
        if name == "submit" {
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
        if let refusal = precheck(action.name, on: record, in: context) { return .failure(refusal) }
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
            if let contact = edit.contact {
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
                let effective = max(first.date, second.date)
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
        let event = context.entry(for: record, action: action.name, from: record.status.rawValue, to: next.status.rawValue, details: action.details)
        next.history.append(event)
        return .success(Outcome(record: next, event: event))
    }
}
