import Testing
@testable import CobuyCore

/// A draft's requirement lines can be corrected and an unanswered invitation withdrawn, each
/// through the machine with its guards and an audit entry.
@Suite struct DraftEditingTests {
    @Test func editingALineChangesOnlyWhatIsGivenAndKeepsTheOldWordsInTheAuditTrail() throws {
        var world = World()
        let id = try world.draft()
        #expect(try world.act(World.salem, "edit-line", on: id, ["line": "1", "quantity": "12"]) == nil)
        let line = try #require(world.solicitation(id).lines.first)
        #expect(line.text == "Sedan" && line.quantity == 12 && line.unit == "each")
        let entry = try #require(world.solicitation(id).history.last)
        #expect(entry.action == "edit-line")
        #expect(entry.details["line"] == "1" && entry.details["quantity"] == "12")
        #expect(entry.details["was"] == "10 each · Sedan")
        #expect(entry.from == "draft" && entry.to == "draft")

        #expect(try world.act(World.salem, "edit-line", on: id, ["line": "1", "text": "  Hybrid sedan ", "unit": "vehicle"]) == nil)
        let edited = try #require(world.solicitation(id).lines.first)
        #expect(edited.text == "Hybrid sedan" && edited.quantity == 12 && edited.unit == "vehicle")
    }

    @Test func editingALineIsRefusedWithTheGuardThatFailed() throws {
        var world = World()
        let id = try world.draft()
        func guardName(_ officer: Officer, _ arguments: [String: String]) throws -> String? {
            try world.act(officer, "edit-line", on: id, arguments)?.guardName
        }
        #expect(try guardName(World.salem, ["line": "4", "text": "Van"]) == "line-known")
        #expect(try guardName(World.salem, ["line": "1"]) == "something-to-change")
        #expect(try guardName(World.salem, ["line": "1", "text": "Sedan"]) == "something-to-change")
        #expect(try guardName(World.salem, ["line": "1", "text": "  "]) == "text-required")
        #expect(try guardName(World.salem, ["line": "1", "unit": ""]) == "unit-required")
        #expect(try guardName(World.salem, ["line": "1", "quantity": "0"]) == "quantity-positive")
        #expect(try guardName(World.bend, ["line": "1", "text": "Van"]) == "role")
        #expect(throws: ActionInputError.self) { try world.act(World.salem, "edit-line", on: id, ["line": "1", "quantity": "many"]) }
        #expect(world.solicitation(id).lines.first?.text == "Sedan")
    }

    @Test func linesAreEditedOnlyInTheDraft() throws {
        var world = World()
        let id = try world.draft()
        #expect(try world.act(World.salem, "circulate", on: id) == nil)
        #expect(try world.act(World.salem, "edit-line", on: id, ["line": "1", "text": "Van"])?.guardName == "state")
    }

    @Test func anInvitationIsWithdrawnAndTheAuditTrailSaysSo() throws {
        var world = World()
        let id = try world.draft()
        #expect(try world.act(World.salem, "withdraw-invitation", on: id, ["party": "marion-county"]) == nil)
        let solicitation = world.solicitation(id)
        #expect(solicitation.partner("marion-county") == nil)
        let entry = try #require(solicitation.history.last)
        #expect(entry.action == "withdraw-invitation" && entry.details["party"] == "marion-county")
        // It can be invited again.
        #expect(try world.act(World.salem, "invite", on: id, ["party": "marion-county"]) == nil)
        #expect(world.solicitation(id).partner("marion-county")?.status == .invited)
    }

