import PropertyBased
import Testing
@testable import CobuyCore

/// Random sequences of actions, by random officers, with random inputs and a moving clock,
/// never break the records' invariants.
@Suite struct InvariantPropertyTests {
    static let officers = [World.salem, World.marion, World.keizer, World.bend, World.austin, World.acme,
                           Officer(name: "N. Wind", party: "northwind")]

    /// Picks an input for a parameter from small pools of good and bad values.
    static func value(for parameter: ParameterSpec, choice: Int, world: World) -> String {
        let today = world.day
        let dates = [-1, 0, 1, 20, 60, 400, 1200].map { today.adding(days: $0).description }
        func pick(_ values: [String]) -> String { values[choice % values.count] }
        switch (parameter.flag, parameter.kind) {
        case ("party", .choice(let sides)): return pick(sides)
        case ("party", _), ("vendor", _):
            return pick(["city-of-salem", "marion-county", "salem-keizer-sd", "city-of-bend", "city-of-austin", "acme-fleet", "northwind", "nobody"])
        case ("proposal", _): return pick(["P1", "P2", "P3", "acme-fleet", "northwind"])
        case ("criterion", _): return pick(["Price", "Service", "Taste"])
        case ("weight", _): return pick(["0", "10", "40", "60", "100", "101"])
        case ("score", _): return pick(["-1", "0", "50", "90", "100", "101"])
        case ("quantity", _) where parameter.isPerRequirementLine:
            return pick(["1=5", "1=0", "2=3", "1=4,2=7", "1=-1", "9=1", "1=1000000001", "5", "1=2,1=3"])
        case ("line", _): return pick(["1", "2", "3", "-1"])
        case ("quantity", _), ("minimum", _), ("renewals", _), ("renewal-months", _): return pick(["-1", "0", "1", "2", "12"])
        case ("kinds", _): return pick(["all", "city,county", "school-district", "vendor"])
        case ("regions", _): return pick(["all", "US-OR", "US", "US-TX", "Oregon"])
        case ("method", _): return pick(["equal", "population", "pooled-spend", "random"])
        case (_, .money): return pick(["0", "1", "125000", "1,000,000.50"])
        case (_, .date): return pick(dates)
        case (_, .integer): return pick(["0", "1", "5"])
        case (_, .switchFlag): return "true"
        case (_, .choice(let options)): return pick(options)
        default: return pick(["", "Some text", "Ana Ruiz", "Reason given"])
        }
    }

    /// One step of a random walk, decoded from a number so the walk shrinks to a short failing one.
    static func step(_ choice: Int, world: inout World, solicitation: String) throws {
        let officer = officers[choice % officers.count]
        let selector = (choice / officers.count) % 100
        if selector < 8 {
            world.day = world.day.adding(days: [1, 7, 30, 90, 400][(choice / 700) % 5])
            return
        }
        if selector < 12 {
            // A piggyback draft on some contract.
            if let contract = world.directory.contracts.keys.sorted().first,
               case .success(let addendum) = AddendumMachine.draft(contract: contract, party: officer.party, in: world.context(officer)) {
                world.store([.addendum(addendum)])
            }
            return
        }
        var targets = [solicitation] + world.directory.contracts.keys.sorted() + world.directory.addenda.keys.sorted()
        if targets.isEmpty { targets = [solicitation] }
        let target = targets[(choice / 1300) % targets.count]
        let specs = RecordActions.specs(for: RecordKind(id: target))
        guard !specs.isEmpty else { return }
        let spec = specs[(choice / 17) % specs.count]
        var arguments: [String: String] = [:]
        for (offset, parameter) in spec.parameters.enumerated() {
            let digit = (choice >> (offset * 3)) & 7
            if !parameter.isRequired, digit < 3 { continue }
            if parameter.kind == .switchFlag, digit < 5 { continue }
            arguments[parameter.flag] = value(for: parameter, choice: choice / (offset + 1) + digit, world: world)
        }
        let before = try #require(world.anyRecord(target))
        do {
            let refusal = try world.act(officer, spec.name, on: target, arguments)
            if refusal != nil {
                #expect(world.anyRecord(target).map { AnyRecordEquality.same($0, before) } == true, "a refused \(spec.name) changed \(target)")
            }
        } catch is ActionInputError {
            // Inputs that do not fit the action are usage errors, never state changes.
            #expect(world.anyRecord(target).map { AnyRecordEquality.same($0, before) } == true)
        }
    }

