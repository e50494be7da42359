/// The actions on a joint solicitation, in lifecycle order (docs/DESIGN.md §1); actions added later
/// come last, so the lists officers know keep their order.
public enum SolicitationActionName: String, ActionName {
    case addLine = "add-line"
    case invite
    case designateLead = "designate-lead"
    case circulate
    case join
    case signAgreement = "sign-agreement"
    case withdraw
    case form
    case setCostSharing = "set-cost-sharing"
    case setTender = "set-tender"
    case addCriterion = "add-criterion"
    case setCooperative = "set-cooperative"
    case publish
    case recordProposal = "record-proposal"
    case close
    case score
    case rejectProposal = "reject-proposal"
    case award
    case complete
    case cancel
    case declareUnsuccessful = "declare-unsuccessful"
    case pledge
    case removeLine = "remove-line"
    case editLine = "edit-line"
    case withdrawInvitation = "withdraw-invitation"

    public var spec: ActionSpec {
        switch self {
        case .addLine:
            return ActionSpec(rawValue, "Add a requirement line", parameters: [
                ParameterSpec("text", "T", "What is needed"),
                ParameterSpec("quantity", "N", "How many, pooled across partners", kind: .integer),
                ParameterSpec("unit", "U", "Unit of measure, e.g. each, ton, license"),
            ])
        case .invite:
            return ActionSpec(rawValue, "Invite a public body to the cooperative", parameters: [
                ParameterSpec("party", "P", "The party to invite", kind: .party),
            ])
        case .designateLead:
            return ActionSpec(rawValue, "Designate the lead party", parameters: [
                ParameterSpec("party", "P", "A partner who will solicit and award", kind: .party),
            ])
        case .circulate:
            return ActionSpec(rawValue, "Circulate the cooperative agreement to the partners",
                              irreversible: "The draft ends: requirement lines can no longer be added and the partners are asked to join and sign.")
        case .join:
            return ActionSpec(rawValue, "Join the cooperative (for your own party)", parameters: [
                ParameterSpec("party", "P", "Your party", kind: .party),
                ParameterSpec.lineQuantities(required: false),
                ParameterSpec("spend", "AMOUNT", "Your estimated spend", kind: .money, required: false),
            ])
        case .signAgreement:
            return ActionSpec(rawValue, "Sign the cooperative agreement (for your own party)", parameters: [
                ParameterSpec("party", "P", "Your party", kind: .party),
                ParameterSpec("signer", "NAME", "Who signs"),
            ], irreversible: "The signature binds your party to the cooperative agreement; only withdrawing takes it back.")
        case .withdraw:
            return ActionSpec(rawValue, "Withdraw a partner from the cooperative", parameters: [
                ParameterSpec("party", "P", "The partner that withdraws", kind: .party),
                ParameterSpec("reason", "R", "Why"),
            ], irreversible: "The partner leaves the cooperative and its quantities leave the totals; it comes back only if invited again.")
        case .form:
            return ActionSpec(rawValue, "Form the cooperative once every partner has signed",
                              irreversible: "Partners, lines and quantities are fixed for the tender; nobody can join or withdraw afterwards.")
        case .setCostSharing:
            return ActionSpec(rawValue, "Decide how partners share the solicitation's costs", parameters: [
                ParameterSpec("method", "M", "equal, population, pooled-spend or quantity", kind: .choice(CostSharing.Method.allCases.map(\.rawValue))),
                ParameterSpec("total", "AMOUNT", "The costs to share", kind: .money),
            ])
        case .setTender:
            return ActionSpec(rawValue, "Set the solicitation number and closing date", parameters: [
                ParameterSpec("number", "N", "The solicitation number, e.g. RFP 26-014"),
                ParameterSpec("date", "YYYY-MM-DD", "Closing date for proposals", kind: .date),
                ParameterSpec("minimum", "N", "Minimum proposals needed to evaluate (default 1)", kind: .integer, required: false),
            ])
        case .addCriterion:
            return ActionSpec(rawValue, "Add an evaluation criterion", parameters: [
                ParameterSpec("criterion", "NAME", "e.g. Price, Experience"),
                ParameterSpec("weight", "W", "Weight in percent, 1–100", kind: .integer),
            ])
        case .setCooperative:
            return ActionSpec(rawValue, "Decide who else may use the contract", parameters: [
                ParameterSpec("kinds", "K,K", "Eligible kinds of body, or all", kind: .list, required: false),
                ParameterSpec("regions", "R,R", "Eligible regions such as US-OR, or all", kind: .list, required: false),
                ParameterSpec("none", "", "Nobody but the partners", kind: .switchFlag, required: false),
            ])
        case .publish:
            return ActionSpec(rawValue, "Publish the solicitation to vendors",
                              irreversible: "Vendors see it; its number, closing date, criteria and clause are fixed.")
        case .recordProposal:
            return ActionSpec(rawValue, "Record a vendor's proposal", parameters: [
                ParameterSpec("vendor", "V", "The vendor's party id", kind: .party),
                ParameterSpec("price", "AMOUNT", "The proposed price", kind: .money),
            ])
        case .close:
            return ActionSpec(rawValue, "Close the solicitation and start evaluating",
                              irreversible: "No more proposals can be recorded; evaluation starts.")
        case .score:
            return ActionSpec(rawValue, "Score a proposal on a criterion", parameters: [
                ParameterSpec("proposal", "P", "Proposal id or vendor id"),
                ParameterSpec("criterion", "C", "Criterion name"),
                ParameterSpec("score", "S", "0–100", kind: .integer),
            ])
        case .rejectProposal:
            return ActionSpec(rawValue, "Reject a proposal as non-responsive", parameters: [
                ParameterSpec("proposal", "P", "Proposal id or vendor id"),
                ParameterSpec("reason", "R", "Why it is not responsive"),
            ], irreversible: "The proposal can no longer be scored or awarded.")
        case .award:
            return ActionSpec(rawValue, "Award a proposal; creates the cooperative contract", parameters: [
                ParameterSpec("proposal", "P", "Proposal id or vendor id"),
                ParameterSpec("reason", "R", "Required when it is not the best-scoring proposal", required: false),
                ParameterSpec("renewals", "N", "Renewal options on the contract", kind: .integer, required: false),
                ParameterSpec("renewal-months", "M", "Months per renewal option (default 12)", kind: .integer, required: false),
            ], irreversible: "The contract is created with this vendor; no other proposal can be awarded.", createsRecords: true)
        case .complete:
            return ActionSpec(rawValue, "Complete the solicitation; drafts partners' addenda",
                              irreversible: "The solicitation is finished and every partner's addendum is drafted.", createsRecords: true)
        case .cancel:
            return ActionSpec(rawValue, "Cancel the solicitation", parameters: [
                ParameterSpec("reason", "R", "Why"),
            ], irreversible: "The solicitation ends for every partner and cannot be reopened.")
        case .declareUnsuccessful:
            return ActionSpec(rawValue, "Declare the solicitation unsuccessful", parameters: [
                ParameterSpec("reason", "R", "Why, e.g. too few proposals"),
            ], irreversible: "The solicitation ends without an award and cannot be reopened.")
        case .pledge:
            return ActionSpec(rawValue, "State or change your quantities per line (the lead's too)", parameters: [
                ParameterSpec("party", "P", "Your party", kind: .party),
                ParameterSpec.lineQuantities(required: false),
                ParameterSpec("spend", "AMOUNT", "Your estimated spend", kind: .money, required: false),
            ])
        case .removeLine:
            return ActionSpec(rawValue, "Remove a requirement line; pledges to it go with it", parameters: [
                ParameterSpec("line", "N", "The line's number", kind: .integer),
            ], irreversible: "The line goes, and every partner's quantity on it with it; adding the line again does not bring them back.")
        case .editLine:
            return ActionSpec(rawValue, "Change a requirement line's text, quantity or unit", parameters: [
                ParameterSpec("line", "N", "The line's number", kind: .integer),
                ParameterSpec("text", "T", "What is needed", required: false),
                ParameterSpec("quantity", "N", "How many, pooled across partners", kind: .integer, required: false),
                ParameterSpec("unit", "U", "Unit of measure, e.g. each, ton, license", required: false),
            ])
        case .withdrawInvitation:
            return ActionSpec(rawValue, "Withdraw an invitation a partner has not yet answered", parameters: [
                ParameterSpec("party", "P", "The invited party", kind: .party),
            ])
        }
    }
}
