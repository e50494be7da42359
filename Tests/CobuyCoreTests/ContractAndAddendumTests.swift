import Testing
@testable import CobuyCore

@Suite struct ContractMachineTests {
    @Test func signStartsTheTermAndNeedsAnEndAfterTheStart() throws {
        var world = World()
        let id = try world.evaluating()
        try #require(try world.act(World.salem, "award", on: id, ["proposal": "P1", "renewals": "1"]) == nil)
        let contract = try #require(world.solicitation(id).awards.first?.contract)
        #expect(try world.act(World.marion, "sign", on: contract, ["date": "2026-03-15", "end": "2027-03-14"])?.guardName == "role")
        #expect(try world.act(World.salem, "sign", on: contract, ["date": "2026-03-15", "end": "2026-03-15"])?.guardName == "end-after-start")
        #expect(try world.act(World.salem, "sign", on: contract, ["date": "2026-03-15", "end": "2027-03-14"]) == nil)
        #expect(world.contract(contract).status == .active)
        #expect(world.contract(contract).period == ContractPeriod(start: CalendarDate("2026-03-15")!, end: CalendarDate("2027-03-14")!))
    }

    @Test func renewUsesAnOptionAndAmendMovesTheEnd() throws {
        var world = World()
        let (_, contract) = try world.complete()
        #expect(try world.act(World.salem, "renew", on: contract)?.guardName == "renewal-left")
        world.directory.contracts[contract]?.renewalOptions = [RenewalOption(months: 12)]
        #expect(try world.act(World.salem, "renew", on: contract) == nil)
        #expect(world.contract(contract).period?.end.description == "2030-03-14")
        #expect(try world.act(World.salem, "renew", on: contract)?.guardName == "renewal-left")
        #expect(try world.act(World.salem, "amend", on: contract, ["date": "2026-01-01"])?.guardName == "end-after-start")
        #expect(try world.act(World.salem, "amend", on: contract, ["date": "2031-01-31"]) == nil)
        #expect(world.contract(contract).period?.end.description == "2031-01-31")
    }

    @Test func anExpiredContractIsDerivedAndCannotBeRenewed() throws {
        var world = World()
        let (_, contract) = try world.complete()
        world.directory.contracts[contract]?.renewalOptions = [RenewalOption(months: 12)]
        world.day = CalendarDate("2029-03-15")!
        #expect(world.contract(contract).isExpired(today: world.day))
        #expect(world.contract(contract).status == .active)
        #expect(world.contract(contract).displayStatus(today: world.day) == "expired")
        #expect(try world.act(World.salem, "renew", on: contract)?.guardName == "not-expired")
    }

    @Test func terminateAndCancelNeedReasonsAndTheRightState() throws {
        var world = World()
        let (_, contract) = try world.complete()
        #expect(try world.act(World.salem, "cancel", on: contract, ["reason": "x"])?.guardName == "state")
        #expect(try world.act(World.salem, "terminate", on: contract, ["reason": " "])?.guardName == "reason-required")
        #expect(try world.act(World.salem, "terminate", on: contract, ["reason": "Vendor default"]) == nil)
        #expect(world.contract(contract).status == .terminated)
    }
}

@Suite struct AddendumMachineTests {
    /// A piggyback draft by `officer` on the completed solicitation's contract.
    func piggyback(_ world: inout World, _ officer: Officer) throws -> (addendum: String, contract: String) {
        let (_, contract) = try world.complete()
        world.day = CalendarDate("2026-04-01")!
        let addendum = try AddendumMachine.draft(contract: contract, party: officer.party, in: world.context(officer)).get()
        world.store([.addendum(addendum)])
        return (addendum.id, contract)
    }

    @Test func aDraftCarriesThePartysStatutoryTermsAndContacts() throws {
        var world = World()
        let (id, contract) = try piggyback(&world, World.bend)
        let addendum = world.addendum(id)
        #expect(addendum.status == .draft)
        #expect(addendum.localTerms == [StatutoryTerm(topic: "Governing law", text: "US-OR law governs.")])
        #expect(addendum.endDate == world.contract(contract).period?.end)
        #expect(addendum.history.first?.action == "create")
    }

