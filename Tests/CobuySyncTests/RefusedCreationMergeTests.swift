import CobuyCore
import CobuyStore
import Foundation
import Testing
@testable import CobuySync

/// Two officers of the lead party award the same solicitation at once, each in their own
/// clone: each award created a contract. The merge replays no action that creates records, so
/// the later award stays in the history, refused, and its contract stays too. Every member must
/// end with the same solicitation, both contracts, the conflict marked and `validate` clean.
struct RefusedCreationMergeTests {
    static let ana = Officer(name: "Ana Ruiz", party: "city-of-salem")
    static let bo = Officer(name: "Bo Lind", party: "city-of-salem")
    static let lookup: RecordDirectory = {
        var directory = RecordDirectory()
        for (id, name, kind) in [("city-of-salem", "City of Salem", PartyKind.city), ("acme-fleet", "Acme Fleet", .vendor),
                                 ("northwind", "Northwind Motors", .vendor)] {
            directory.parties[id] = Party(id: id, name: name, kind: kind, region: RegionCode("US-OR") ?? .unitedStates,
                                          population: kind == .vendor ? nil : 1000, statutoryTerms: [])
        }
        return directory
    }()

    static func context(_ officer: Officer, _ day: String, minute: Int = 0, member: String? = nil) throws -> ActionContext {
        ActionContext(now: Timestamp(date: try #require(CalendarDate(day)), hour: 9, minute: minute), officer: officer, lookup: lookup,
                      ids: IDPool(existing: [], member: member))
    }

    /// A solicitation led by Salem with two scored proposals, ready to award.
    static func evaluating() throws -> JointSolicitation {
        var record = try Creation.solicitation(title: "Road salt", lead: "city-of-salem", category: "Supplies", description: "",
                                               in: context(ana, "2026-01-05")).get()
        let steps: [(String, String, [String: String])] = [
            ("2026-01-05", "add-line", ["text": "Rock salt", "quantity": "400", "unit": "ton"]),
            ("2026-01-05", "circulate", [:]),
            ("2026-01-05", "sign-agreement", ["party": "city-of-salem", "signer": "K. Stahley"]),
            ("2026-01-05", "form", [:]),
            ("2026-01-05", "set-tender", ["number": "RFP 7", "date": "2026-02-01"]),
            ("2026-01-05", "add-criterion", ["criterion": "Price", "weight": "100"]),
            ("2026-01-05", "set-cooperative", ["kinds": "all", "regions": "all"]),
            ("2026-01-05", "publish", [:]),
            ("2026-01-20", "record-proposal", ["vendor": "acme-fleet", "price": "100000"]),
            ("2026-01-20", "record-proposal", ["vendor": "northwind", "price": "90000"]),
            ("2026-02-02", "close", [:]),
            ("2026-02-02", "score", ["proposal": "P1", "criterion": "Price", "score": "80"]),
            ("2026-02-02", "score", ["proposal": "P2", "criterion": "Price", "score": "70"]),
        ]
        for (day, name, arguments) in steps {
            switch try SolicitationMachine.perform(name, ActionArguments(arguments), on: record, in: context(ana, day)) {
            case .success(let outcome): record = outcome.record
            case .failure(let refusal): throw RecordMerge.Refusal("\(name): \(refusal.description)")
            }
        }
        return record
    }

    static func award(_ record: JointSolicitation, _ officer: Officer, minute: Int, member: String,
                      _ arguments: [String: String]) throws -> (JointSolicitation, CooperativeContract) {
        let applied = try SolicitationMachine.perform("award", ActionArguments(arguments), on: record,
                                                      in: context(officer, "2026-02-03", minute: minute, member: member)).get()
        guard case .contract(let contract)? = applied.created.first else { throw RecordMerge.Refusal("the award created no contract") }
        return (applied.record, contract)
    }

    @Test func anAwardRefusedByTheMergeLeavesItsContractTheSameEverywhereAndTheConflictNamed() throws {
        let base = try Self.evaluating()
        let (ours, anaContract) = try Self.award(base, Self.ana, minute: 5, member: "SAL", ["proposal": "P1"])
        let (theirs, boContract) = try Self.award(base, Self.bo, minute: 7, member: "BOL", ["proposal": "P2", "reason": "Faster delivery"])
        #expect(anaContract.id != boContract.id)

        // Whichever member merges, the same bytes: Ana's award (the earlier) stands.
        let one = try RecordMerge.merge(base: .solicitation(base), ours: .solicitation(ours), theirs: .solicitation(theirs), lookup: Self.lookup)
        let other = try RecordMerge.merge(base: .solicitation(base), ours: .solicitation(theirs), theirs: .solicitation(ours), lookup: Self.lookup)
        #expect(try RecordCodec.encode(one.record.record) == RecordCodec.encode(other.record.record))
        guard case .solicitation(let merged) = one.record else { Issue.record("not a solicitation"); return }
        #expect(one.inConflict)
        #expect(merged.awards.map(\.contract) == [anaContract.id])
        let boAward = try #require(theirs.history.last)
        #expect(merged.conflict?.refusedEvents == [boAward.eventID])
        let refused = try #require(merged.history.last)
        #expect(refused.eventID == boAward.eventID && refused.refused != nil)
        #expect(merged.consistencyProblems().isEmpty)

        // Git brings both contract files to every member (each was added on one side only).
        // Bo's contract is reported for a decision, not as a broken store.
        let folder = NSTemporaryDirectory() + "cobuy-refused-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try Store.initialize(at: folder)
        for party in Self.lookup.parties.values {
            try DurableFile.write(try RecordCodec.encode(party), to: store.path(of: .party, id: party.id))
        }
        try DurableFile.write(try RecordCodec.encode(merged), to: store.path(of: .solicitation, id: merged.id))
        for contract in [anaContract, boContract] {
            try DurableFile.write(try RecordCodec.encode(contract), to: store.path(of: .contract, id: contract.id))
        }
        let report = store.validate()
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.warnings.contains { $0.hasPrefix("\(boContract.id) was created by an award refused") && $0.contains(merged.id) })
        #expect(!report.warnings.contains { $0.hasPrefix(anaContract.id) })
    }

    @Test func aContractWhoseSolicitationNeverAwardedItIsStillAProblem() throws {
        let base = try Self.evaluating()
        let (_, contract) = try Self.award(base, Self.ana, minute: 5, member: "SAL", ["proposal": "P1"])
        let folder = NSTemporaryDirectory() + "cobuy-orphan-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try Store.initialize(at: folder)
        for party in Self.lookup.parties.values {
            try DurableFile.write(try RecordCodec.encode(party), to: store.path(of: .party, id: party.id))
        }
        // The solicitation as it was before the award: nothing in its history explains the contract.
        try DurableFile.write(try RecordCodec.encode(base), to: store.path(of: .solicitation, id: base.id))
        try DurableFile.write(try RecordCodec.encode(contract), to: store.path(of: .contract, id: contract.id))
        #expect(store.validate().problems.contains { $0.message.contains("does not list it among its awards") })
    }
}
