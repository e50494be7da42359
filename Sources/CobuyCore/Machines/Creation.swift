/// New records, each with the audit entry that created it.
public enum Creation {
    /// A new party. Anyone may record a party; no acting party is needed.
    public static func party(id: String, name: String, kind: String, region: String, population: Int?,
                             terms: [String], contacts: [String] = [], signatory: String? = nil,
                             in context: ActionContext) -> Result<Party, Refusal> {
        guard Party.isValidID(id) else {
            return .failure(Refusal("id-slug", "\"\(id)\" is not a usable party id.",
                                    remedy: "Use lower-case letters, digits and hyphens, e.g. city-of-salem."))
        }
        guard context.lookup.party(id) == nil else {
            return .failure(Refusal("id-unique", "A party \(id) already exists."))
        }
        guard !name.trimmingSpaces.isEmpty else { return .failure(.emptyText("name", "name")) }
        guard let kindValue = PartyKind(typed: kind) else {
            return .failure(Refusal("kind-known", "\"\(kind)\" is not a kind of party.",
                                    remedy: "Use one of: \(PartyKind.allCases.map(\.rawValue).joined(separator: ", "))."))
        }
        guard let regionValue = RegionCode(region) else {
            return .failure(Refusal("region-known", "\"\(region)\" is not a region code.", remedy: "Use a code such as US-OR."))
        }
        if let population, population < 0 {
            return .failure(Refusal("population", "The population cannot be negative."))
        }
        var statutory: [StatutoryTerm] = []
        for term in terms {
            guard let parsed = StatutoryTerm(commandLine: term) else {
                return .failure(Refusal("term-form", "The term \"\(term)\" is not in the form \"Topic: text\"."))
            }
            statutory.append(parsed)
        }
        var party = Party(id: id, name: name.trimmingSpaces, kind: kindValue, region: regionValue,
                          population: population, statutoryTerms: statutory)
        party.contacts = contacts.compactMap(Contact.init(commandLine:))
        if let signatory {
            let parts = signatory.split(separator: ",", maxSplits: 1).map { $0.trimmingSpaces }
            guard let signer = parts.first, !signer.isEmpty else {
                return .failure(Refusal("signatory-form", "The signatory \"\(signatory)\" is not in the form \"Name, Title\"."))
            }
            party.signatory = Signatory(name: signer, title: parts.count > 1 ? parts[1] : "")
        }
        // The audit trail holds every field given, so the record's first state can be read back.
        var details = ["name": party.name, "kind": kindValue.rawValue, "region": regionValue.code]
        if let population { details["population"] = String(population) }
        if !statutory.isEmpty { details["terms"] = statutory.map { "\($0.topic): \($0.text)" }.joined(separator: "; ") }
        if !party.contacts.isEmpty { details["contacts"] = party.contacts.map(\.summary).joined(separator: "; ") }
        if let signer = party.signatory { details["signatory"] = signer.title.isEmpty ? signer.name : "\(signer.name), \(signer.title)" }
        party.history = [context.entry(for: party, action: "create", from: nil, to: "recorded", details: details)]
        return .success(party)
    }

    /// A new draft joint solicitation. With a lead, the lead is its first partner; without,
    /// the acting party is, and a lead is designated later.
    public static func solicitation(title: String, lead: String?, category: String, description: String,
                                    in context: ActionContext) -> Result<JointSolicitation, Refusal> {
        guard !title.trimmingSpaces.isEmpty else { return .failure(.emptyText("title", "title")) }
        let founder = lead ?? context.officer.party
        guard let party = context.lookup.party(founder) else {
            return .failure(.unknownParty(founder, lookup: context.lookup))
        }
        guard party.kind.isPublicBody else {
            return .failure(Refusal("public-body", "\(founder) is a vendor; a joint solicitation is led by a public body."))
        }
        var ids = context.ids
        var solicitation = JointSolicitation(id: ids.next("SOL", year: context.today.year), title: title.trimmingSpaces,
                                             description: description.trimmingSpaces, category: category.trimmingSpaces,
                                             leadParty: lead, partners: [Partner(party: founder, status: .joined)],
                                             currency: context.currency)
        var details = ["title": solicitation.title]
        if let lead { details["lead"] = lead }
        if !solicitation.category.isEmpty { details["category"] = solicitation.category }
        if !solicitation.description.isEmpty { details["description"] = solicitation.description }
        solicitation.history = [context.entry(for: solicitation, action: "create", from: nil, to: "draft", details: details)]
        return .success(solicitation)
    }

