import CobuyCore
import CobuyStore
import Foundation
import Testing
@testable import CobuySync

/// The record merge on its own, without git: three versions in, one record out.
struct RecordMergeTests {
    static let salem = Officer(name: "Ana Ruiz", party: "city-of-salem")
    static let marion = Officer(name: "Søren Olsen", party: "marion-county")
    static let lookup: RecordDirectory = {
        var directory = RecordDirectory()
        for (id, name) in [("city-of-salem", "City of Salem"), ("marion-county", "Marion County")] {
            directory.parties[id] = Party(id: id, name: name, kind: .city, region: RegionCode("US-OR") ?? .unitedStates,
                                          population: 1000, statutoryTerms: [])
        }
        return directory
    }()

    static func context(_ officer: Officer, minute: Int) -> ActionContext {
        ActionContext(now: Timestamp(date: CalendarDate("2026-03-02")!, hour: 9, minute: minute), officer: officer, lookup: lookup)
    }

    static func draftSolicitation() throws -> JointSolicitation {
        try Creation.solicitation(title: "Road salt", lead: "city-of-salem", category: "Supplies", description: "",
                                  in: context(salem, minute: 0)).get()
    }

    static func act(_ record: JointSolicitation, _ officer: Officer, minute: Int, _ name: String, _ arguments: [String: String]) throws -> JointSolicitation {
        try SolicitationMachine.perform(name, ActionArguments(arguments), on: record, in: context(officer, minute: minute)).get().record
    }

    static func draftAddendum() -> ParticipatingAddendum {
        var addendum = ParticipatingAddendum(id: "PA-2026-0001", contract: "CON-2026-0001", party: "city-of-salem", localTerms: [])
        addendum.history = [HistoryEntry(id: "0000000000000001", sequence: 1, at: Timestamp(date: CalendarDate("2026-03-01")!, hour: 8),
                                         actor: "Ana Ruiz", party: "city-of-salem", action: "create", from: nil, to: "draft")]
        return addendum
    }

    static func edit(_ record: ParticipatingAddendum, _ officer: Officer, minute: Int, _ arguments: [String: String]) throws -> ParticipatingAddendum {
        try AddendumMachine.perform("edit", ActionArguments(arguments), on: record, in: context(officer, minute: minute)).get().record
    }

    @Test func linesAddedByTwoMembersBothArriveWithoutAConflict() throws {
        let base = try Self.draftSolicitation()
        let ours = try Self.act(base, Self.salem, minute: 5, "add-line", ["text": "Rock salt", "quantity": "400", "unit": "ton"])
        let theirs = try Self.act(base, Self.salem, minute: 7, "add-line", ["text": "Brine", "quantity": "9000", "unit": "gallon"])
        let merged = try RecordMerge.merge(base: .solicitation(base), ours: .solicitation(ours), theirs: .solicitation(theirs), lookup: Self.lookup)
        guard case .solicitation(let record) = merged.record else { Issue.record("not a solicitation"); return }
        #expect(!merged.inConflict)
        #expect(record.lines.map(\.text) == ["Rock salt", "Brine"])
        #expect(record.lines.map(\.number) == [1, 2])
        #expect(record.history.count == 3)
        #expect(record.history.map(\.sequence) == [1, 2, 3])
        #expect(Set(record.history.map(\.eventID)) == Set((ours.history + theirs.history).map(\.eventID)))
        #expect(record.consistencyProblems().isEmpty)
    }

    @Test func theResultIsTheSameWhicheverMemberMerges() throws {
        let base = try Self.draftSolicitation()
        let ours = try Self.act(base, Self.salem, minute: 9, "add-line", ["text": "Rock salt", "quantity": "400", "unit": "ton"])
        let theirs = try Self.act(base, Self.salem, minute: 3, "add-line", ["text": "Brine", "quantity": "9000", "unit": "gallon"])
        let one = try RecordMerge.merge(base: .solicitation(base), ours: .solicitation(ours), theirs: .solicitation(theirs), lookup: Self.lookup)
        let other = try RecordMerge.merge(base: .solicitation(base), ours: .solicitation(theirs), theirs: .solicitation(ours), lookup: Self.lookup)
        #expect(try RecordCodec.encode(one.record.record) == RecordCodec.encode(other.record.record))
    }

    @Test func aFieldWrittenTwoWaysKeepsBothValuesAndMarksTheRecord() throws {
        let base = Self.draftAddendum()
        let ours = try Self.edit(base, Self.salem, minute: 5, ["scope": "Plows"])
        let theirs = try Self.edit(base, Self.salem, minute: 6, ["scope": "Trucks", "po-instructions": "Email"])
        let merged = try RecordMerge.merge(base: .addendum(base), ours: .addendum(ours), theirs: .addendum(theirs), lookup: Self.lookup)
        guard case .addendum(let record) = merged.record else { Issue.record("not an addendum"); return }
        #expect(merged.inConflict)
        let field = try #require(record.conflict?.fields.first)
        #expect(record.conflict?.fields.count == 1)
        #expect(field.field == "scope")
        #expect(field.versions.map(\.value) == ["\"Plows\"", "\"Trucks\""])
        #expect(field.versions.map(\.event) == [ours.history[1].eventID, theirs.history[1].eventID])
        #expect(field.provisional == "\"Trucks\"")
        #expect(record.scope == "Trucks")
        #expect(record.purchaseOrderInstructions == "Email")
        #expect(record.history.count == 3)
    }

