import CobuyCore
import Foundation
import Testing
@testable import CobuyStore

/// A record that gives a key twice (a careless hand edit, a bad merge) is reported where it is
/// and never read one way: reading it would let the next write drop the other value.
@Suite struct DuplicateKeyTests {
    @Test func aPartyWithANameGivenTwiceIsReportedAndSkipped() throws {
        let temporary = try TemporaryStore()
        try temporary.party("city-of-salem")
        try temporary.party("marion-county", kind: "county")
        let good = try temporary.text(.party, "marion-county")
        // The record's own name, the last in the file (its history names the party too).
        let own = try #require(good.range(of: "\"name\" : \"Party marion-county\"", options: .backwards))
        let twice = good.replacingCharacters(in: own, with: "\"name\" : \"Party marion-county\",\n  \"name\" : \"Marion County\"")
        try temporary.write(twice, to: "parties/marion-county.json")

        let loaded = temporary.store.loadAll(.party)
        #expect(loaded.records.map(\.id) == ["city-of-salem"])
        let problem = try #require(loaded.problems.first)
        #expect(problem.path == temporary.path(.party, "marion-county"))
        #expect(problem.location == "name")
        #expect(problem.message.contains("given twice"), "\(problem)")
        let lines = twice.split(separator: "\n", omittingEmptySubsequences: false)
        let first = try #require(lines.firstIndex { $0.hasPrefix("  \"name\"") }) + 1
        #expect(problem.message.contains("lines \(first) and \(first + 1)"), "\(problem)")

        let report = temporary.store.validate()
        #expect(!report.isValid)
        #expect(report.problems.contains(problem))
    }

    @Test func anActionOnARecordWithAKeyGivenTwiceIsRefusedAndTheFileKept() throws {
        let temporary = try TemporaryStore()
        let solicitation = try temporary.solicitation()
        let relative = "solicitations/\(solicitation.id).json"
        let good = try temporary.text(.solicitation, solicitation.id)
        let twice = good.replacingOccurrences(of: "\"title\" : \"Road salt\"",
                                              with: "\"title\" : \"Road salt\",\n  \"title\" : \"Rock salt\"")
        #expect(twice != good)
        try temporary.write(twice, to: relative)
        let before = temporary.snapshot()

        #expect(throws: StoreError.self) { try temporary.perform("invite", ["party": "city-of-salem"], on: solicitation.id) }
        #expect(throws: StoreError.self) { _ = try temporary.store.load(solicitation.id) }
        #expect(temporary.snapshot() == before, "both titles are still in the file")
    }
}
