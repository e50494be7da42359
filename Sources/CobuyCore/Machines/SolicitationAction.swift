/// Everything that can happen to a joint solicitation (docs/DESIGN.md §1).
public enum SolicitationAction: Hashable, Sendable {
    case addLine(text: String, quantity: Int, unit: String)
    case invite(party: String)
    case designateLead(party: String)
    case circulate
    /// `quantity` is the older single number; `lines` the quantities per requirement line.
    case join(party: String, quantity: Int?, lines: [LineQuantity]?, spend: Money?)
    case signAgreement(party: String, signer: String)
    case withdraw(party: String, reason: String)
    case form
    case setCostSharing(method: String, total: Money)
    case setTender(number: String, closingDate: CalendarDate, minimumProposals: Int?)
    case addCriterion(name: String, weight: Int)
    /// Kinds and regions as typed (`all` allowed); `nil` for both means `--none`.
    case setCooperative(kinds: [String]?, regions: [String]?)
    case publish
    case recordProposal(vendor: String, price: Money)
    case close
    case score(proposal: String, criterion: String, score: Int)
    case rejectProposal(proposal: String, reason: String)
    case award(proposal: String, reason: String?, renewals: Int?, renewalMonths: Int?)
    case complete
    case cancel(reason: String)
    case declareUnsuccessful(reason: String)
    /// New quantities for the lines named (0 takes a line's pledge back) and a new spend.
    case pledge(party: String, lines: [LineQuantity], spend: Money?)
    case removeLine(line: Int)
    /// New text, quantity or unit for a line; what is nil stays as it is.
    case editLine(line: Int, text: String?, quantity: Int?, unit: String?)
    case withdrawInvitation(party: String)

    public var actionName: SolicitationActionName {
        switch self {
        case .addLine: return .addLine
        case .invite: return .invite
        case .designateLead: return .designateLead
        case .circulate: return .circulate
        case .join: return .join
        case .signAgreement: return .signAgreement
        case .withdraw: return .withdraw
        case .form: return .form
        case .setCostSharing: return .setCostSharing
        case .setTender: return .setTender
        case .addCriterion: return .addCriterion
        case .setCooperative: return .setCooperative
        case .publish: return .publish
        case .recordProposal: return .recordProposal
        case .close: return .close
        case .score: return .score
        case .rejectProposal: return .rejectProposal
        case .award: return .award
        case .complete: return .complete
        case .cancel: return .cancel
        case .declareUnsuccessful: return .declareUnsuccessful
        case .pledge: return .pledge
        case .removeLine: return .removeLine
        case .editLine: return .editLine
        case .withdrawInvitation: return .withdrawInvitation
        }
    }

    /// The command name, as the audit trail records it.
    public var name: String { actionName.rawValue }

    /// The inputs as the audit trail records them.
    public var details: [String: String] {
        switch self {
        case let .addLine(text, quantity, unit): return ["text": text, "quantity": String(quantity), "unit": unit]
        case let .invite(party), let .designateLead(party): return ["party": party]
        case .circulate, .form, .publish, .close, .complete: return [:]
        case let .join(party, quantity, lines, spend):
            var details = ["party": party]
            if let quantity { details["quantity"] = String(quantity) }
            if let lines { details["quantity"] = LineQuantity.text(lines) }
            if let spend { details["spend"] = spend.description }
            return details
        case let .pledge(party, lines, spend):
            var details = ["party": party]
            if !lines.isEmpty { details["quantity"] = LineQuantity.text(lines) }
            if let spend { details["spend"] = spend.description }
            return details
        case let .removeLine(line): return ["line": String(line)]
        case let .editLine(line, text, quantity, unit):
            var details = ["line": String(line)]
            if let text { details["text"] = text }
            if let quantity { details["quantity"] = String(quantity) }
            if let unit { details["unit"] = unit }
            return details
        case let .withdrawInvitation(party): return ["party": party]
        case let .signAgreement(party, signer): return ["party": party, "signer": signer]
        case let .withdraw(party, reason): return ["party": party, "reason": reason]
        case let .setCostSharing(method, total): return ["method": method, "total": total.description]
        case let .setTender(number, date, minimum):
            var details = ["number": number, "date": date.description]
            if let minimum { details["minimum"] = String(minimum) }
            return details
        case let .addCriterion(name, weight): return ["criterion": name, "weight": String(weight)]
        case let .setCooperative(kinds, regions):
            guard let kinds, let regions else { return ["none": "true"] }
            return ["kinds": kinds.joined(separator: ","), "regions": regions.joined(separator: ",")]
        case let .recordProposal(vendor, price): return ["vendor": vendor, "price": price.description]
        case let .score(proposal, criterion, score): return ["proposal": proposal, "criterion": criterion, "score": String(score)]
        case let .rejectProposal(proposal, reason): return ["proposal": proposal, "reason": reason]
        case let .award(proposal, reason, renewals, months):
            var details = ["proposal": proposal]
            if let reason { details["reason"] = reason }
            if let renewals { details["renewals"] = String(renewals) }
            if let months { details["renewal-months"] = String(months) }
            return details
        case let .cancel(reason), let .declareUnsuccessful(reason): return ["reason": reason]
        }
    }

