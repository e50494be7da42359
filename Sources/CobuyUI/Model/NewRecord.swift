import CobuyCore

/// `new solicitation`, `new party`, `new contract`, `new addendum`: what can be created in the
/// UI, in the command line's words and flags, so the palette reads like `cobuy new`.
public enum NewRecord: String, CaseIterable, Sendable, Equatable {
    case solicitation, party, contract, addendum

    /// The palette's words, as on the command line.
    public var command: String { "new \(rawValue)" }

    /// The form's fields, one per `cobuy new` flag the form asks for.
    public var spec: ActionSpec {
        switch self {
        case .solicitation:
            return ActionSpec(command, "Start a draft joint solicitation", parameters: [
                ParameterSpec("title", "T", "What the partners will buy"),
                ParameterSpec("lead", "PARTY", "The lead party (empty: you start as a partner)", kind: .party, required: false),
                ParameterSpec("category", "C", "A category such as Fleet or IT", required: false),
                ParameterSpec("description", "T", "A longer description", required: false),
            ])
        case .party:
            return ActionSpec(command, "Record a public body or a vendor", parameters: [
                ParameterSpec("id", "ID", "A slug such as city-of-salem"),
                ParameterSpec("name", "NAME", "The full name"),
                ParameterSpec("kind", "KIND", "The kind of party", kind: .choice(PartyKind.allCases.map(\.rawValue))),
                ParameterSpec("region", "CODE", "ISO 3166 code such as US-OR"),
                ParameterSpec("population", "N", "Population served", kind: .integer, required: false),
                ParameterSpec("signatory", "TEXT", "Who signs for the party, \"Name, Title\"", required: false),
            ])
        case .contract:
            return ActionSpec(command, "Register a cooperative contract awarded elsewhere", parameters: [
                ParameterSpec("title", "T", "The contract's title"),
                ParameterSpec("lead", "PARTY", "The lead agency that awarded it", kind: .party),
                ParameterSpec("vendor", "PARTY", "The vendor", kind: .party),
                ParameterSpec("category", "C", "A category", required: false),
                ParameterSpec("kinds", "K,K", "Eligible kinds, comma-separated (empty: all)", required: false),
                ParameterSpec("regions", "R,R", "Eligible regions, comma-separated (empty: all)", required: false),
            ])
        case .addendum:
            return ActionSpec(command, "Draft a participating addendum on a contract", parameters: [
                ParameterSpec("contract", "CON", "The cooperative contract"),
                ParameterSpec("party", "PARTY", "The participating public body", kind: .party),
            ])
        }
    }

    /// Where the new record shows.
    public var tab: AppState.Tab {
        switch self {
        case .solicitation: return .solicitations
        case .party: return .parties
        case .contract: return .contracts
        case .addendum: return .addenda
        }
    }

    /// The kind a tab creates with `n`.
    public static func forTab(_ tab: AppState.Tab) -> NewRecord? {
        switch tab {
        case .dashboard: return nil
        case .solicitations: return .solicitation
        case .contracts: return .contract
        case .addenda: return .addendum
        case .parties: return .party
        }
    }

    /// Checks the inputs and builds the record: the UI asks this before writing (refusals keep
    /// the form open), and the runtime calls it again inside the store's transaction.
    public func make(_ arguments: ActionArguments, in context: ActionContext) -> Result<AnyRecord, Refusal> {
        let text = { (flag: String) in arguments[flag]?.trimmingSpaces ?? "" }
        let optional = { (flag: String) -> String? in text(flag).isEmpty ? nil : text(flag) }
        switch self {
        case .solicitation:
            return Creation.solicitation(title: text("title"), lead: optional("lead"), category: text("category"),
                                         description: text("description"), in: context).map(AnyRecord.solicitation)
        case .party:
            var population: Int?
            if let typed = optional("population") {
                guard let value = Int(typed) else { return .failure(Refusal("population", "The population must be a whole number.")) }
                population = value
            }
            return Creation.party(id: text("id"), name: text("name"), kind: text("kind"), region: text("region"),
                                  population: population, terms: [], signatory: optional("signatory"), in: context).map(AnyRecord.party)
        case .contract:
            // Kinds and regions left empty mean all, as on the command line.
            let registration: ContractRegistration
            do {
                registration = try ContractRegistration(title: text("title"), lead: text("lead"), vendor: text("vendor"),
                                                        category: text("category"), kinds: optional("kinds"),
                                                        regions: optional("regions"), currency: context.currency)
            } catch {
                return .failure(Refusal("input", error.description))
            }
            return Creation.registeredContract(registration, in: context).map(AnyRecord.contract)
        case .addendum:
            return AddendumMachine.draft(contract: text("contract"), party: text("party"), in: context).map(AnyRecord.addendum)
        }
    }
}
