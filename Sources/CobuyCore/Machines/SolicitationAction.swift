/// Everything that can happen to a joint solicitation (docs/DESIGN.md §1).
public enum SolicitationAction: Hashable, Sendable {
    case addLine(text: String, quantity: Int, unit: String)
    case invite(party: String)
    case designateLead(party: String)
    case circulate
    case join(party: String, quantity: Int?, spend: Money?)
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

    public var name: String {
        switch self {
        case .addLine: return "add-line"
        case .invite: return "invite"
        case .designateLead: return "designate-lead"
        case .circulate: return "circulate"
        case .join: return "join"
        case .signAgreement: return "sign-agreement"
        case .withdraw: return "withdraw"
        case .form: return "form"
        case .setCostSharing: return "set-cost-sharing"
        case .setTender: return "set-tender"
        case .addCriterion: return "add-criterion"
        case .setCooperative: return "set-cooperative"
        case .publish: return "publish"
        case .recordProposal: return "record-proposal"
        case .close: return "close"
        case .score: return "score"
        case .rejectProposal: return "reject-proposal"
        case .award: return "award"
        case .complete: return "complete"
        case .cancel: return "cancel"
        case .declareUnsuccessful: return "declare-unsuccessful"
        }
    }

    /// The inputs as the audit trail records them.
    public var details: [String: String] {
        switch self {
        case let .addLine(text, quantity, unit): return ["text": text, "quantity": String(quantity), "unit": unit]
        case let .invite(party), let .designateLead(party): return ["party": party]
        case .circulate, .form, .publish, .close, .complete: return [:]
        case let .join(party, quantity, spend):
            var details = ["party": party]
            if let quantity { details["quantity"] = String(quantity) }
            if let spend { details["spend"] = spend.description }
            return details
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
    public static let specs: [ActionSpec] = [
        ActionSpec("add-line", "Add a requirement line", parameters: [
            ParameterSpec("text", "T", "What is needed"),
            ParameterSpec("quantity", "N", "How many, pooled across partners", kind: .integer),
            ParameterSpec("unit", "U", "Unit of measure, e.g. each, ton, license"),
        ]),
        ActionSpec("invite", "Invite a public body to the cooperative", parameters: [
            ParameterSpec("party", "P", "The party to invite", kind: .party),
        ]),
        ActionSpec("designate-lead", "Designate the lead party", parameters: [
            ParameterSpec("party", "P", "A partner who will solicit and award", kind: .party),
        ]),
        ActionSpec("circulate", "Circulate the cooperative agreement to the partners"),
        ActionSpec("join", "Join the cooperative (for your own party)", parameters: [
            ParameterSpec("party", "P", "Your party", kind: .party),
            ParameterSpec("quantity", "N", "Your pooled quantity", kind: .integer, required: false),
            ParameterSpec("spend", "AMOUNT", "Your estimated spend", kind: .money, required: false),
        ]),
        ActionSpec("sign-agreement", "Sign the cooperative agreement (for your own party)", parameters: [
            ParameterSpec("party", "P", "Your party", kind: .party),
            ParameterSpec("signer", "NAME", "Who signs"),
        ]),
        ActionSpec("withdraw", "Withdraw a partner from the cooperative", parameters: [
            ParameterSpec("party", "P", "The partner that withdraws", kind: .party),
            ParameterSpec("reason", "R", "Why"),
        ]),
        ActionSpec("form", "Form the cooperative once every partner has signed"),
        ActionSpec("set-cost-sharing", "Decide how partners share the solicitation's costs", parameters: [
            ParameterSpec("method", "M", "equal, population or pooled-spend", kind: .choice(CostSharing.Method.allCases.map(\.rawValue))),
            ParameterSpec("total", "AMOUNT", "The costs to share", kind: .money),
        ]),
        ActionSpec("set-tender", "Set the solicitation number and closing date", parameters: [
            ParameterSpec("number", "N", "The solicitation number, e.g. RFP 26-014"),
            ParameterSpec("date", "YYYY-MM-DD", "Closing date for proposals", kind: .date),
            ParameterSpec("minimum", "N", "Minimum proposals needed to evaluate (default 1)", kind: .integer, required: false),
        ]),
        ActionSpec("add-criterion", "Add an evaluation criterion", parameters: [
            ParameterSpec("criterion", "NAME", "e.g. Price, Experience"),
            ParameterSpec("weight", "W", "Weight in percent, 1–100", kind: .integer),
        ]),
        ActionSpec("set-cooperative", "Decide who else may use the contract", parameters: [
            ParameterSpec("kinds", "K,K", "Eligible kinds of body, or all", kind: .list, required: false),
            ParameterSpec("regions", "R,R", "Eligible regions such as US-OR, or all", kind: .list, required: false),
            ParameterSpec("none", "", "Nobody but the partners", kind: .switchFlag, required: false),
        ]),
        ActionSpec("publish", "Publish the solicitation to vendors", irreversible: true),
        ActionSpec("record-proposal", "Record a vendor's proposal", parameters: [
            ParameterSpec("vendor", "V", "The vendor's party id", kind: .party),
            ParameterSpec("price", "AMOUNT", "The proposed price", kind: .money),
        ]),
        ActionSpec("close", "Close the solicitation and start evaluating", irreversible: true),
        ActionSpec("score", "Score a proposal on a criterion", parameters: [
            ParameterSpec("proposal", "P", "Proposal id or vendor id"),
            ParameterSpec("criterion", "C", "Criterion name"),
            ParameterSpec("score", "S", "0–100", kind: .integer),
        ]),
        ActionSpec("reject-proposal", "Reject a proposal as non-responsive", parameters: [
            ParameterSpec("proposal", "P", "Proposal id or vendor id"),
            ParameterSpec("reason", "R", "Why it is not responsive"),
        ], irreversible: true),
        ActionSpec("award", "Award a proposal; creates the cooperative contract", parameters: [
            ParameterSpec("proposal", "P", "Proposal id or vendor id"),
            ParameterSpec("reason", "R", "Required when it is not the best-scoring proposal", required: false),
            ParameterSpec("renewals", "N", "Renewal options on the contract", kind: .integer, required: false),
            ParameterSpec("renewal-months", "M", "Months per renewal option (default 12)", kind: .integer, required: false),
        ], irreversible: true, createsRecords: true),
        ActionSpec("complete", "Complete the solicitation; drafts partners' addenda", irreversible: true, createsRecords: true),
        ActionSpec("cancel", "Cancel the solicitation", parameters: [
            ParameterSpec("reason", "R", "Why"),
        ], irreversible: true),
        ActionSpec("declare-unsuccessful", "Declare the solicitation unsuccessful", parameters: [
            ParameterSpec("reason", "R", "Why, e.g. too few proposals"),
        ], irreversible: true),
    ]

    /// Builds an action from its name and typed inputs.
    public static func parse(_ name: String, _ arguments: ActionArguments, currency: String) throws(ActionInputError) -> SolicitationAction {
        let a = arguments
        switch name {
        case "add-line": return .addLine(text: try a.text("text"), quantity: try a.integer("quantity"), unit: try a.text("unit"))
        case "invite": return .invite(party: try a.text("party"))
        case "designate-lead": return .designateLead(party: try a.text("party"))
        case "circulate": return .circulate
        case "join": return .join(party: try a.text("party"), quantity: try a.optionalInteger("quantity"),
                                  spend: try a.optionalMoney("spend", currency: currency))
        case "sign-agreement": return .signAgreement(party: try a.text("party"), signer: try a.text("signer"))
        case "withdraw": return .withdraw(party: try a.text("party"), reason: try a.text("reason"))
        case "form": return .form
        case "set-cost-sharing": return .setCostSharing(method: try a.text("method"), total: try a.money("total", currency: currency))
        case "set-tender": return .setTender(number: try a.text("number"), closingDate: try a.date("date"),
                                             minimumProposals: try a.optionalInteger("minimum"))
        case "add-criterion": return .addCriterion(name: try a.text("criterion"), weight: try a.integer("weight"))
        case "set-cooperative":
            if a.isSet("none") {
                if a.isSet("kinds") { throw .unexpected("kinds", action: "set-cooperative --none") }
                if a.isSet("regions") { throw .unexpected("regions", action: "set-cooperative --none") }
                return .setCooperative(kinds: nil, regions: nil)
            }
            return .setCooperative(kinds: try a.list("kinds"), regions: try a.list("regions"))
        case "publish": return .publish
        case "record-proposal": return .recordProposal(vendor: try a.text("vendor"), price: try a.money("price", currency: currency))
        case "close": return .close
        case "score": return .score(proposal: try a.text("proposal"), criterion: try a.text("criterion"), score: try a.integer("score"))
        case "reject-proposal": return .rejectProposal(proposal: try a.text("proposal"), reason: try a.text("reason"))
        case "award": return .award(proposal: try a.text("proposal"), reason: a.optionalText("reason"),
                                    renewals: try a.optionalInteger("renewals"), renewalMonths: try a.optionalInteger("renewal-months"))
        case "complete": return .complete
        case "cancel": return .cancel(reason: try a.text("reason"))
        case "declare-unsuccessful": return .declareUnsuccessful(reason: try a.text("reason"))
        default: throw .unknownAction(name, kind: .solicitation, known: specs.map(\.name))
        }
    }
}