    /// Every action with its inputs and help, in lifecycle order.
    public static let specs: [ActionSpec] = SolicitationActionName.allCases.map(\.spec)

    /// Builds an action from its name and typed inputs.
    public static func parse(_ name: SolicitationActionName, _ arguments: ActionArguments,
                             currency: String) throws(ActionInputError) -> SolicitationAction {
        let a = arguments
        switch name {
        case .addLine: return .addLine(text: try a.text("text"), quantity: try a.integer("quantity"), unit: try a.text("unit"))
        case .invite: return .invite(party: try a.text("party"))
        case .designateLead: return .designateLead(party: try a.text("party"))
        case .circulate: return .circulate
        case .join:
            var lines: [LineQuantity]?
            if let typed = a.optionalText("quantity") { lines = try LineQuantity.parseList(typed, flag: "quantity") }
            return .join(party: try a.text("party"), quantity: lines == nil ? try a.optionalInteger("quantity") : nil, lines: lines,
                         spend: try a.optionalMoney("spend", currency: currency))
        case .signAgreement: return .signAgreement(party: try a.text("party"), signer: try a.text("signer"))
        case .withdraw: return .withdraw(party: try a.text("party"), reason: try a.text("reason"))
        case .form: return .form
        case .setCostSharing: return .setCostSharing(method: try a.text("method"), total: try a.money("total", currency: currency))
        case .setTender: return .setTender(number: try a.text("number"), closingDate: try a.date("date"),
                                             minimumProposals: try a.optionalInteger("minimum"))
        case .addCriterion: return .addCriterion(name: try a.text("criterion"), weight: try a.integer("weight"))
        case .setCooperative:
            if a.isSet("none") {
                if a.isSet("kinds") { throw .unexpected("kinds", action: "set-cooperative --none") }
                if a.isSet("regions") { throw .unexpected("regions", action: "set-cooperative --none") }
                return .setCooperative(kinds: nil, regions: nil)
            }
            return .setCooperative(kinds: try a.list("kinds"), regions: try a.list("regions"))
        case .publish: return .publish
        case .recordProposal: return .recordProposal(vendor: try a.text("vendor"), price: try a.money("price", currency: currency))
        case .close: return .close
        case .score: return .score(proposal: try a.text("proposal"), criterion: try a.text("criterion"), score: try a.integer("score"))
        case .rejectProposal: return .rejectProposal(proposal: try a.text("proposal"), reason: try a.text("reason"))
        case .award: return .award(proposal: try a.text("proposal"), reason: a.optionalText("reason"),
                                    renewals: try a.optionalInteger("renewals"), renewalMonths: try a.optionalInteger("renewal-months"))
        case .complete: return .complete
        case .cancel: return .cancel(reason: try a.text("reason"))
        case .declareUnsuccessful: return .declareUnsuccessful(reason: try a.text("reason"))
        case .pledge:
            var lines: [LineQuantity] = []
            if let typed = a.optionalText("quantity") {
                guard let parsed = try LineQuantity.parseList(typed, flag: "quantity") else {
                    throw .invalid("quantity", typed, "LINE=N pairs such as 1=40 (the line's number, then the quantity)")
                }
                lines = parsed
            }
            return .pledge(party: try a.text("party"), lines: lines, spend: try a.optionalMoney("spend", currency: currency))
        case .removeLine: return .removeLine(line: try a.integer("line"))
        case .editLine: return .editLine(line: try a.integer("line"), text: a.optionalText("text"),
                                          quantity: try a.optionalInteger("quantity"), unit: a.optionalText("unit"))
        case .withdrawInvitation: return .withdrawInvitation(party: try a.text("party"))
        }
    }
}