    @Test func anAddendumSignedBeforeTheTermStartsTakesEffectAtTheStart() throws {
        var world = World()
        let (_, contract) = try world.complete()
        let end = try #require(world.contract(contract).period?.end)
        world.directory.contracts[contract]?.period = ContractPeriod(start: CalendarDate("2026-06-01")!, end: end)
        world.day = CalendarDate("2026-04-01")!
        let bend = try #require(world.directory.parties["city-of-bend"])
        let checklist = Joinability.evaluate(contract: world.contract(contract), party: bend, today: world.day, addenda: [])
        let inTerm = try #require(checklist.checks.first { $0.name == "in-term" })
        #expect(inTerm.passed)
        #expect(inTerm.reason.contains("starts on 2026-06-01") && inTerm.reason.contains("no earlier than 2026-06-01"))
        let addendum = try AddendumMachine.draft(contract: contract, party: "city-of-bend", in: world.context(World.bend)).get()
        world.store([.addendum(addendum)])
        #expect(try world.act(World.bend, "edit", on: addendum.id, ["scope": "Buses", "spend": "50000"]) == nil)
        #expect(try world.act(World.bend, "submit", on: addendum.id) == nil)
        #expect(try world.act(World.salem, "approve", on: addendum.id) == nil)
        #expect(try world.act(World.bend, "sign", on: addendum.id, ["party": "participant", "signer": "Andrea", "date": "2026-04-01"]) == nil)
        #expect(try world.act(World.acme, "sign", on: addendum.id, ["party": "vendor", "signer": "Dana", "date": "2026-04-01"]) == nil)
        #expect(world.addendum(addendum.id).status == .executed)
        #expect(world.addendum(addendum.id).effectiveDate?.description == "2026-06-01")
    }

    @Test func theFullLifecycleEndsExecutedWithBothSignatures() throws {
        var world = World()
        let (id, contract) = try piggyback(&world, World.bend)
        #expect(try world.act(World.bend, "submit", on: id)?.guardName == "filled")
        #expect(try world.act(World.bend, "edit", on: id, ["scope": "Buses", "spend": "50000", "po-instructions": "Email POs"]) == nil)
        #expect(try world.act(World.bend, "edit", on: id, ["end": "2030-01-01"])?.guardName == "end-within-contract")
        #expect(try world.act(World.bend, "submit", on: id) == nil)
        #expect(try world.act(World.bend, "approve", on: id)?.guardName == "role")
        #expect(try world.act(World.salem, "approve", on: id) == nil)
        #expect(try world.act(World.salem, "sign", on: id, ["party": "participant", "signer": "X", "date": "2026-04-01"])?.guardName == "role")
        #expect(try world.act(World.bend, "sign", on: id, ["party": "participant", "signer": "Andrea", "date": "2026-04-02"])?.guardName == "date-not-future")
        #expect(try world.act(World.bend, "sign", on: id, ["party": "vendor", "signer": "Andrea", "date": "2026-04-01"])?.guardName == "role")
        #expect(try world.act(World.bend, "sign", on: id, ["party": "participant", "signer": "Andrea", "date": "2026-03-30"]) == nil)
        #expect(world.addendum(id).status == .approved)
        world.day = CalendarDate("2026-04-03")!
        #expect(try world.act(World.acme, "sign", on: id, ["party": "vendor", "signer": "Dana", "date": "2026-04-03"]) == nil)
        let executed = world.addendum(id)
        #expect(executed.status == .executed)
        #expect(executed.effectiveDate?.description == "2026-04-03")
        #expect(executed.endDate == world.contract(contract).period?.end)
        #expect(executed.consistencyProblems().isEmpty)
        #expect(try world.act(World.bend, "terminate", on: id, ["reason": "Moved to a new contract"]) == nil)
        #expect(world.addendum(id).status == .terminated)
    }

    @Test func aPartyNoLongerEligibleIsRefusedAtSubmitNamingTheFailingChecks() throws {
        // Drafting checks the gate; a draft left until the term runs short is checked again.
        var world = World()
        let (id, _) = try piggyback(&world, World.bend)
        try #require(try world.act(World.bend, "edit", on: id, ["scope": "Sedans", "spend": "100", "contact": "Jo"]) == nil)
        world.day = CalendarDate("2029-01-01")!
        let refusal = try world.act(World.bend, "submit", on: id)
        #expect(refusal?.guardName == "joinable")
        #expect(refusal?.reason.contains("days of term remain; at least 90 are needed") == true)
    }

    @Test func anIneligiblePartyCannotEvenDraft() throws {
        var world = World()
        let (_, contract) = try world.complete()
        world.day = CalendarDate("2026-04-01")!
        let refused = AddendumMachine.draft(contract: contract, party: "city-of-austin", in: world.context(World.austin))
        #expect(refused.failureGuard == "joinable")
    }