    /// A draft participating addendum for `party` on `contract`, with the party's statutory
    /// terms: the join gate. Refused unless the party passes every check of the joinability
    /// checklist (``Joinability``), so the command line and the UI refuse the same parties.
    public static func addendum(contract contractID: String, party partyID: String,
                             in context: ActionContext) -> Result<ParticipatingAddendum, Refusal> {
        guard let contract = context.lookup.contract(contractID) else {
            return .failure(Refusal("contract-known", "There is no contract \(contractID) in the store.", remedy: "See cobuy list contracts."))
        }
        guard let party = context.lookup.party(partyID) else {
            return .failure(.unknownParty(partyID, lookup: context.lookup))
        }
        // The lead and the vendor are parties to the contract itself: nothing to join.
        if let own = Joinability.ownContractCheck(contract: contract, party: party.id) {
            return .failure(Refusal(own.name, own.reason, remedy: "Addenda on \(contract.id) are drafted for the other public bodies that join it."))
        }
        guard party.kind.isPublicBody else {
            return .failure(Refusal("public-body", "\(party.id) is a vendor; only public bodies sign participating addenda."))
        }
        guard context.officer.party == party.id || context.officer.party == contract.leadParty else {
            return .failure(Refusal("role", "Only \(party.id) itself or the contract's lead may draft its addendum; you act for \(context.officer.party).",
                                    remedy: "Act with --for \(party.id)."))
        }
        if let existing = context.lookup.addenda(onContract: contract.id).first(where: { $0.party == party.id && $0.status.blocksAnother }) {
            // An executed addendum is done: the party already uses the contract, nothing is left to work on.
            return .failure(Refusal("no-other-addendum", "\(party.id) already has addendum \(existing.id) (\(existing.status.rawValue)) on \(contract.id).",
                                    remedy: existing.status == .executed ? "It already participates through \(existing.id)."
                                        : "Work on \(existing.id) instead."))
        }
        let checklist = Joinability.evaluate(contract: contract, party: party, today: context.today,
                                             addenda: context.lookup.addenda(onContract: contract.id),
                                             minimumRemainingDays: context.minimumRemainingTermDays)
        guard checklist.isJoinable else {
            return .failure(Refusal("joinable", "\(party.id) may not join \(contract.id): "
                                        + checklist.failures.map(\.reason).joined(separator: " "),
                                    remedy: "See cobuy actions \(contract.id) --for \(party.id) for the full checklist.",
                                    unmet: checklist.failures.map { "\($0.name): \($0.reason)" }))
        }
        var ids = context.ids
        var addendum = ParticipatingAddendum(id: ids.next("PA", year: context.today.year), contract: contract.id,
                                             party: party.id, localTerms: party.statutoryTerms)
        addendum.contacts = party.contacts
        addendum.endDate = contract.period?.end
        addendum.history = [context.entry(for: addendum, action: "create", from: nil, to: ParticipatingAddendum.Status.draft.rawValue,
                                          details: ["contract": contract.id, "party": party.id])]
        return .success(addendum)
    }

    /// A contract awarded elsewhere, entered by hand from another cooperative's documents, from
    /// the inputs as typed (`cobuy new contract`).
    public static func registeredContract(_ request: ContractRegistration,
                                          in context: ActionContext) -> Result<CooperativeContract, Refusal> {
        var clause = CooperativeClause.closed
        if let kinds = request.kinds, let regions = request.regions {
            switch SolicitationMachine.parseClause(kinds: kinds, regions: regions) {
            case .success(let value): clause = value
            case .failure(let refusal): return .failure(refusal)
            }
        }
        return registeredContract(title: request.title, lead: request.lead, vendor: request.vendor, category: request.category,
                                  publisher: request.publisher, clause: clause, ceiling: request.ceiling,
                                  renewals: Array(repeating: RenewalOption(months: request.renewalMonths), count: request.renewals),
                                  in: context)
    }

    /// A contract awarded elsewhere, entered by hand from another cooperative's documents.
    public static func registeredContract(title: String, lead: String, vendor: String, category: String, publisher: String?,
                                          clause: CooperativeClause, ceiling: Money?, renewals: [RenewalOption],
                                          in context: ActionContext) -> Result<CooperativeContract, Refusal> {
        guard !title.trimmingSpaces.isEmpty else { return .failure(.emptyText("title", "title")) }
        guard let leadParty = context.lookup.party(lead) else {
            return .failure(.unknownParty(lead, lookup: context.lookup, guardName: "lead-known", role: "lead"))
        }
        guard leadParty.kind.isPublicBody else {
            return .failure(Refusal("lead-known", "The lead \(lead) is a vendor, not a public body."))
        }
        guard let vendorParty = context.lookup.party(vendor) else {
            return .failure(.unknownParty(vendor, lookup: context.lookup, guardName: "vendor", role: "vendor", vendor: true))
        }
        guard vendorParty.kind == .vendor else {
            return .failure(Refusal("vendor", "\(vendor) is a \(vendorParty.kind.label), not a vendor."))
        }
        var ids = context.ids
        var contract = CooperativeContract(id: ids.next("CON", year: context.today.year), title: title.trimmingSpaces,
                                           category: category.trimmingSpaces,
                                           source: ContractSource(kind: .registered, publisher: publisher ?? leadParty.name),
                                           leadParty: lead, vendor: vendor, cooperativeClause: clause)
        contract.leadName = leadParty.name
        contract.vendorName = vendorParty.name
        contract.ceiling = ceiling
        contract.renewalOptions = renewals
        var details = ["title": contract.title, "lead": lead, "vendor": vendor, "publisher": contract.source.publisher ?? leadParty.name,
                       "eligible": clause.summary]
        if !contract.category.isEmpty { details["category"] = contract.category }
        if let ceiling { details["ceiling"] = ceiling.description }
        if !renewals.isEmpty { details["renewals"] = renewals.map { $0.months.counted("month") }.joined(separator: ", ") }
        contract.history = [context.entry(for: contract, action: "create", from: nil, to: "pending", details: details)]
        return .success(contract)
    }
}
