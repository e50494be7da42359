import Testing
@testable import CobuyCore

/// The audit trail of a create holds every field given, and that of an edit only what
/// changed: an officer reading it back sees the record's first state and each real change.
@Suite struct AuditDetailsTests {
    @Test func aNewSolicitationRecordsItsCategoryAndDescription() throws {
        let world = World()
        let solicitation = try Creation.solicitation(title: "Road salt", lead: "city-of-salem", category: "Winter",
                                                     description: "Bulk rock salt for the season", in: world.context(World.salem)).get()
        let details = try #require(solicitation.history.first?.details)
        #expect(details == ["title": "Road salt", "lead": "city-of-salem", "category": "Winter",
                            "description": "Bulk rock salt for the season"])
        // Fields not given are not recorded as empty.
        let bare = try Creation.solicitation(title: "Fuel", lead: nil, category: "", description: "", in: world.context(World.salem)).get()
        #expect(bare.history.first?.details == ["title": "Fuel"])
    }

    @Test func aNewPartyAndARegisteredContractRecordEveryFieldGiven() throws {
        let world = World()
        let party = try Creation.party(id: "city-of-eugene", name: "City of Eugene", kind: "city", region: "US-OR", population: 177_000,
                                       terms: ["Governing law: US-OR law governs."], contacts: ["Ann Lee (Buyer) <ann@eugene.gov>"],
                                       signatory: "Kim Wu, City Manager", in: world.context(World.salem)).get()
        let details = try #require(party.history.first?.details)
        #expect(details["population"] == "177000")
        #expect(details["terms"] == "Governing law: US-OR law governs.")
        #expect(details["contacts"]?.contains("Ann Lee") == true)
        #expect(details["signatory"] == "Kim Wu, City Manager")

        let contract = try Creation.registeredContract(
            title: "Body cameras", lead: "city-of-salem", vendor: "acme-fleet", category: "Public safety", publisher: "NASPO",
            clause: .closed, ceiling: Money(amount: 100_000_00, currency: "USD"), renewals: [RenewalOption(months: 12)],
            in: world.context(World.salem)).get()
        let recorded = try #require(contract.history.first?.details)
        #expect(recorded["title"] == "Body cameras" && recorded["category"] == "Public safety" && recorded["publisher"] == "NASPO")
        #expect(recorded["lead"] == "city-of-salem" && recorded["vendor"] == "acme-fleet")
        #expect(recorded["ceiling"] != nil && recorded["renewals"] == "12 months" && recorded["eligible"] == "closed to other bodies")
    }

    @Test func anAddendumEditRecordsOnlyWhatChanged() throws {
        var world = World()
        let (_, contract) = try world.complete()
        world.day = CalendarDate("2026-04-01")!
        let addendum = try AddendumMachine.draft(contract: contract, party: "city-of-bend", in: world.context(World.bend)).get()
        world.store([.addendum(addendum)])
        let end = try #require(addendum.endDate)
        // As a form sends it: every field, the contact and the end as they were.
        #expect(try world.act(World.bend, "edit", on: addendum.id, [
            "scope": "Buses", "contact": "Buyer at City of Bend", "spend": "50000", "end": end.description, "po-instructions": "",
        ]) == nil)
        let entry = try #require(world.addendum(addendum.id).history.last)
        #expect(entry.action == "edit")
        #expect(entry.details.keys.sorted() == ["scope", "spend"], "\(entry.details)")
        #expect(entry.details["scope"] == "Buses")
        // The contact shown and sent back keeps what it had.
        #expect(world.addendum(addendum.id).contacts == addendum.contacts)

        #expect(try world.act(World.bend, "edit", on: addendum.id, ["end": "2028-12-31", "scope": "Buses"]) == nil)
        let second = try #require(world.addendum(addendum.id).history.last)
        #expect(second.details == ["end": "\(end) → 2028-12-31"])
    }

    @Test func aLineEditLeavesOutTheFieldsGivenAsTheyWere() throws {
        var world = World()
        let id = try world.draft()
        #expect(try world.act(World.salem, "edit-line", on: id, ["line": "1", "text": "Sedan", "quantity": "12"]) == nil)
        let entry = try #require(world.solicitation(id).history.last)
        #expect(entry.details == ["line": "1", "quantity": "12", "was": "10 each · Sedan"])
    }
}

/// Words as an officer reads them: one thing, two things; kinds as shown.
@Suite struct WordingTests {
    @Test func countsTakeTheRightNumber() {
        #expect(1.counted("record") == "1 record")
        #expect(0.counted("record") == "0 records")
        #expect(2.counted("match", "matches") == "2 matches")
    }

    @Test func aKindIsReadAsShownOrAsStored() {
        #expect(PartyKind(typed: "school district") == .schoolDistrict)
        #expect(PartyKind(typed: "School-District") == .schoolDistrict)
        #expect(PartyKind(typed: "  Higher Education ") == .higherEd)
        #expect(PartyKind(typed: "higher-ed") == .higherEd)
        #expect(PartyKind(typed: "CITY") == .city)
        #expect(PartyKind(typed: "school") == nil)
        for kind in PartyKind.allCases {
            #expect(PartyKind(typed: kind.label) == kind)
            #expect(PartyKind(typed: kind.rawValue) == kind)
        }
    }

    @Test func anActionTypoIsAnsweredWithTheNearestAction() {
        let error = ActionInputError.unknownAction("invte", kind: .solicitation, known: ["invite", "circulate", "join"])
        #expect(error.description.hasPrefix("\"invte\" is not an action on a joint solicitation. Did you mean invite?"), "\(error.description)")
        #expect(error.description.contains("invite, circulate, join"))
        let nothing = ActionInputError.unknownAction("circulate", kind: .party, known: [])
        #expect(nothing.description == "\"circulate\" is not an action: a party has no actions.")
    }
}
