import CobuyCore
import CobuyStore
import CobuyTerminal
import Foundation
import Testing
@testable import CobuyUI

/// The contracts tab on a store with an imported catalog: its rows come from the catalog
/// index a page at a time, and must agree with what the records themselves say.
@Suite struct CatalogListTests {
    static let catalogSize = 700

    /// A copy of the sample store plus one catalog of varied contracts (statuses, terms,
    /// clauses open and closed, kinds, regions, accented vendors).
    static func catalogStore() throws -> (store: Store, folder: String, catalog: [CooperativeContract]) {
        let folder = NSTemporaryDirectory() + "cobuy-catalog-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: Fixtures.sampleStorePath, toPath: folder)
        let store = try Store.initialize(at: folder)
        let today = Fixtures.now.date
        let kinds: [PartyKind] = [.city, .county, .schoolDistrict]
        let regions = ["US-OR", "US-WA", "US", "US-CA"].compactMap(RegionCode.init)
        var contracts: [CooperativeContract] = []
        for n in 0..<catalogSize {
            let clause = CooperativeClause(open: n % 4 != 0, kinds: n % 2 == 0 ? nil : [kinds[n % 3]],
                                           regions: n % 5 == 0 ? nil : [regions[n % regions.count]], statedBy: "the publisher")
            var contract = CooperativeContract(
                id: String(format: "CON-T%05d", n), title: n % 7 == 0 ? "Road salt lot \(n)" : "Office chairs lot \(n)",
                description: n % 10 == 0 ? "Deicing material delivered statewide" : "Ergonomic seating",
                category: n % 3 == 0 ? "Roads" : "Furniture",
                source: ContractSource(kind: .imported, publisher: "Test cooperative", ocid: "ocds-test00-\(n)", file: "/data/test.json"),
                leadParty: "lead-\(n % 5)", vendor: "vendor-\(n % 11)", cooperativeClause: clause)
            contract.leadName = "Lead Agency \(n % 5)"
            contract.vendorName = n % 2 == 0 ? "Société Générale de Fournitures \(n % 11)" : "Acme Seating \(n % 11)"
            contract.status = n % 9 == 0 ? .terminated : .active
            // A few name Salem as a participant (a lead is no joiner of its own contract, so
            // the sample's contracts naming Salem are not joinable by it).
            if n % 97 == 3 { contract.namedParticipants = ["city-of-salem"] }
            contract.period = ContractPeriod(start: today.adding(days: -400), end: today.adding(days: (n * 37) % 1500 - 200))
            contracts.append(contract)
        }
        let source = CatalogFile.Source(file: "/data/test.json", publisher: "Test cooperative", importedAt: Fixtures.now,
                                        format: "release-package", releasesRead: catalogSize)
        try store.writeCatalog(CatalogFile(source: source, contracts: contracts, parties: []))
        return (store, folder, contracts)
    }

    static func state(_ store: Store) throws -> AppState {
        let catalog = try #require(store.catalogIndex())
        try catalog.refresh()
        let snapshot = StoreSnapshot.load(from: store, today: Fixtures.now.date, catalog: catalog)
        var state = AppState(snapshot: snapshot, now: Fixtures.now, officer: Fixtures.salem, storeName: "catalog", width: 120, height: 40)
        _ = state.update(.key(.character("3")))
        return state
    }

    /// Every contract the store knows: its own and the catalog's.
    static func allContracts(_ store: Store, catalog: [CooperativeContract]) -> [CooperativeContract] {
        store.loadLocal(.contract).records.compactMap { if case .contract(let value) = $0 { value } else { nil } } + catalog
    }

    @Test func theListCountsEveryContractAndPagesAsTheSelectionMoves() throws {
        let (store, folder, catalog) = try Self.catalogStore()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var state = try Self.state(store)
        let expected = Self.allContracts(store, catalog: catalog).map(\.id).sorted()
        let list = try #require(state.lists[.contract])
        #expect(list.count == expected.count)
        #expect((list.page?.rows.count ?? 0) < expected.count, "only a window is held")
        _ = state.update(.key(.character("G")))
        #expect(state.selectedRecordID == expected.last)
        for step in [-1, -150, -3] {
            _ = state.update(.key(step == -1 ? .up : (step == -3 ? .character("k") : .pageUp)))
            let position = try #require(state.lists[.contract]?.selected)
            #expect(state.selectedRecordID == expected[position], "row \(position) after moving \(step)")
        }
        // The screen draws the rows around the selection, from the page.
        let grid = View.render(state, theme: .monochrome)
        #expect(grid.text.contains(state.selectedRecordID ?? "?"))
    }

