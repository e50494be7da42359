import CobuyCore
import CobuyStore
import Foundation
import Testing
@testable import CobuyDocs

@Suite struct ImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let now = Timestamp(iso8601: "2026-11-23T15:00:00Z")!

    func fixture(_ name: String) throws -> (path: String, data: Data) {
        let path = Self.fixtures.appendingPathComponent(name).path
        return (path, try #require(FileManager.default.contents(atPath: path)))
    }

    func read(_ name: String) throws -> OCDSImport.Imported {
        let (path, data) = try fixture(name)
        return try OCDSImport.read(file: path, data: data, publisher: nil, now: Self.now)
    }

    @Test func theFrameworkExampleImportsItsLotsAndTheCallOffLinkedToItsFramework() throws {
        let imported = try read("framework-release-package.json")
        let callOffs = imported.catalog.contracts.filter { $0.source.callOffOf != nil }
        #expect(callOffs.map(\.source.callOffOf) == ["ocds-rpc001-FW-2025-17"])
        #expect(callOffs.allSatisfy { !$0.cooperativeClause.open })
        #expect(imported.catalog.contracts.filter { $0.source.callOffOf == nil }.map(\.title).sorted()
            == ["Road maintenance equipment, lot 1", "Snow plows, lot 2"])
        let lot = try #require(imported.catalog.contracts.first { $0.title.hasSuffix("lot 1") })
        #expect(lot.status == .active)
        #expect(lot.period == ContractPeriod(start: CalendarDate("2026-01-01")!, end: CalendarDate("2029-12-31")!))
        #expect(lot.awardedValue == Money(amount: 250_000_000, currency: "USD"))
        #expect(lot.source.publisher == "Regional Purchasing Consortium")
        #expect(lot.source.ocid == "ocds-rpc001-FW-2025-17")
        // "All municipalities and counties in Minnesota" is the publisher's wording, not Cobuy's:
        // kept for the officer, never guessed into a clause.
        #expect(!lot.cooperativeClause.isStated && !lot.cooperativeClause.open)
        #expect(lot.description.contains("All municipalities and counties in Minnesota"))
        #expect(lot.source.framework == true)
        let plow = try #require(imported.catalog.contracts.first { $0.title.hasPrefix("Snow") })
        #expect(plow.awardedValue?.amount == 175_000_050)
        #expect(imported.catalog.parties.contains { $0.name == "North Star Equipment" && $0.kind == .vendor })
    }

    @Test func aMessyPublisherIsAcceptedWhereOCDSAllowsItAndReportedWhereNot() throws {
        let imported = try read("messy-publisher.json")
        let titles = imported.catalog.contracts.map(\.title)
        #expect(titles.contains("Janitorial supplies"))
        let janitorial = try #require(imported.catalog.contracts.first { $0.title == "Janitorial supplies" })
        #expect(janitorial.awardedValue == Money(amount: 12_500_000, currency: "USD"))
        #expect(janitorial.period?.start.description == "2025-04-01")
        let reasons = imported.skipped.map(\.description)
        #expect(reasons.contains { $0.contains("releases[1]") && $0.contains("no ocid") })
        #expect(reasons.contains { $0.contains("contracts[1].id") })
        #expect(reasons.contains { $0.hasPrefix("releases[4]: is not an object") })
        // A status outside the codelist and an amount that is no number are read as near as can
        // be, and said in the contract's provenance.
        let signed = try #require(imported.catalog.contracts.first { $0.id.hasSuffix("c-2") })
        #expect(signed.status == .active)
        #expect(signed.source.warnings == ["status \"signed\" is not in the OCDS codelist: read as active"])
        let lots = try #require(imported.catalog.contracts.first { $0.id.hasSuffix("c-4") })
        #expect(lots.awardedValue == nil)
        #expect(lots.source.warnings == ["amount \"lots\" is not a number: value not stated"])
        #expect(reasons.contains { $0.contains("releases[3].contracts") && $0.contains("not an array") })
        #expect(imported.catalog.contracts.contains { $0.id.hasSuffix("c-5") && $0.status == .pending })
    }

    @Test func jsonLinesAndRecordPackagesImport() throws {
        let lines = try read("releases.jsonl")
        #expect(lines.catalog.contracts.count == 2)
        #expect(lines.catalog.source.format == "json-lines")
        // The publisher says nothing about cooperative use: not stated, never guessed.
        #expect(lines.catalog.contracts.first { $0.title == "Traffic signals" }?.cooperativeClause.isStated == false)
        let records = try read("record-package.json")
        #expect(records.catalog.contracts.map(\.title) == ["Road salt"])
        #expect(records.catalog.source.publisher == "County Records")
    }

    @Test func garbageTruncatedWrongTypesAndHugeNonsenseAreRefused() throws {
        func refuse(_ data: Data) -> OCDSImport.Failure? {
            do {
                _ = try OCDSImport.read(file: "x.json", data: data, publisher: nil, now: Self.now)
                return nil
            } catch {
                return error
            }
        }
        var random = SystemRandomNumberGenerator()
        let binary = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) })
        #expect(refuse(binary) != nil)
        #expect(refuse(Data("{\"releases\": [{\"ocid\": \"a\"".utf8))?.description.contains("line 1") == true)
        #expect(refuse(Data("{\"releases\": {\"ocid\": 5}}".utf8))?.description.contains("not an array") == true)
        #expect(refuse(Data("{\"hello\": \"world\"}".utf8)) != nil)
        #expect(refuse(Data("[1, 2, 3]".utf8)) != nil)
        #expect(refuse(Data()) != nil)
        // Tens of megabytes of nonsense: a huge array of numbers, then a huge line of letters.
        let numbers = Data(("[" + String(repeating: "12345678,", count: 3_000_000) + "0]").utf8)
        #expect(refuse(numbers) != nil)
        let letters = Data(String(repeating: "nonsense ", count: 3_000_000).utf8)
        #expect(refuse(letters) != nil)
    }

    @Test func exportThenImportIntoAnEmptyStoreKeepsEveryContract() throws {
        let source = AddendumExportTests.store
        let data = try OCDSExport(ocidPrefix: "ocds-cobuy0", publisher: "Cobuy", now: Self.now).package(OCDSExportTests.directory(source))
        let imported = try OCDSImport.read(file: "/tmp/export.json", data: data, publisher: nil, now: Self.now)
        let original = source.loadAll(.contract).records.compactMap { record -> CooperativeContract? in
            if case .contract(let contract) = record { return contract } else { return nil }
        }
        // Piggyback addenda travel as call-offs under their master contract: linked, not contracts to join.
        let back = Dictionary(uniqueKeysWithValues: imported.catalog.contracts.filter { $0.source.callOffOf == nil }.map { ($0.id, $0) })
        #expect(Set(back.keys) == Set(original.map(\.id)))
        for contract in original {
            let copy = try #require(back[contract.id])
            #expect(copy.leadParty == contract.leadParty, "\(contract.id)")
            #expect(copy.vendor == contract.vendor, "\(contract.id)")
            #expect(copy.period == contract.period, "\(contract.id)")
            #expect(copy.awardedValue == (contract.awardedValue ?? contract.ceiling), "\(contract.id)")
            #expect(copy.status == contract.status, "\(contract.id)")
            #expect(copy.cooperativeClause == contract.cooperativeClause.stated(by: "the publisher"), "\(contract.id)")
        }
    }

    @Test func reimportingAFileReplacesItsCatalogAndAnImportIsAllOrNothing() throws {
        let folder = NSTemporaryDirectory() + "cobuy-import-" + UUID().uuidString
        let store = try Store.initialize(at: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let imported = try read("framework-release-package.json")
        try store.writeCatalog(imported.catalog)
        try store.writeCatalog(imported.catalog)
        #expect(DurableFile.names(in: store.catalogFolder).count == 1)
        #expect(store.loadAll(.contract).records.count == 3)
        #expect(store.validate().isValid)
        // An imported contract is browsable and loadable by id, but read-only to actions.
        let id = imported.catalog.contracts[0].id
        guard case .contract(let contract) = try store.load(id) else { Issue.record("not found"); return }
        let context = ActionContext(now: Self.now, officer: Officer(name: "x", party: contract.leadParty))
        #expect(ContractMachine.precheck("terminate", on: contract, in: context)?.guardName == "imported")
    }

    @Test func categoryComesFromTheItemsAndEligibilityWordingCobuyCannotReadIsKeptForTheOfficer() throws {
        let release = #"""
        {"ocid":"ocds-xyz123-1","id":"1","date":"2026-01-02T00:00:00Z","tag":["award"],
         "buyer":{"id":"b","name":"Scottish Procurement Alliance"},
         "parties":[{"id":"b","name":"Scottish Procurement Alliance","address":{"countryName":"GB"},"roles":["buyer"]},
                    {"id":"s","name":"Thistle Office Ltd","roles":["supplier"]}],
         "tender":{"title":"Office furniture framework","mainProcurementCategory":"goods",
                   "items":[{"id":"1","classification":{"scheme":"CPV","id":"39130000","description":"Office furniture"}}],
                   "techniques":{"hasFrameworkAgreement":true,"frameworkAgreement":{"buyerCategories":"Any public sector body in Scotland"}}},
         "awards":[{"id":"a","suppliers":[{"id":"s","name":"Thistle Office Ltd"}]}],
         "contracts":[{"id":"c","awardID":"a","status":"active","description":"Desks and chairs.",
                       "period":{"startDate":"2026-01-01","endDate":"2029-12-31"}}]}
        """#
        let imported = try OCDSImport.read(file: "/tmp/x.json", data: Data(release.utf8), publisher: nil, now: Self.now)
        let contract = try #require(imported.catalog.contracts.first)
        #expect(contract.category == "Office furniture")
        // Wording Cobuy cannot read is no evidence: not stated, and kept for the officer to read.
        #expect(contract.cooperativeClause == .notStated("the publisher, in words Cobuy cannot read"))
        #expect(contract.description == "Desks and chairs.\n\nWho may use it, as the publisher words it: Any public sector body in Scotland")
        // Cobuy's own wording is read back exactly and adds nothing.
        let own = release.replacingOccurrences(of: "Any public sector body in Scotland", with: "county, city in US-OR")
        let read = try #require(try OCDSImport.read(file: "/tmp/y.json", data: Data(own.utf8), publisher: nil, now: Self.now).catalog.contracts.first)
        #expect(read.description == "Desks and chairs.")
        #expect(read.cooperativeClause.kinds == [.county, .city])
    }

    @Test(arguments: [
        ("National Cooperative Purchasing Alliance", PartyKind.specialDistrict), ("Navajo Nation", .tribal),
        ("Pueblo of Laguna", .tribal), ("City of Salem", .city), ("Electricity Board of Avon", .specialDistrict),
        ("Townsend Consolidated Schools", .schoolDistrict), ("Marion County", .county), ("Acadiana Parish Council", .county),
        ("Portland Community College", .higherEd), ("State University of New York", .higherEd),
        ("U.S. General Services Administration", .federal), ("Oregon Department of Administrative Services", .state),
        ("Houston-Galveston Area Council", .specialDistrict), ("Sourcewell", .specialDistrict), ("Village of Oak Park", .city),
    ])
    func aLeadsKindComesFromWholeWordsOfItsName(name: String, kind: PartyKind) {
        #expect(OCDSImport.kind(details: nil, name: name, isSupplier: false) == kind, "\(name)")
        #expect(OCDSImport.kind(details: nil, name: name, isSupplier: true) == .vendor)
    }

    @Test func csvListsImportWithLineNumberedProblems() throws {
        let (path, data) = try fixture("cooperative-list.csv")
        let imported = try CSVImport.read(file: path, data: data, publisher: nil, now: Self.now)
        #expect(imported.catalog.contracts.map(\.title) == ["Playground equipment", "Body cameras, \"rugged\""])
        #expect(imported.catalog.contracts[0].awardedValue?.amount == 120_000_000)
        #expect(imported.catalog.contracts[1].cooperativeClause.kinds == [.county, .city])
        #expect(imported.skipped.map(\.line) == [4, 5, 6])
        #expect(imported.skipped[0].description.contains("line 4: start"))
        #expect(throws: CSVImport.Failure.self) {
            _ = try CSVImport.read(file: "x.csv", data: Data("name,price\nx,1\n".utf8), publisher: nil, now: Self.now)
        }
    }
}