    static func checkInvariants(_ world: World) {
        var all: [AnyRecord] = world.directory.solicitations.values.map(AnyRecord.solicitation)
        all += world.directory.contracts.values.map(AnyRecord.contract)
        all += world.directory.addenda.values.map(AnyRecord.addendum)
        for record in all {
            #expect(record.record.consistencyProblems().isEmpty, "\(record.id): \(record.record.consistencyProblems())")
            let history = record.record.history
            #expect(history.map(\.sequence) == Array(1...max(1, history.count)).prefix(history.count).map { $0 })
            for index in history.indices.dropFirst() { #expect(history[index].from == history[index - 1].to) }
            #expect(history.last?.to == record.record.statusName)
        }
        for solicitation in world.directory.solicitations.values {
            switch solicitation.status {
            case .awarded, .complete:
                #expect(!solicitation.awards.isEmpty)
                for award in solicitation.awards { #expect(world.directory.contracts[award.contract] != nil) }
            case .draft, .forming, .formed, .soliciting, .evaluating, .cancelled, .unsuccessful:
                #expect(solicitation.awards.isEmpty)
            }
            if let shares = solicitation.costShares(lookup: world.directory), let total = solicitation.costSharing?.total {
                #expect(shares.reduce(0) { $0 + $1.amount.amount } == total.amount)
            }
        }
        for addendum in world.directory.addenda.values where addendum.status == .executed {
            #expect(addendum.participantSignature != nil && addendum.vendorSignature != nil)
            if let end = addendum.endDate, let contractEnd = world.directory.contracts[addendum.contract]?.period?.end {
                #expect(end <= contractEnd)
            }
        }
    }

    @Test func randomActionSequencesFromADraftKeepTheInvariants() async {
        await propertyCheck(count: 150, input: Gen.int(in: 0...1_000_000_000).array(of: 20...60)) { choices in
            var world = World()
            guard let id = try? world.draft() else { Issue.record("fixture"); return }
            for choice in choices { try? Self.step(choice, world: &world, solicitation: id) }
            Self.checkInvariants(world)
        }
    }

    @Test func randomActionSequencesFromEvaluationKeepTheInvariants() async {
        // Starting late in the lifecycle reaches awards, contracts and addenda more often.
        await propertyCheck(count: 150, input: Gen.int(in: 0...1_000_000_000).array(of: 20...60)) { choices in
            var world = World()
            guard let id = try? world.evaluating() else { Issue.record("fixture"); return }
            _ = try? world.act(World.salem, "award", on: id, ["proposal": "P1"])
            for choice in choices { try? Self.step(choice, world: &world, solicitation: id) }
            Self.checkInvariants(world)
        }
    }

    @Test func apportioningAlwaysSumsToTheTotalWithinACentOfTheExactShare() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0...10_000_000_000), Gen.int(in: 0...5_000_000).array(of: 1...12)) { total, weights in
            let shares = CostSharing.apportion(total, weights: weights)
            #expect(shares.reduce(0, +) == total || weights.allSatisfy { $0 == 0 })
            let sum = weights.reduce(0, +)
            guard sum > 0 else { return }
            for (share, weight) in zip(shares, weights) {
                let exact = Double(total) * Double(weight) / Double(sum)
                #expect(abs(Double(share) - exact) < 1.0001)
            }
        }
    }
}

enum AnyRecordEquality {
    static func same(_ a: AnyRecord, _ b: AnyRecord) -> Bool {
        switch (a, b) {
        case let (.party(x), .party(y)): return x == y
        case let (.solicitation(x), .solicitation(y)): return x == y
        case let (.contract(x), .contract(y)): return x == y
        case let (.addendum(x), .addendum(y)): return x == y
        default: return false
        }
    }
}
