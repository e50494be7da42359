import CobuyCore
import Foundation
import Testing
@testable import CobuyDocs

/// Quantities pledged per line reach the published documents: the tender's items carry the
/// pooled totals, each buyer's addendum its own items, and the addendum draft its lines.
@Suite struct PooledItemsExportTests {
    static func directory() -> RecordDirectory {
        var directory = RecordDirectory()
        for (id, kind) in [("city-of-salem", PartyKind.city), ("marion-county", .county), ("acme-fleet", .vendor)] {
            directory.parties[id] = Party(id: id, name: id, kind: kind, region: RegionCode("US-OR")!, population: 1, statutoryTerms: [])
        }
        var solicitation = JointSolicitation(id: "SOL-2026-0001", title: "Fleet", leadParty: "city-of-salem", partners: [
            Partner(party: "city-of-salem", status: .signed), Partner(party: "marion-county", status: .signed),
        ])
        solicitation.status = .complete
        solicitation.lines = [RequirementLine(number: 1, text: "Sedan", quantity: 60, unit: "each"),
                              RequirementLine(number: 2, text: "Fuel", quantity: 9000, unit: "gallon")]
        solicitation.partners[0].quantities = [LineQuantity(line: 1, quantity: 10), LineQuantity(line: 2, quantity: 2000)]
        solicitation.partners[1].quantities = [LineQuantity(line: 1, quantity: 40), LineQuantity(line: 2, quantity: 5000)]
        for index in solicitation.lines.indices { solicitation.lines[index].pooledTotal = solicitation.pooledTotal(onLine: solicitation.lines[index].number) }
        var contract = CooperativeContract(id: "CON-2026-0001", title: "Fleet", source: ContractSource(kind: .solicitation, solicitation: solicitation.id),
                                           leadParty: "city-of-salem", vendor: "acme-fleet", cooperativeClause: .closed)
        contract.status = .active
        contract.period = ContractPeriod(start: CalendarDate("2026-03-02")!, end: CalendarDate("2029-03-01")!)
        solicitation.awards = [Award(proposal: "P1", vendor: "acme-fleet", contract: contract.id, value: Money(amount: 100, currency: "USD"),
                                     date: CalendarDate("2026-03-02")!, reason: nil)]
        var addendum = ParticipatingAddendum(id: "PA-2026-0001", contract: contract.id, party: "marion-county", localTerms: [])
        addendum.lines = solicitation.partners[1].scopeLines(of: solicitation.lines)
        addendum.scope = "Sedan: 40 each; Fuel: 5000 gallon"
        directory.insert(.solicitation(solicitation))
        directory.insert(.contract(contract))
        directory.insert(.addendum(addendum))
        return directory
    }

    @Test func theTenderPublishesTheTotalsAndEachBuyersAddendumItsOwnItems() throws {
        let data = try OCDSExport(ocidPrefix: "ocds-cobuy0", publisher: "Test", now: Timestamp(iso8601: "2026-11-23T15:00:00Z")!)
            .package(Self.directory())
        let package = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let releases = try #require(package["releases"] as? [[String: Any]])
        let release = try #require(releases.first { ($0["tender"] as? [String: Any])?["items"] != nil })
        let items = try #require((release["tender"] as? [String: Any])?["items"] as? [[String: Any]])
        #expect(items.map { $0["quantity"] as? Int } == [50, 7000])
        // Each buyer's addendum is a process of its own (linked to the master by relatedProcesses).
        let addendum = try #require(releases.first { ($0["buyer"] as? [String: Any])?["id"] as? String == "marion-county" })
        let marion = try #require((addendum["contracts"] as? [[String: Any]])?.first)
        #expect((marion["items"] as? [[String: Any]])?.map { $0["quantity"] as? Int } == [40, 5000])
        #expect((marion["items"] as? [[String: Any]])?.map { ($0["unit"] as? [String: Any])?["name"] as? String } == ["each", "gallon"])
    }

    @Test func theAddendumDraftOffersItsLinesToTemplates() throws {
        let directory = Self.directory()
        let draft = AddendumDraft(addendum: try #require(directory.addenda["PA-2026-0001"]), lookup: directory, today: CalendarDate("2026-11-23")!)
        let lines = try #require(draft.values["lines"] as? [[String: Any]])
        #expect(lines.map { $0["quantity"] as? Int } == [40, 5000])
        #expect(lines.map { $0["text"] as? String } == ["Sedan", "Fuel"])
    }
}
