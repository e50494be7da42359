import Testing
@testable import CobuyCore

/// Refusals never advise a step the party has already taken: each says where the party stands.
@Suite struct RefusalWordsTests {
    @Test func joinAfterJoiningSaysSoAndDoesNotAdviseAnInvitation() throws {
        var world = World()
        let id = try world.draft()
        try #require(try world.act(World.salem, "circulate", on: id) == nil)
        try #require(try world.act(World.marion, "join", on: id, ["party": "marion-county"]) == nil)
        let refusal = try #require(try world.act(World.marion, "join", on: id, ["party": "marion-county"]))
        #expect(refusal.reason == "marion-county has already joined the cooperative.")
        #expect(!refusal.description.contains("invite"))
        #expect(refusal.remedy.contains("sign-agreement"))
    }

    @Test func signAgreementAfterSigningDoesNotSayJoinFirst() throws {
        var world = World()
        let id = try world.draft()
        try #require(try world.act(World.salem, "circulate", on: id) == nil)
        try #require(try world.act(World.marion, "join", on: id, ["party": "marion-county"]) == nil)
        try #require(try world.act(World.marion, "sign-agreement", on: id, ["party": "marion-county", "signer": "D"]) == nil)
        let refusal = try #require(try world.act(World.marion, "sign-agreement", on: id, ["party": "marion-county", "signer": "D"]))
        #expect(refusal.reason == "marion-county has already signed the cooperative agreement.")
        #expect(!refusal.description.contains("Join first"))
        // The lead, which joined when it founded the draft, is never told to join either.
        #expect(try world.act(World.salem, "sign-agreement", on: id, ["party": "city-of-salem", "signer": "K"]) == nil)
        let lead = try #require(try world.act(World.salem, "sign-agreement", on: id, ["party": "city-of-salem", "signer": "K"]))
        #expect(!lead.description.contains("Join first"))
    }

    @Test func signAgreementWithoutAnInvitationAdvisesTheInvitationNotJoining() throws {
        var world = World()
        let id = try world.draft()
        try #require(try world.act(World.salem, "circulate", on: id) == nil)
        let refusal = try #require(try world.act(World.bend, "sign-agreement", on: id, ["party": "city-of-bend", "signer": "J"]))
        #expect(refusal.reason == "city-of-bend is not a partner of this solicitation.")
        #expect(refusal.remedy.contains("invite --party city-of-bend"))
        let invited = try #require(try world.act(World.marion, "sign-agreement", on: id, ["party": "marion-county", "signer": "D"]))
        #expect(invited.remedy.hasPrefix("Join first"))
    }

    @Test func pledgeByAnUninvitedPartyAdvisesTheInvitation() throws {
        var world = World()
        let id = try world.draft()
        let refusal = try #require(try world.act(World.bend, "pledge", on: id, ["party": "city-of-bend", "quantity": "1=2"]))
        #expect(refusal.guardName == "joined")
        #expect(!refusal.description.contains("Join first"))
        #expect(refusal.remedy.contains("invite"))
    }

    @Test func joinAfterWithdrawingAdvisesANewInvitation() throws {
        var world = World()
        let id = try world.draft()
        try #require(try world.act(World.salem, "circulate", on: id) == nil)
        try #require(try world.act(World.marion, "withdraw", on: id, ["party": "marion-county", "reason": "budget"]) == nil)
        let refusal = try #require(try world.act(World.marion, "join", on: id, ["party": "marion-county"]))
        #expect(refusal.reason == "marion-county withdrew from this solicitation.")
        #expect(refusal.remedy.contains("invite it again"))
    }

    @Test func formNamesWhoMustJoinBeforeSigning() throws {
        var world = World()
        let id = try world.draft()
        try #require(try world.act(World.salem, "circulate", on: id) == nil)
        try #require(try world.act(World.salem, "sign-agreement", on: id, ["party": "city-of-salem", "signer": "K"]) == nil)
        let refusal = try #require(try world.act(World.salem, "form", on: id))
        #expect(refusal.guardName == "partners-signed")
        #expect(refusal.remedy.hasPrefix("marion-county must join and then sign"))
    }

    @Test func completeWithACancelledContractDoesNotAdviseSigningIt() throws {
        var world = World()
        let id = try world.evaluating()
        try #require(try world.act(World.salem, "award", on: id, ["proposal": "P1"]) == nil)
        let contract = try #require(world.solicitation(id).awards.first?.contract)
        let pending = try #require(try world.act(World.salem, "complete", on: id))
        #expect(pending.remedy.contains("sign"))
        try #require(try world.act(World.salem, "cancel", on: contract, ["reason": "vendor went bankrupt"]) == nil)
        let refusal = try #require(try world.act(World.salem, "complete", on: id))
        #expect(refusal.guardName == "contracts-active")
        #expect(!refusal.remedy.contains("sign"))
        #expect(refusal.remedy.contains("cancel the solicitation"))
    }

    @Test func publishWithWeightsAbove100DoesNotAdviseAddingCriteria() throws {
        var world = World()
        let id = try world.formed()
        try #require(try world.act(World.salem, "set-tender", on: id, ["number": "RFP 1", "date": "2026-03-01"]) == nil)
        try #require(try world.act(World.salem, "set-cooperative", on: id, ["none": "true"]) == nil)
        // A hand-edited file can hold weights above 100; add-criterion would refuse any more.
        world.directory.solicitations[id]?.criteria = [EvaluationCriterion(name: "Price", weight: 70), EvaluationCriterion(name: "Service", weight: 50)]
        let refusal = try #require(try world.act(World.salem, "publish", on: id))
        #expect(refusal.guardName == "weights-100")
        #expect(!refusal.remedy.contains("add-criterion"))
    }

    @Test func aSideThatSignedIsToldItSignedNotToActForTheOther() throws {
        var world = World()
        let (_, contract) = try world.complete()
        world.day = CalendarDate("2026-04-01")!
        let addendum = try #require(world.directory.addenda.values.first { $0.contract == contract }).id
        try #require(try world.act(World.marion, "submit", on: addendum) == nil)
        try #require(try world.act(World.salem, "approve", on: addendum) == nil)
        try #require(try world.act(World.marion, "sign", on: addendum, ["party": "participant", "signer": "D", "date": "2026-04-01"]) == nil)
        let refusal = try #require(try world.act(World.marion, "sign", on: addendum, ["party": "participant", "signer": "D", "date": "2026-04-01"]))
        #expect(refusal.reason == "marion-county has already signed; the addendum waits on acme-fleet to sign.")
        #expect(refusal.remedy.isEmpty)
    }

    @Test func joiningAgainWithAnExecutedAddendumDoesNotSayWorkOnIt() throws {
        var world = World()
        let (_, contract) = try world.complete()
        world.day = CalendarDate("2026-04-01")!
        let addendum = try #require(world.directory.addenda.values.first { $0.contract == contract }).id
        world.directory.addenda[addendum]?.status = .executed
        guard case .failure(let refusal) = Creation.addendum(contract: contract, party: "marion-county", in: world.context(World.marion)) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(refusal.guardName == "no-other-addendum")
        #expect(refusal.remedy == "It already participates through \(addendum).")
    }
}