    @Test func anActionTheOtherSideMadeImpossibleIsKeptRefusedAndMarked() throws {
        let base = try Self.draftSolicitation()
        let ours = try Self.act(base, Self.salem, minute: 5, "cancel", ["reason": "No budget"])
        let theirs = try Self.act(base, Self.salem, minute: 6, "add-line", ["text": "Brine", "quantity": "9", "unit": "gallon"])
        let merged = try RecordMerge.merge(base: .solicitation(base), ours: .solicitation(ours), theirs: .solicitation(theirs), lookup: Self.lookup)
        guard case .solicitation(let record) = merged.record else { Issue.record("not a solicitation"); return }
        #expect(merged.inConflict)
        #expect(record.status == .cancelled)
        #expect(record.lines.isEmpty)
        #expect(record.history.count == 3)
        #expect(record.history.last?.refused != nil)
        #expect(record.conflict?.refusedEvents == [theirs.history[1].eventID])
        #expect(record.consistencyProblems().isEmpty)
    }

    @Test func anEventRemovedOnOneSideIsRefusedAsTampering() throws {
        let base = try Self.act(try Self.draftSolicitation(), Self.salem, minute: 1, "add-line", ["text": "Salt", "quantity": "1", "unit": "ton"])
        var ours = try Self.act(base, Self.salem, minute: 5, "add-line", ["text": "Grit", "quantity": "2", "unit": "ton"])
        ours.history.remove(at: 1)
        let theirs = try Self.act(base, Self.salem, minute: 6, "add-line", ["text": "Brine", "quantity": "9", "unit": "gallon"])
        #expect(throws: RecordMerge.Refusal.self) {
            try RecordMerge.merge(base: .solicitation(base), ours: .solicitation(ours), theirs: .solicitation(theirs), lookup: Self.lookup)
        }
    }

    @Test func anEventChangedOnOneSideIsRefusedAsTampering() throws {
        let base = try Self.act(try Self.draftSolicitation(), Self.salem, minute: 1, "add-line", ["text": "Salt", "quantity": "1", "unit": "ton"])
        var ours = try Self.act(base, Self.salem, minute: 5, "add-line", ["text": "Grit", "quantity": "2", "unit": "ton"])
        ours.history[1].details["quantity"] = "1000"
        let theirs = try Self.act(base, Self.salem, minute: 6, "add-line", ["text": "Brine", "quantity": "9", "unit": "gallon"])
        #expect(throws: RecordMerge.Refusal.self) {
            try RecordMerge.merge(base: .solicitation(base), ours: .solicitation(ours), theirs: .solicitation(theirs), lookup: Self.lookup)
        }
    }

    @Test func eventsWrittenBeforeIDsGetTheSameDerivedIDOnEveryRead() throws {
        let entry = HistoryEntry(sequence: 2, at: Timestamp(date: CalendarDate("2026-03-01")!, hour: 8), actor: "Ana", party: "city-of-salem",
                                 action: "circulate", from: "draft", to: "forming")
        let data = try JSONEncoder().encode(entry)
        let again = try JSONDecoder().decode(HistoryEntry.self, from: data)
        #expect(again.id == nil)
        #expect(again.eventID == entry.eventID)
        #expect(entry.eventID.count == 16)
        #expect(!String(decoding: data, as: UTF8.self).contains("\"id\""))
    }

    @Test func membersNumberTheirOwnIDsAndOlderIDsStillCount() {
        var pool = IDPool(existing: ["SOL-2026-0011", "SOL-2026-SAL-0002", "SOL-2026-MAR-0005", "city-of-salem"], member: "SAL")
        #expect(pool.next("SOL", year: 2026) == "SOL-2026-SAL-0003")
        var other = IDPool(existing: ["SOL-2026-0011", "SOL-2026-SAL-0002", "SOL-2026-MAR-0005"], member: "MAR")
        #expect(other.next("SOL", year: 2026) == "SOL-2026-MAR-0006")
        var alone = IDPool(existing: ["SOL-2026-0011", "SOL-2026-SAL-0002"])
        #expect(alone.next("SOL", year: 2026) == "SOL-2026-0012")
        #expect(IDPool.parse("SOL-2026-SAL-0002")?.series == "SOL-2026-SAL")
        #expect(IDPool.parse("SOL-2026-sal-0002") == nil)
        #expect(RecordKind(id: "PA-2026-SAL-0001") == .addendum)
    }
}