    @Test func joinableByMyPartyAgreesWithTheChecklistOfEveryContract() throws {
        let (store, folder, catalog) = try Self.catalogStore()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var state = try Self.state(store)
        let party = try #require(state.snapshot.directory.party("city-of-salem"))
        // Nearest first: contracts naming the party, open to its own state, to a list of
        // places, to anywhere; then by id.
        func nearness(_ contract: CooperativeContract) -> Int {
            if contract.namedParticipants.contains(party.id) { return 0 }
            guard let regions = contract.cooperativeClause.regions else { return 3 }
            return regions.contains(party.region) ? 1 : 2
        }
        let joinable = Self.allContracts(store, catalog: catalog).filter { contract in
            Joinability.evaluate(contract: contract, party: party, today: Fixtures.now.date,
                                 addenda: state.snapshot.directory.addenda(onContract: contract.id)).isJoinable
        }.sorted { (nearness($0), $0.id) < (nearness($1), $1.id) }.map(\.id)
        #expect(joinable.count > 20 && joinable.count < catalog.count / 2, "the data has both kinds")
        let byID = Dictionary(Self.allContracts(store, catalog: catalog).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(Set(joinable.prefix(60).compactMap { byID[$0].map(nearness) }).count > 1, "the first page mixes nearness, so the order is tested")
        _ = state.update(.key(.character("J")))
        let list = try #require(state.lists[.contract])
        #expect(list.count == joinable.count)
        #expect(list.page?.rows.map(\.id) == Array(joinable.prefix(list.page?.rows.count ?? 0)))
        #expect(list.page.map { Set($0.rows.map(\.id)) == $0.joinable } == true, "every row shown is marked joinable")
    }

    @Test func searchFindsWordsAndPrefixesAcrossFieldsIgnoringCaseAndAccents() throws {
        let (store, folder, catalog) = try Self.catalogStore()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var state = try Self.state(store)
        func words(_ contract: CooperativeContract) -> [Substring] {
            let text = [contract.title, contract.vendorName ?? "", contract.leadName ?? "", contract.category, contract.description]
                .joined(separator: " ")
            return RecordSummary.fold(text).split { !$0.isLetter && !$0.isNumber }
        }
        let all = Self.allContracts(store, catalog: catalog).filter { $0.source.kind == .imported }
        // Words of three letters or more are prefixes; shorter ones whole words, except a short
        // last word still being typed after others, which waits for its third letter.
        for query in ["road sal", "SOCIETE gen", "deicing", "chairs 1", "chairs 1 ", "lot 7 sea"] {
            _ = state.update(.key(.character("/")))
            for character in query { _ = state.update(.key(.character(character))) }
            _ = state.update(.key(.enter))
            let folded = RecordSummary.fold(query)
            let terms = folded.split { !$0.isLetter && !$0.isNumber }
            let typing = folded.last.map { $0.isLetter || $0.isNumber } ?? false
            func matches(_ contract: CooperativeContract) -> Bool {
                let found = words(contract)
                return terms.enumerated().allSatisfy { index, term in
                    if term.count >= CatalogQuery.shortestPrefix { return found.contains { $0.hasPrefix(term) } }
                    if typing, index == terms.count - 1, terms.count > 1 { return true }
                    return found.contains(term)
                }
            }
            let expected = all.filter(matches)
            let shown = try #require(state.lists[.contract]?.page)
            let catalogRows = shown.rows.filter { $0.id.hasPrefix("CON-T") }
            #expect(shown.total >= expected.count && !expected.isEmpty, "\(query): \(shown.total) shown, \(expected.count) expected")
            #expect(Set(catalogRows.map(\.id)).isSubset(of: Set(expected.map(\.id))), "\(query)")
            if shown.total <= shown.rows.count {
                #expect(catalogRows.count == expected.count, "\(query)")
            }
            _ = state.update(.key(.character("c")))
        }
    }

    @Test func aShortWordBeingTypedIsShownToWaitForItsThirdLetter() throws {
        let (store, folder, _) = try Self.catalogStore()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var state = try Self.state(store)
        _ = state.update(.key(.character("/")))
        for character in "chairs lo" { _ = state.update(.key(.character(character))) }
        let waiting = View.render(state, theme: .monochrome).text
        #expect(waiting.contains("\"lo\" counts from 3 letters"))
        #expect((waiting.contains("best match first") || waiting.contains("too many to rank")) && !waiting.contains("ID↑"),
                "in relevance order, so no column claims the order")
        let chairs = try #require(state.lists[.contract]?.page?.total)
        _ = state.update(.key(.character("t")))
        #expect(!View.render(state, theme: .monochrome).text.contains("counts from"))
        #expect(try #require(state.lists[.contract]?.page?.total) == chairs, "every chairs contract is a lot")
    }

    @Test func joiningACatalogContractDraftsAnAddendumInTheStore() throws {
        let (store, folder, _) = try Self.catalogStore()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let app = Fixtures.app(store: store, folder: folder, officer: Fixtures.salem)
        for key: Key in [.character("3"), .character("J"), .character("/")] { app.dispatch(.key(key)) }
        for character in "office chairs" { app.dispatch(.key(.character(character))) }
        app.dispatch(.key(.enter))
        let chosen = try #require(app.state.selectedRecordID)
        #expect(chosen.hasPrefix("CON-T"))
        app.dispatch(.key(.character("+")))
        let drafted = store.loadLocal(.addendum).records.compactMap { record -> ParticipatingAddendum? in
            if case .addendum(let value) = record, value.contract == chosen { return value }
            return nil
        }
        #expect(drafted.count == 1 && drafted.first?.party == "city-of-salem" && drafted.first?.status == .draft)
        #expect(app.state.opened?.id == drafted.first?.id)
    }
}
