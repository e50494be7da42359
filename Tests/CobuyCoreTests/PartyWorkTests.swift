import Testing
@testable import CobuyCore

/// What waits for a party, and the Next line from its side, as the machines answer for it.
@Suite struct PartyWorkTests {
    func items(_ world: World, for party: String) -> [WorkItem] {
        PartyWork.items(for: party, solicitations: world.directory.solicitations.values.sorted { $0.id < $1.id },
                        contracts: world.directory.contracts.values.sorted { $0.id < $1.id },
                        addenda: world.directory.addenda.values.sorted { $0.id < $1.id },
                        now: Timestamp(date: world.day, hour: 9), lookup: world.directory)
    }

    func next(_ world: World, _ id: String, for party: String) throws -> NextStep {
        let record = try #require(world.anyRecord(id))
        return PartyWork.nextStep(on: record, for: party, now: Timestamp(date: world.day, hour: 9), lookup: world.directory)
    }

    @Test func anInvitedPartnerIsAskedToJoinAndTheLeadToSign() throws {
        var world = World()
        let id = try world.draft()
        try #require(try world.act(World.salem, "circulate", on: id) == nil)
        let marion = items(world, for: "marion-county")
        #expect(marion.map(\.recordID) == [id])
        #expect(marion.first?.action == "join")
        #expect(marion.first?.detail.contains("invited") == true)
        #expect(try next(world, id, for: "marion-county").isYours("join"))
        #expect(items(world, for: "city-of-salem").first?.action == "sign-agreement")
        // A party with no part in it has nothing waiting.
        #expect(items(world, for: "city-of-austin").isEmpty)
    }

    @Test func aPartnerThatSignedWaitsOnTheLeadNotOnItsOwnStep() throws {
        var world = World()
        let id = try world.draft()
        try #require(try world.act(World.salem, "circulate", on: id) == nil)
        try #require(try world.act(World.marion, "join", on: id, ["party": "marion-county", "quantity": "5"]) == nil)
        try #require(try world.act(World.marion, "sign-agreement", on: id, ["party": "marion-county", "signer": "D. B."]) == nil)
        // Marion's own steps are done: the lead signs next, then forms.
        #expect(try next(world, id, for: "marion-county") == .waiting(on: ["city-of-salem"], action: "sign-agreement", blocked: nil))
        #expect(try next(world, id, for: "marion-county").text { $0 } == "nothing for you; waiting on city-of-salem to sign-agreement")
        #expect(items(world, for: "marion-county").isEmpty)
        try #require(try world.act(World.salem, "sign-agreement", on: id, ["party": "city-of-salem", "signer": "K. S."]) == nil)
        #expect(try next(world, id, for: "city-of-salem").isYours("form"))
        #expect(try next(world, id, for: "marion-county") == .waiting(on: ["city-of-salem"], action: "form", blocked: nil))
    }

    @Test func aPartnerWaitingOnABlockedLeadStepIsToldWhy() throws {
        var world = World()
        let id = try world.soliciting()
        world.day = CalendarDate("2026-02-10")!
        guard case let .waiting(on, action, blocked) = try next(world, id, for: "marion-county") else {
            Issue.record("expected waiting")
            return
        }
        #expect(on == ["city-of-salem"])
        #expect(action == "close")
        #expect(blocked?.guardName == "closing-passed")
        // The lead's own step is blocked until the closing date passes.
        guard case .blocked("close", let refusal) = try next(world, id, for: "city-of-salem") else {
            Issue.record("expected blocked")
            return
        }
        #expect(refusal.guardName == "closing-passed")
    }

    @Test func closingWithinThirtyDaysIsADeadlineForLeadAndPartners() throws {
        var world = World()
        let id = try world.soliciting()
        // Closes 2026-03-01: 19 days from 2026-02-10, inside the window.
        world.day = CalendarDate("2026-02-10")!
        let marion = items(world, for: "marion-county")
        #expect(marion.map(\.recordID) == [id])
        #expect(marion.first?.days == 19)
        #expect(marion.first?.action == nil)
        #expect(marion.first?.detail == "closes for proposals 2026-03-01 (in 19 days)")
        #expect(items(world, for: "city-of-salem").first?.action == "close")
        // 50 days ahead it is not yet a deadline.
        world.day = CalendarDate("2026-01-10")!
        #expect(items(world, for: "marion-county").isEmpty)
    }

