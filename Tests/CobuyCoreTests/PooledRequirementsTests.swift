import PropertyBased
import Testing
@testable import CobuyCore

/// Quantities per requirement line for every partner, the lead's too: totals, guards, cost
/// sharing and each partner's addendum.
@Suite struct PooledRequirementsTests {
    /// Sedans (each) and fuel cards (license); Salem leads and pledges, Marion and Keizer join.
    func pooled(_ world: inout World) throws -> String {
        let id = try world.draft()
        try #require(try world.act(World.salem, "add-line", on: id, ["text": "Fuel card", "quantity": "20", "unit": "license"]) == nil)
        try #require(try world.act(World.salem, "invite", on: id, ["party": "salem-keizer-sd"]) == nil)
        try #require(try world.act(World.salem, "pledge", on: id, ["party": "city-of-salem", "quantity": "1=4,2=3", "spend": "100000"]) == nil)
        try #require(try world.act(World.salem, "circulate", on: id) == nil)
        try #require(try world.act(World.marion, "join", on: id, ["party": "marion-county", "quantity": "1=40,2=12", "spend": "250000"]) == nil)
        try #require(try world.act(World.keizer, "join", on: id, ["party": "salem-keizer-sd", "quantity": "1=6", "spend": "50000"]) == nil)
        return id
    }

    @Test func eachPartnerStatesQuantitiesPerLineAndTheLinesTotalThem() throws {
        var world = World()
        let id = try pooled(&world)
        let solicitation = world.solicitation(id)
        #expect(solicitation.partner("city-of-salem")?.quantities == [LineQuantity(line: 1, quantity: 4), LineQuantity(line: 2, quantity: 3)])
        #expect(solicitation.partner("marion-county")?.quantities == [LineQuantity(line: 1, quantity: 40), LineQuantity(line: 2, quantity: 12)])
        #expect(solicitation.lines.map(\.pooledTotal) == [50, 15])
        #expect(solicitation.lines.map(\.tenderQuantity) == [50, 15])
        #expect(solicitation.consistencyProblems().isEmpty)
        #expect(solicitation.history.last?.details["quantity"] == "1=6")
    }

    @Test func aPledgeChangesOnlyTheLinesItNamesAndZeroTakesOneBack() throws {
        var world = World()
        let id = try pooled(&world)
        #expect(try world.act(World.marion, "pledge", on: id, ["party": "marion-county", "quantity": "2=0"]) == nil)
        #expect(world.solicitation(id).partner("marion-county")?.quantities == [LineQuantity(line: 1, quantity: 40)])
        #expect(world.solicitation(id).lines.map(\.pooledTotal) == [50, 3])
        let entry = try #require(world.solicitation(id).history.last)
        #expect(entry.action == "pledge" && entry.details["quantity"] == "2=0" && entry.details["party"] == "marion-county")
    }

    @Test func pledgesAreRefusedWithReasonsAnOfficerUnderstands() throws {
        var world = World()
        let id = try pooled(&world)
        func guardName(_ officer: Officer, _ arguments: [String: String]) throws -> String? {
            try world.act(officer, "pledge", on: id, arguments)?.guardName
        }
        #expect(try guardName(World.marion, ["party": "marion-county", "quantity": "3=5"]) == "line-known")
        #expect(try guardName(World.marion, ["party": "marion-county", "quantity": "1=-5"]) == "quantity-not-negative")
        #expect(try guardName(World.marion, ["party": "marion-county", "quantity": "1=1000000001"]) == "quantity-limit")
        #expect(try guardName(World.marion, ["party": "marion-county", "quantity": "1=5,1=6"]) == "line-once")
        #expect(try guardName(World.marion, ["party": "marion-county"]) == "something-to-pledge")
        #expect(try guardName(World.marion, ["party": "city-of-salem", "quantity": "1=5"]) == "role")
        #expect(try guardName(World.bend, ["party": "city-of-bend", "quantity": "1=5"]) == "joined")
        #expect(throws: ActionInputError.self) { try world.act(World.marion, "pledge", on: id, ["party": "marion-county", "quantity": "5"]) }
        #expect(throws: ActionInputError.self) { try world.act(World.marion, "pledge", on: id, ["party": "marion-county", "quantity": "1=x"]) }
        #expect(try world.act(World.marion, "join", on: id, ["party": "marion-county", "quantity": "4=1"])?.guardName != nil)
    }