    @Test func onlyAnUnansweredInvitationIsWithdrawn() throws {
        var world = World()
        let id = try world.draft()
        #expect(try world.act(World.salem, "withdraw-invitation", on: id, ["party": "city-of-bend"])?.guardName == "invited")
        #expect(try world.act(World.bend, "withdraw-invitation", on: id, ["party": "marion-county"])?.guardName == "role")
        #expect(try world.act(World.salem, "circulate", on: id) == nil)
        #expect(try world.act(World.marion, "join", on: id, ["party": "marion-county", "quantity": "5"]) == nil)
        // Marion has answered: it leaves with withdraw, and no invitation waits any more.
        #expect(try world.act(World.salem, "withdraw-invitation", on: id, ["party": "marion-county"])?.guardName == "invitation-open")
        #expect(try world.act(World.salem, "invite", on: id, ["party": "city-of-bend"]) == nil)
        #expect(try world.act(World.salem, "withdraw-invitation", on: id, ["party": "marion-county"])?.guardName == "invited")
        #expect(try world.act(World.salem, "withdraw-invitation", on: id, ["party": "city-of-bend"]) == nil)
    }

    @Test func invitationsAreNotWithdrawnOnceTheCooperativeIsFormed() throws {
        var world = World()
        let id = try world.formed()
        #expect(try world.act(World.salem, "withdraw-invitation", on: id, ["party": "marion-county"])?.guardName == "state")
    }

    /// The one place that says what cannot be undone: the actions the issue names ask first, and
    /// corrections do not.
    @Test func irreversibilityIsAPropertyOfEachActionSpec() {
        let specs = SolicitationMachine.specs + ContractMachine.specs + AddendumMachine.specs
        func spec(_ machine: [ActionSpec], _ name: String) -> ActionSpec? { machine.first { $0.name == name } }
        for name in ["circulate", "withdraw", "form", "sign-agreement", "publish", "close", "award", "complete", "cancel",
                     "declare-unsuccessful", "reject-proposal", "remove-line"] {
            #expect(spec(SolicitationMachine.specs, name)?.isIrreversible == true, "\(name)")
        }
        for name in ["sign", "renew", "terminate", "cancel"] {
            #expect(spec(ContractMachine.specs, name)?.isIrreversible == true, "contract \(name)")
        }
        for name in ["approve", "sign", "reject", "terminate", "withdraw"] {
            #expect(spec(AddendumMachine.specs, name)?.isIrreversible == true, "addendum \(name)")
        }
        for name in ["add-line", "edit-line", "invite", "withdraw-invitation", "join", "pledge", "set-tender", "score"] {
            #expect(spec(SolicitationMachine.specs, name)?.isIrreversible == false, "\(name)")
        }
        #expect(spec(AddendumMachine.specs, "edit")?.isIrreversible == false)
        #expect(spec(AddendumMachine.specs, "submit")?.isIrreversible == false)
        #expect(spec(ContractMachine.specs, "amend")?.isIrreversible == false)
        // Each consequence is a sentence an officer can read in a confirmation.
        for spec in specs where spec.isIrreversible {
            let consequence = spec.consequence ?? ""
            #expect(consequence.hasSuffix(".") && consequence.count > 20, "\(spec.name)")
        }
    }
}

extension DraftEditingTests {
    /// With no line at all, editing or removing one is not offered (and says to add one),
    /// instead of asking for a number and then listing none.
    @Test func withoutLinesNeitherEditNorRemoveIsOffered() throws {
        var world = World()
        let solicitation = try Creation.solicitation(title: "Empty", lead: "city-of-salem", category: "", description: "",
                                                     in: world.context(World.salem)).get()
        world.store([.solicitation(solicitation)])
        for (name, arguments) in [("edit-line", ["line": "1", "text": "Van"]), ("remove-line", ["line": "1"])] {
            let refusal = try world.act(World.salem, name, on: solicitation.id, arguments)
            #expect(refusal?.guardName == "line-known" && refusal?.remedy == "Add one with add-line.", "\(name)")
        }
        let available = RecordActions.available(on: .solicitation(solicitation), in: world.context(World.salem))
        #expect(available.filter { ["edit-line", "remove-line"].contains($0.spec.name) }.allSatisfy { !$0.isAllowed })
    }
}