    @Test func theAddendumWaitsOnEachPartyInTurn() throws {
        var world = World()
        let (_, contract) = try world.complete()
        world.day = CalendarDate("2026-04-01")!
        let addendum = try #require(world.directory.addenda.values.first { $0.contract == contract }).id
        // complete drafted it filled in: Marion submits, Salem (the contract's lead) approves.
        #expect(items(world, for: "marion-county").map(\.action) == ["submit"])
        #expect(items(world, for: "city-of-salem").isEmpty)
        try #require(try world.act(World.marion, "submit", on: addendum) == nil)
        #expect(items(world, for: "city-of-salem").map(\.action) == ["approve"])
        #expect(try next(world, addendum, for: "marion-county") == .waiting(on: ["city-of-salem"], action: "approve", blocked: nil))
        try #require(try world.act(World.salem, "approve", on: addendum) == nil)
        #expect(try next(world, addendum, for: "city-of-salem") == .waiting(on: ["marion-county", "acme-fleet"], action: "sign", blocked: nil))
        #expect(items(world, for: "acme-fleet").map(\.detail) == ["sign the addendum as vendor"])
        try #require(try world.act(World.marion, "sign", on: addendum, ["party": "participant", "signer": "D. B.", "date": "2026-04-01"]) == nil)
        #expect(items(world, for: "marion-county").isEmpty)
        #expect(try next(world, addendum, for: "marion-county") == .waiting(on: ["acme-fleet"], action: "sign", blocked: nil))
        #expect(items(world, for: "acme-fleet").map(\.action) == ["sign"])
    }

    @Test func anUnfilledDraftIsItsPartysWork() throws {
        var world = World()
        let (_, contract) = try world.complete()
        world.day = CalendarDate("2026-04-01")!
        let draft = try AddendumMachine.draft(contract: contract, party: "city-of-bend", in: world.context(World.bend)).get()
        world.store([.addendum(draft)])
        let bend = items(world, for: "city-of-bend")
        #expect(bend.map(\.recordID) == [draft.id])
        #expect(bend.first?.action == "submit")
        #expect(bend.first?.detail.hasPrefix("finish the draft: The draft lacks") == true)
        // The lead is not asked to finish a participant's draft.
        #expect(!items(world, for: "city-of-salem").contains { $0.recordID == draft.id })
    }

    @Test func aContractEndingSoonIsItsLeadsDeadline() throws {
        var world = World()
        let (_, contract) = try world.complete()
        world.day = CalendarDate("2029-03-01")!
        let salem = items(world, for: "city-of-salem").filter { $0.recordID == contract }
        #expect(salem.map(\.days) == [13])
        #expect(salem.first?.detail == "ends 2029-03-14 (in 13 days)")
    }

    @Test func anAwardLinksToItsContractAndBack() throws {
        var world = World()
        let (solicitation, contract) = try world.complete()
        let fromSolicitation = RecordLinks.links(from: try #require(world.anyRecord(solicitation)), lookup: world.directory, directory: world.directory)
        #expect(fromSolicitation.first?.id == contract)
        #expect(fromSolicitation.first?.relation == "awarded contract (P1)")
        #expect(fromSolicitation.map(\.id).contains("marion-county"))
        #expect(fromSolicitation.map(\.id).contains("northwind"))
        let fromContract = RecordLinks.links(from: try #require(world.anyRecord(contract)), lookup: world.directory, directory: world.directory)
        let addendum = try #require(world.directory.addenda.values.first { $0.contract == contract }).id
        #expect(fromContract.map(\.id) == [solicitation, "city-of-salem", "acme-fleet", addendum])
        let fromAddendum = RecordLinks.links(from: try #require(world.anyRecord(addendum)), lookup: world.directory, directory: world.directory)
        #expect(fromAddendum.map(\.id) == [contract, "marion-county", "city-of-salem", "acme-fleet"])
        let fromParty = RecordLinks.links(from: try #require(world.anyRecord("marion-county")), lookup: world.directory, directory: world.directory)
        #expect(fromParty.map(\.id) == [solicitation, addendum])
    }
}

extension NextStep {
    func isYours(_ action: String) -> Bool {
        if case .yours(action, _) = self { return true }
        return false
    }
}

extension PartyWorkTests {
    @Test func anImportedContractWaitsForNobody() throws {
        var world = World()
        let (_, contract) = try world.complete()
        world.directory.contracts[contract]?.source = ContractSource(kind: .imported, publisher: "Sourcewell")
        // Its publisher maintains it: no step is anyone's, so the Next line does not call sign "blocked".
        #expect(try next(world, contract, for: "city-of-salem") == .nothing(status: "active"))
        #expect(!items(world, for: "city-of-salem").contains { $0.recordID == contract })
    }
}

extension PartyWorkTests {
    @Test func theNextLineNamesWhoIsWaitedOnAndWhyItIsBlocked() {
        let refusal = Refusal("closing-passed", "The closing date 2026-03-01 has not passed.", remedy: "Wait until 2026-03-02.")
        let names = ["city-of-salem": "City of Salem", "acme-fleet": "Acme Fleet"]
        let name: (String) -> String = { names[$0] ?? $0 }
        #expect(NextStep.waiting(on: ["city-of-salem"], action: "close", blocked: refusal).text(name: name)
                == "nothing for you; waiting on City of Salem to close (blocked: The closing date 2026-03-01 has not passed.)")
        #expect(NextStep.waiting(on: ["city-of-salem", "acme-fleet"], action: "sign", blocked: nil).text(name: name)
                == "nothing for you; waiting on City of Salem and Acme Fleet to sign")
        #expect(NextStep.blocked(action: "close", refusal: refusal).text(name: name)
                == "close is blocked: The closing date 2026-03-01 has not passed. Wait until 2026-03-02.")
        #expect(NextStep.nothing(status: "complete").text(name: name) == "nothing; the record is complete")
    }
}