    @Test func quantitiesFreezeOnceTheCooperativeIsFormed() throws {
        var world = World()
        let id = try world.formed()
        #expect(try world.act(World.salem, "pledge", on: id, ["party": "city-of-salem", "quantity": "1=3"])?.guardName == "state")
        #expect(try world.act(World.salem, "remove-line", on: id, ["line": "1"])?.guardName == "state")
    }

    @Test func aWithdrawnPartnerLeavesTheTotals() throws {
        var world = World()
        let id = try pooled(&world)
        #expect(try world.act(World.keizer, "withdraw", on: id, ["party": "salem-keizer-sd", "reason": "No budget"]) == nil)
        #expect(world.solicitation(id).lines.map(\.pooledTotal) == [44, 15])
        #expect(world.solicitation(id).consistencyProblems().isEmpty)
    }

    @Test func removingALineTakesItsPledgesAndSaysSoInTheAuditTrail() throws {
        var world = World()
        let id = try pooled(&world)
        #expect(try world.act(World.salem, "remove-line", on: id, ["line": "7"])?.guardName == "line-known")
        #expect(try world.act(World.marion, "remove-line", on: id, ["line": "2"])?.guardName == "role")
        #expect(try world.act(World.salem, "remove-line", on: id, ["line": "2"]) == nil)
        let solicitation = world.solicitation(id)
        #expect(solicitation.lines.map(\.number) == [1])
        #expect(solicitation.partners.allSatisfy { ($0.quantities ?? []).allSatisfy { $0.line == 1 } })
        let entry = try #require(solicitation.history.last)
        #expect(entry.details["line"] == "2" && entry.details["text"] == "Fuel card")
        #expect(entry.details["pledges"] == "city-of-salem 3, marion-county 12")
        #expect(try world.act(World.salem, "remove-line", on: id, ["line": "1"])?.guardName == "lines-left")
        #expect(solicitation.consistencyProblems().isEmpty)
    }

    @Test func costSharingByPooledSpendOrQuantityIncludesTheLead() throws {
        var world = World()
        let id = try pooled(&world)
        for method in ["pooled-spend", "quantity"] {
            #expect(try world.act(World.salem, "set-cost-sharing", on: id, ["method": method, "total": "10000.01"]) == nil)
            let shares = try #require(world.solicitation(id).costShares(lookup: world.directory))
            #expect(shares.reduce(0) { $0 + $1.amount.amount } == 1_000_001, "\(method)")
            let lead = try #require(shares.first { $0.party == "city-of-salem" })
            #expect(lead.amount.amount > 0, "\(method)")
            #expect(lead.basis.rawValue == method)
        }
        // By spend: 100,000 of 400,000 is a quarter.
        _ = try world.act(World.salem, "set-cost-sharing", on: id, ["method": "pooled-spend", "total": "10000"])
        let shares = try #require(world.solicitation(id).costShares(lookup: world.directory))
        #expect(shares.first { $0.party == "city-of-salem" }?.amount.amount == 250_000)
    }