    @Test func returnRejectAndWithdraw() throws {
        var world = World()
        let (id, _) = try piggyback(&world, World.bend)
        try #require(try world.act(World.bend, "edit", on: id, ["scope": "Buses", "spend": "50000"]) == nil)
        try #require(try world.act(World.bend, "submit", on: id) == nil)
        #expect(try world.act(World.salem, "return", on: id, ["reason": "Add PO instructions"]) == nil)
        #expect(world.addendum(id).status == .draft)
        #expect(world.addendum(id).lastReason == "Add PO instructions")
        try #require(try world.act(World.bend, "submit", on: id) == nil)
        #expect(try world.act(World.salem, "reject", on: id, ["reason": "Out of scope"]) == nil)
        #expect(world.addendum(id).status == .rejected)
        #expect(try world.act(World.bend, "withdraw", on: id, ["reason": "x"])?.guardName == "state")
    }

    @Test func aSecondOpenAddendumForTheSamePartyIsRefused() throws {
        var world = World()
        let (_, contract) = try piggyback(&world, World.bend)
        let second = AddendumMachine.draft(contract: contract, party: "city-of-bend", in: world.context(World.bend))
        guard case .failure(let refusal) = second else { Issue.record("expected a refusal"); return }
        #expect(refusal.guardName == "no-other-addendum")
        let vendor = AddendumMachine.draft(contract: contract, party: "acme-fleet", in: world.context(World.acme))
        guard case .failure(let vendorRefusal) = vendor else { Issue.record("expected a refusal"); return }
        // acme-fleet performs this contract: the more precise reason comes first.
        #expect(vendorRefusal.guardName == "own-contract")
    }
}

@Suite struct JoinabilityTests {
    func evaluate(_ world: World, contract: String, party: String, excluding: String? = nil) -> Joinability {
        Joinability.evaluate(contract: world.contract(contract), party: world.directory.parties[party]!, today: world.day,
                             addenda: world.directory.addenda(onContract: contract), excluding: excluding)
    }

    func check(_ joinability: Joinability, _ name: String) -> Joinability.Check? {
        joinability.checks.first { $0.name == name }
    }

    @Test func everyCheckIsReportedWithAReason() throws {
        var world = World()
        let (_, contract) = try world.complete()
        let result = evaluate(world, contract: contract, party: "salem-keizer-sd")
        #expect(result.checks.map(\.name) == ["active", "in-term", "remaining-term", "cooperative-clause", "kind", "region", "no-other-addendum"])
        #expect(result.checks.allSatisfy { !$0.reason.isEmpty })
        #expect(check(result, "kind")?.passed == false) // the clause admits cities and counties only
        #expect(check(result, "region")?.passed == true)
    }

    @Test func theLeadAndTheVendorAreNotJoinersOfTheirOwnContract() throws {
        var world = World()
        let (_, contract) = try world.complete()
        let lead = world.contract(contract).leadParty, vendor = world.contract(contract).vendor
        #expect(lead == "city-of-salem")
        let asLead = evaluate(world, contract: contract, party: lead)
        #expect(!asLead.isJoinable)
        #expect(check(asLead, "own-contract")?.passed == false)
        #expect(check(asLead, "own-contract")?.reason
            == "city-of-salem leads \(contract): the lead administers this contract and needs no participating addendum.")
        #expect(check(evaluate(world, contract: contract, party: vendor), "own-contract")?.passed == false)
        #expect(!Joinability.applies(to: lead, on: world.contract(contract)))
        #expect(!Joinability.applies(to: vendor, on: world.contract(contract)))
        // Any other party gets no such line.
        #expect(Joinability.applies(to: "city-of-bend", on: world.contract(contract)))
        #expect(check(evaluate(world, contract: contract, party: "city-of-bend"), "own-contract") == nil)
        // The join gate refuses the lead, even acting for itself.
        let drafted = AddendumMachine.draft(contract: contract, party: lead, in: world.context(World.salem))
        guard case .failure(let refusal) = drafted else { Issue.record("the lead drafted an addendum on its own contract"); return }
        #expect(refusal.guardName == "own-contract")
        #expect(refusal.reason.contains("the lead administers this contract"))
    }

    @Test func namedParticipantsPassTheClauseKindAndRegionChecks() throws {
        var world = World()
        let (_, contract) = try world.complete()
        world.directory.contracts[contract]?.cooperativeClause = .closed
        let result = evaluate(world, contract: contract, party: "marion-county")
        #expect(check(result, "cooperative-clause")?.passed == true)
        #expect(check(result, "cooperative-clause")?.reason.contains("named participant") == true)
        #expect(check(result, "no-other-addendum")?.passed == false) // complete drafted one
    }

    @Test func termChecksFailNearTheEndAndAfterIt() throws {
        var world = World()
        let (_, contract) = try world.complete()
        world.day = CalendarDate("2029-01-01")!
        #expect(check(evaluate(world, contract: contract, party: "city-of-salem"), "remaining-term")?.passed == false)
        world.day = CalendarDate("2029-03-15")!
        let after = evaluate(world, contract: contract, party: "city-of-salem")
        #expect(check(after, "in-term")?.passed == false)
        #expect(check(after, "in-term")?.reason.contains("ended") == true)
    }

    @Test func outsideRegionsAndInactiveContractsFail() throws {
        var world = World()
        let (_, contract) = try world.complete()
        #expect(check(evaluate(world, contract: contract, party: "city-of-austin"), "region")?.passed == false)
        world.directory.contracts[contract]?.status = .terminated
        #expect(check(evaluate(world, contract: contract, party: "city-of-salem"), "active")?.passed == false)
        #expect(check(evaluate(world, contract: contract, party: "acme-fleet"), "kind")?.passed == false)
    }

    @Test func theAddendumBeingSubmittedDoesNotBlockItself() throws {
        var world = World()
        let (_, contract) = try world.complete()
        let draft = try #require(world.directory.addenda(onContract: contract).first)
        #expect(check(evaluate(world, contract: contract, party: "marion-county", excluding: draft.id), "no-other-addendum")?.passed == true)
    }
}