    @Test func eachPartnersAddendumCarriesItsOwnQuantitiesPerLine() throws {
        var world = World()
        let id = try pooled(&world)
        for (officer, party) in [(World.marion, "marion-county"), (World.keizer, "salem-keizer-sd"), (World.salem, "city-of-salem")] {
            try #require(try world.act(officer, "sign-agreement", on: id, ["party": party, "signer": "Signer"]) == nil)
        }
        try #require(try world.act(World.salem, "form", on: id) == nil)
        for (name, arguments) in [
            ("set-tender", ["number": "RFP 1", "date": "2026-03-01"]), ("add-criterion", ["criterion": "Price", "weight": "100"]),
            ("set-cooperative", ["kinds": "city,county", "regions": "US-OR"]), ("publish", [:]),
        ] as [(String, [String: String])] {
            try #require(try world.act(World.salem, name, on: id, arguments) == nil, "\(name)")
        }
        #expect(world.solicitation(id).history.last?.details["line 1"] == "50 each")
        #expect(world.solicitation(id).history.last?.details["line 2"] == "15 license")
        world.day = CalendarDate("2026-02-10")!
        try #require(try world.act(World.salem, "record-proposal", on: id, ["vendor": "acme-fleet", "price": "1000000"]) == nil)
        world.day = CalendarDate("2026-03-02")!
        try #require(try world.act(World.salem, "close", on: id) == nil)
        try #require(try world.act(World.salem, "score", on: id, ["proposal": "P1", "criterion": "Price", "score": "80"]) == nil)
        try #require(try world.act(World.salem, "award", on: id, ["proposal": "P1"]) == nil)
        let contract = try #require(world.solicitation(id).awards.first?.contract)
        try #require(try world.act(World.salem, "sign", on: contract, ["date": "2026-03-15", "end": "2029-03-14"]) == nil)
        try #require(try world.act(World.salem, "complete", on: id) == nil)
        let addenda = world.directory.addenda(onContract: contract)
        let marion = try #require(addenda.first { $0.party == "marion-county" })
        #expect(marion.scope == "Sedan: 40 each; Fuel card: 12 license")
        #expect(marion.lines?.map(\.quantity) == [40, 12])
        let keizer = try #require(addenda.first { $0.party == "salem-keizer-sd" })
        #expect(keizer.scope == "Sedan: 6 each")
        #expect(keizer.lines?.map(\.number) == [1])
    }

    @Test func aBareQuantityKeepsItsOlderMeaning() throws {
        var world = World()
        let id = try world.formed()
        #expect(world.solicitation(id).partner("marion-county")?.quantity == 5)
        #expect(world.solicitation(id).partner("marion-county")?.quantities == nil)
        #expect(world.solicitation(id).lines.first?.pooledTotal == nil)
    }

    @Test func sharesByPooledSpendOrQuantityAlwaysAddUpToTheTotalAndTheLeadPaysWhenItPledges() async {
        let input = Gen.int(in: 0...10_000_000_000)
        await propertyCheck(count: 300, input: input, Gen.int(in: 1...5_000_000).array(of: 3), Gen.int(in: 0...LineQuantity.maximum).array(of: 6)) {
            total, spends, quantities in
            var solicitation = JointSolicitation(id: "SOL-2026-0001", title: "T", leadParty: "a", partners: [
                Partner(party: "a", status: .joined), Partner(party: "b", status: .joined), Partner(party: "c", status: .joined),
            ])
            solicitation.lines = [RequirementLine(number: 1, text: "x", quantity: 1, unit: "each"),
                                  RequirementLine(number: 2, text: "y", quantity: 1, unit: "ton")]
            for index in 0..<3 {
                solicitation.partners[index].estimatedSpend = Money(amount: spends[index], currency: "USD")
                solicitation.partners[index].quantities = [LineQuantity(line: 1, quantity: quantities[index * 2]),
                                                           LineQuantity(line: 2, quantity: quantities[index * 2 + 1])]
            }
            solicitation.recomputePooledTotals()
            for method in [CostSharing.Method.pooledSpend, .quantity] {
                solicitation.costSharing = CostSharing(method: method, total: Money(amount: total, currency: "USD"))
                let shares = solicitation.costShares(lookup: RecordDirectory()) ?? []
                #expect(shares.reduce(0) { $0 + $1.amount.amount } == total)
                #expect(shares.map(\.party) == ["a", "b", "c"])
                if method == .pooledSpend, total >= 1_000_000_000 {
                    // The lead's spend is at least 1 in 15,000,000 of the whole.
                    #expect((shares.first?.amount.amount ?? 0) > 0)
                }
            }
        }
    }
}