@Suite struct JoinGateTests {
    @Test func aDraftForAPartyTheChecklistRefusesIsRefusedWithEveryFailedCheck() throws {
        var world = World()
        let (_, contract) = try world.complete()
        // The contract admits cities and counties in Oregon; Austin is in Texas.
        world.day = CalendarDate("2026-04-01")!
        let refused = Creation.addendum(contract: contract, party: "city-of-austin", in: world.context(World.austin))
        guard case .failure(let refusal) = refused else { Issue.record("expected a refusal"); return }
        #expect(refusal.guardName == "joinable")
        #expect(refusal.unmet.count == 1)
        #expect(refusal.unmet.first?.hasPrefix("region:") == true)
    }

    @Test func tooLittleTermLeftRefusesTheDraft() throws {
        var world = World()
        let (_, contract) = try world.complete()
        world.day = CalendarDate("2029-01-01")!
        let refused = Creation.addendum(contract: contract, party: "city-of-bend", in: world.context(World.bend))
        guard case .failure(let refusal) = refused else { Issue.record("expected a refusal"); return }
        #expect(refusal.unmet.contains { $0.hasPrefix("remaining-term:") })
    }

    @Test func aRegisteredContractTakesItsCurrencyFromTheFlagOrTheStoreDefault() throws {
        let world = World()
        let euro = try ContractRegistration(title: "Salt", lead: "city-of-salem", vendor: "acme-fleet", ceiling: "250000", currency: "EUR")
        #expect(euro.ceiling == Money(amount: 25_000_000, currency: "EUR"))
        let plain = try ContractRegistration(title: "Salt", lead: "city-of-salem", vendor: "acme-fleet", ceiling: "250000")
        #expect(plain.ceiling?.currency == ActionContext.defaultCurrency)
        #expect(throws: ActionInputError.self) { try ContractRegistration(title: "T", lead: "l", vendor: "v", ceiling: "lots") }
        #expect(throws: ActionInputError.self) { try ContractRegistration(title: "T", lead: "l", vendor: "v", currency: "euro") }
        #expect(throws: ActionInputError.self) { try ContractRegistration(title: "T", lead: "l", vendor: "v", renewals: -1) }
        let contract = try Creation.registeredContract(euro, in: world.context(World.salem)).get()
        #expect(contract.ceiling?.currency == "EUR")
        #expect(contract.cooperativeClause.open)
        let closed = try ContractRegistration(title: "Salt", lead: "city-of-salem", vendor: "acme-fleet", closed: true)
        #expect(try Creation.registeredContract(closed, in: world.context(World.salem)).get().cooperativeClause == .closed)
        let vendorLead = try ContractRegistration(title: "Salt", lead: "acme-fleet", vendor: "acme-fleet")
        #expect(Creation.registeredContract(vendorLead, in: world.context(World.salem)).failureGuard == "lead-known")
    }
}

extension Result where Failure == Refusal {
    var failureGuard: String? {
        if case .failure(let refusal) = self { return refusal.guardName }
        return nil
    }
}
