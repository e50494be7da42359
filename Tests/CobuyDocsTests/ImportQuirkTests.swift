import CobuyCore
import CobuyJSON
import CobuyStore
import Foundation
import Testing
@testable import CobuyDocs

/// One small fixture per quirk real publishers have (see issue 10 and `../shared/ocds/real`):
/// each imported the way an officer can trust, or skipped and named.
@Suite struct ImportQuirkTests {
    static let now = Timestamp(iso8601: "2026-11-23T15:00:00Z")!

    /// A release package of `releases` (JSON objects written out).
    static func package(_ releases: String...) -> Data {
        Data((#"{"version": "1.1", "publisher": {"name": "Quirk Portal"}, "releases": ["# + releases.joined(separator: ",") + "]}").utf8)
    }

    /// A release of process `ocid` with one buyer, the given awards and contracts.
    static func release(_ ocid: String, buyer: String = #"{"id": "b", "name": "City of Testville"}"#, parties: String = "[]",
                        awards: String = "[]", contracts: String = "[]", extra: String = "") -> String {
        #"{"ocid": "\#(ocid)", "id": "\#(ocid)-1", "date": "2026-01-02T00:00:00Z", "tag": ["contract"], "buyer": \#(buyer), "parties": \#(parties), "awards": \#(awards), "contracts": \#(contracts)\#(extra)}"#
    }

    func read(_ data: Data, rule: CatalogFile.StatedRule? = nil) throws -> OCDSImport.Imported {
        try OCDSImport.read(file: "/home/officer/Downloads/quirks.json", data: data, publisher: nil, now: Self.now, rule: rule)
    }

    @Test func aNullAmountIsValueNotStatedAndTheContractIsKept() throws {
        let imported = try read(Self.package(Self.release("ocds-q-1", awards: #"[{"id": "a", "suppliers": [{"id": "s", "name": "Acme"}]}]"#,
            contracts: #"[{"id": "c", "awardID": "a", "status": "active", "value": {"amount": null, "currency": "USD"}, "period": {"startDate": "2026-01-01", "endDate": "2027-01-01"}}]"#)))
        let contract = try #require(imported.catalog.contracts.first)
        #expect(contract.awardedValue == nil)
        #expect(contract.source.warnings == nil)
        #expect(imported.skipped.isEmpty)
    }

    @Test func calendarDatesAreThePublishersOwnWhateverTheOffset() throws {
        let imported = try read(Self.package(Self.release("ocds-q-2", awards: #"[{"id": "a", "suppliers": [{"id": "s", "name": "Acme"}]}]"#,
            contracts: #"[{"id": "c", "awardID": "a", "status": "active", "period": {"startDate": "2017-04-25T00:00:00+03:00", "endDate": "2011-06-30T23:59:59-07:00"}},"#
                + #"{"id": "d", "awardID": "a", "status": "active", "period": {"startDate": "2010-07-01T00:00:00-07:00", "endDate": "2011-06-30T23:59:59-07:00"}}]"#)))
        let dated = try #require(imported.catalog.contracts.first { $0.id.hasSuffix("-d") })
        #expect(dated.period == ContractPeriod(start: CalendarDate("2010-07-01")!, end: CalendarDate("2011-06-30")!))
        // The first ends before it starts once read as published: no term, and why.
        let backwards = try #require(imported.catalog.contracts.first { $0.id.hasSuffix("-c") })
        #expect(backwards.source.warnings == ["the period ends (2011-06-30) before it starts (2017-04-25): term not stated"])
        #expect(OCDSImport.date(nil) == nil)
        #expect(OCDSImport.period(try JSONFixture.node(#"{"startDate": "2017-04-25T00:00:00+03:00", "endDate": "2017-12-31T00:00:00+02:00"}"#))
            == ContractPeriod(start: CalendarDate("2017-04-25")!, end: CalendarDate("2017-12-31")!))
    }

    @Test func aPeriodWithOnlyAnEndKeepsTheEndAndTheStatus() throws {
        let imported = try read(Self.package(Self.release("ocds-q-3", awards: #"[{"id": "a", "suppliers": [{"id": "s", "name": "Acme"}]}]"#,
            contracts: #"[{"id": "c", "awardID": "a", "status": "active", "period": {"endDate": "2027-12-31T00:00:00+02:00"}}]"#)))
        let contract = try #require(imported.catalog.contracts.first)
        #expect(contract.status == .active && contract.period == nil && contract.termEnd == CalendarDate("2027-12-31"))
        #expect(contract.endDate == CalendarDate("2027-12-31"))
        #expect(contract.consistencyProblems().isEmpty)
    }

    @Test(arguments: ["2026-02-30", "0000-01-01", "10000-01-01", "2026-13-01", "tomorrow"])
    func aDateThatIsNoCalendarDaySkipsTheContractAndNamesIt(date: String) throws {
        let data = Self.package(Self.release("ocds-q-4", awards: #"[{"id": "a", "suppliers": [{"id": "s", "name": "Acme"}]}]"#,
            contracts: #"[{"id": "bad", "awardID": "a", "status": "active", "period": {"startDate": "2026-01-01", "endDate": "\#(date)"}},"#
                + #"{"id": "good", "awardID": "a", "status": "active", "period": {"startDate": "2026-01-01", "endDate": "2027-01-01"}}]"#))
        let imported = try read(data)
        #expect(imported.catalog.contracts.map { $0.history[0].details["contract"] } == ["good"])
        #expect(imported.skipped.map(\.description) == ["releases[0].contracts[0].period.endDate: \"\(date)\" is not a calendar date"])
    }

    @Test func aMultiSupplierAwardGivesEachContractItsOwnSupplier() throws {
        let imported = try read(Self.package(Self.release("ocds-q-5",
            parties: #"[{"id": "b", "name": "City of Testville", "roles": ["buyer"]}, {"id": "s1", "name": "EMPORIO FERRETERIA", "roles": ["supplier"]}, {"id": "s2", "name": "JUAN RODRIGUEZ", "roles": ["supplier"]}]"#,
            awards: #"[{"id": "a", "suppliers": [{"id": "s1", "name": "EMPORIO FERRETERIA"}, {"id": "s2", "name": "JUAN RODRIGUEZ"}]}]"#,
            contracts: #"[{"id": "c1", "awardID": "a", "status": "active", "suppliers": [{"id": "s1", "name": "EMPORIO FERRETERIA"}]},"#
                + #"{"id": "c2", "awardID": "a", "status": "active", "suppliers": {"id": "s2", "name": "JUAN RODRIGUEZ"}},"#
                + #"{"id": "c3", "awardID": "a", "status": "active"}]"#)))
        let byID = Dictionary(uniqueKeysWithValues: imported.catalog.contracts.map { ($0.history[0].details["contract"] ?? "", $0) })
        #expect(byID["c1"]?.vendorName == "EMPORIO FERRETERIA")
        // The single object some publishers write instead of an array.
        #expect(byID["c2"]?.vendorName == "JUAN RODRIGUEZ")
        // No supplier of its own: every supplier of its award, and a multiple award.
        #expect(byID["c3"]?.source.suppliers == ["EMPORIO FERRETERIA", "JUAN RODRIGUEZ"])
        #expect(imported.catalog.contracts.allSatisfy { !$0.singleAward })
    }

    @Test func aPartyIDReusedByAnotherProcessForAnotherBodyStaysAnotherParty() throws {
        let imported = try read(Self.package(
            Self.release("ocds-q-6", buyer: #"{"id": "1", "name": "City of Alpha"}"#, awards: #"[{"id": "a", "suppliers": [{"id": "2", "name": "Alpha Paving"}]}]"#,
                         contracts: #"[{"id": "c", "awardID": "a", "status": "active"}]"#),
            Self.release("ocds-q-7", buyer: #"{"id": "1", "name": "County of Beta"}"#, awards: #"[{"id": "a", "suppliers": [{"id": "2", "name": "Beta Mowing"}]}]"#,
                         contracts: #"[{"id": "c", "awardID": "a", "status": "active"}]"#)))
        let leads = Set(imported.catalog.contracts.map(\.leadParty)), vendors = Set(imported.catalog.contracts.map(\.vendor))
        #expect(leads.count == 2 && vendors.count == 2)
        #expect(Set(imported.catalog.parties.map(\.name)) == ["City of Alpha", "County of Beta", "Alpha Paving", "Beta Mowing"])
    }

    @Test func aContractListedInSeveralReleasesIsImportedOnceLaterFieldsWinning() throws {
        let first = Self.release("ocds-q-8", awards: #"[{"id": "a", "suppliers": [{"id": "s", "name": "Acme"}]}]"#,
            contracts: #"[{"id": "c", "awardID": "a", "status": "pending", "title": "Salt", "value": {"amount": 100, "currency": "USD"}}]"#)
        let later = #"{"ocid": "ocds-q-8", "id": "ocds-q-8-2", "date": "2026-03-01T00:00:00Z", "tag": ["contractAmendment"], "contracts": [{"id": "c", "status": "active", "period": {"startDate": "2026-03-01", "endDate": "2028-02-29"}}]}"#
        let imported = try read(Self.package(later, first))
        #expect(imported.catalog.contracts.count == 1 && imported.merged == 1)
        let contract = try #require(imported.catalog.contracts.first)
        #expect(contract.status == .active && contract.title == "Salt")
        #expect(contract.awardedValue == Money(amount: 10_000, currency: "USD"))
        #expect(contract.period == ContractPeriod(start: CalendarDate("2026-03-01")!, end: CalendarDate("2028-02-29")!))
    }

    @Test func aTwoLetterUSRegionIsAState() throws {
        let imported = try read(Self.package(Self.release("ocds-q-9",
            parties: #"[{"id": "b", "name": "City of Testville", "roles": ["buyer"], "address": {"region": "OR", "countryName": "United States"}}, {"id": "x", "name": "Elsewhere Board", "roles": ["procuringEntity"], "address": {"region": "OR"}}]"#,
            awards: #"[{"id": "a", "suppliers": [{"id": "s", "name": "Acme", "address": {"region": "WA", "countryName": "US"}}]}]"#,
            contracts: #"[{"id": "c", "awardID": "a", "status": "active"}]"#)))
        let regions = Dictionary(uniqueKeysWithValues: imported.catalog.parties.map { ($0.name, $0.region.code) })
        #expect(regions["City of Testville"] == "US-OR")
        #expect(regions["Acme"] == "US-WA")
        #expect(OCDSImport.region(try JSONFixture.node(#"{"address": {"region": "OR"}}"#)) == .unknown)
    }

    @Test func jsonLinesOfReleasePackagesAndRecordPackagesImport() throws {
        let line1 = String(decoding: Self.package(Self.release("ocds-q-10", awards: #"[{"id": "a", "suppliers": [{"id": "s", "name": "Acme"}]}]"#,
                                                              contracts: #"[{"id": "c", "awardID": "a", "status": "active"}]"#)), as: UTF8.self)
        let line2 = #"{"records": [{"ocid": "ocds-q-11", "compiledRelease": "# + Self.release("ocds-q-11", awards: #"[{"id": "a", "suppliers": [{"id": "s", "name": "Acme"}]}]"#,
                                                                                         contracts: #"[{"id": "c", "awardID": "a", "status": "active"}]"#) + "}]}"
        let line3 = Self.release("ocds-q-12", awards: #"[{"id": "a", "suppliers": [{"id": "s", "name": "Acme"}]}]"#)
        let imported = try read(Data((line1 + "\n" + line2 + "\n" + line3 + "\n").utf8))
        #expect(Set(imported.catalog.contracts.compactMap(\.source.ocid)) == ["ocds-q-10", "ocds-q-11", "ocds-q-12"])
        #expect(imported.catalog.source.format == "json-lines-of-packages")
    }

    @Test func anAwardWithoutAContractBecomesOneAndUnsuccessfulAwardsAreNamed() throws {
        let imported = try read(Self.package(Self.release("ocds-q-13",
            awards: #"[{"id": "won", "status": "active", "value": {"amount": 5000, "currency": "CAD"}, "contractPeriod": {"startDate": "2026-01-01", "endDate": "2027-06-30"}, "suppliers": [{"id": "s", "name": "Acme"}]},"#
                + #"{"id": "lost", "status": "unsuccessful", "suppliers": [{"id": "t", "name": "Other"}]}]"#, contracts: "[]")))
        let award = try #require(imported.catalog.contracts.first)
        #expect(imported.catalog.contracts.count == 1)
        #expect(award.source.award == "won" && award.status == .active)
        #expect(award.period == ContractPeriod(start: CalendarDate("2026-01-01")!, end: CalendarDate("2027-06-30")!))
        #expect(award.awardedValue == Money(amount: 500_000, currency: "CAD"))
        #expect(imported.skipped.map(\.path) == ["releases[0].awards[1]"])
    }

    @Test func aFrameworkShowsEverySupplierAndACallOffIsNeverOfferedToJoin() throws {
        let framework = Self.release("ocds-q-14",
            awards: #"[{"id": "a", "status": "active", "suppliers": [{"id": "s1", "name": "Acme"}, {"id": "s2", "name": "Bolt"}], "contractPeriod": {"startDate": "2026-01-01", "endDate": "2029-12-31"}}]"#,
            extra: #", "tender": {"techniques": {"hasFrameworkAgreement": true, "frameworkAgreement": {"buyerCategories": "city, county in US"}}}"#)
        let callOff = Self.release("ocds-q-15", awards: #"[{"id": "a", "suppliers": [{"id": "s1", "name": "Acme"}]}]"#,
            contracts: #"[{"id": "c", "awardID": "a", "status": "active", "period": {"startDate": "2026-02-01", "endDate": "2029-01-31"}}]"#,
            extra: #", "relatedProcesses": [{"id": "1", "relationship": ["framework"], "scheme": "ocid", "identifier": "ocds-q-14"}]"#)
        let imported = try read(Self.package(framework, callOff))
        let agreement = try #require(imported.catalog.contracts.first { $0.source.ocid == "ocds-q-14" })
        #expect(agreement.source.framework == true && agreement.source.suppliers == ["Acme", "Bolt"] && !agreement.singleAward)
        #expect(agreement.cooperativeClause == CooperativeClause(open: true, kinds: [.city, .county], regions: [RegionCode("US")!], statedBy: "the publisher"))
        let order = try #require(imported.catalog.contracts.first { $0.source.ocid == "ocds-q-15" })
        #expect(order.source.callOffOf == "ocds-q-14")
        let city = Party(id: "city-of-salem", name: "City of Salem", kind: .city, region: RegionCode("US-OR")!)
        let checklist = Joinability.evaluate(contract: order, party: city, today: CalendarDate("2026-06-01")!, addenda: [])
        #expect(!checklist.isJoinable)
        #expect(checklist.failures.first?.reason.contains("call-off under the framework ocds-q-14") == true)
        #expect(Joinability.evaluate(contract: agreement, party: city, today: CalendarDate("2026-06-01")!, addenda: []).isJoinable)
    }

    @Test func anOfficersRuleOpensWhatThePublisherLeavesUnstatedAndSaysWhoAndWhen() throws {
        let rule = CatalogFile.StatedRule(kinds: nil, regions: [RegionCode("US")!], officer: "Ana Ruiz", party: "city-of-salem", at: Self.now)
        let data = Self.package(
            Self.release("ocds-q-16", awards: #"[{"id": "a", "suppliers": [{"id": "s", "name": "Acme"}]}]"#,
                         contracts: #"[{"id": "c", "awardID": "a", "status": "active", "period": {"startDate": "2026-01-01", "endDate": "2028-01-01"}}]"#),
            Self.release("ocds-q-17", awards: #"[{"id": "a", "suppliers": [{"id": "s", "name": "Acme"}]}]"#,
                         contracts: #"[{"id": "c", "awardID": "a", "status": "active", "period": {"startDate": "2026-01-01", "endDate": "2028-01-01"}}]"#,
                         extra: #", "tender": {"techniques": {"hasFrameworkAgreement": false}}"#))
        let imported = try read(data, rule: rule)
        #expect(imported.catalog.source.rule == rule)
        let silent = try #require(imported.catalog.contracts.first { $0.source.ocid == "ocds-q-16" })
        #expect(silent.cooperativeClause.statedBy == "Ana Ruiz (city-of-salem) on 2026-11-23, for the whole catalog")
        #expect(silent.cooperativeClause.open && silent.cooperativeClause.regions == [RegionCode("US")!])
        // What the publisher states wins over the officer's rule.
        let closed = try #require(imported.catalog.contracts.first { $0.source.ocid == "ocds-q-17" })
        #expect(!closed.cooperativeClause.open && closed.cooperativeClause.statedBy == "the publisher")
        // Without a rule, silence is not stated.
        #expect(try read(data).catalog.contracts.first { $0.source.ocid == "ocds-q-16" }?.cooperativeClause.isStated == false)
    }

    @Test func aContractImportedByAnEarlierCobuyWithAGuessedClauseReadsBackAsNotStated() throws {
        var old = CooperativeContract(id: "CON-ocds-x-1", title: "Salt", source: ContractSource(kind: .imported, publisher: "P", ocid: "ocds-x"),
                                      leadParty: "lead", vendor: "vendor", cooperativeClause: CooperativeClause(open: true, kinds: nil, regions: nil))
        old.history = []
        let decoded = try JSONDecoder().decode(CooperativeContract.self, from: ContractJSON.encode(old))
        #expect(!decoded.cooperativeClause.isStated && !decoded.cooperativeClause.open)
        // The store's own contracts keep their clause as decided.
        var own = old
        own.source = ContractSource(kind: .registered, publisher: "P")
        #expect(try JSONDecoder().decode(CooperativeContract.self, from: ContractJSON.encode(own)).cooperativeClause.open)
    }

    @Test func aCSVRowWithoutEligibilityColumnsStatesNothing() throws {
        let csv = "title,lead,vendor,start,end,eligible kinds,eligible regions\nSalt,City of A,Acme,2026-01-01,2028-01-01,,\nSand,City of A,Acme,2026-01-01,2028-01-01,city,US-OR\n"
        let imported = try CSVImport.read(file: "/tmp/list.csv", data: Data(csv.utf8), publisher: nil, now: Self.now)
        #expect(imported.catalog.contracts[0].cooperativeClause.isStated == false)
        #expect(imported.catalog.contracts[1].cooperativeClause.kinds == [.city])
        #expect(imported.catalog.contracts.allSatisfy { $0.source.file == "list.csv" })
    }
}

/// The import entry point into a real store: ids another catalog holds, temporaries left by
/// killed imports, nothing importable.
@Suite struct CatalogImportStoreTests {
    func withStore(_ body: (Store, String) throws -> Void) throws {
        let folder = NSTemporaryDirectory() + "cobuy-import-" + UUID().uuidString
        let store = try Store.initialize(at: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(store, folder)
    }

    func write(_ data: Data, _ path: String) throws { try data.write(to: URL(fileURLWithPath: path)) }

    static let salt = ImportQuirkTests.package(ImportQuirkTests.release("ocds-q-20", awards: #"[{"id": "a", "suppliers": [{"id": "s", "name": "Acme"}]}]"#,
        contracts: #"[{"id": "c", "awardID": "a", "status": "active", "title": "Salt", "period": {"startDate": "2026-01-01", "endDate": "2028-01-01"}}]"#))

    @Test func aSecondCatalogWithAContractIDAlreadyImportedIsRefusedForThatContractAndNamed() throws {
        try withStore { store, folder in
            let options = CatalogImport.Options(now: ImportQuirkTests.now)
            try write(Self.salt, "\(folder)/first.json")
            try write(Self.salt, "\(folder)/second.json")
            #expect(try CatalogImport.ocds("\(folder)/first.json", into: store, options: options).imported == 1)
            #expect(throws: OCDSImport.Failure.self) { try CatalogImport.ocds("\(folder)/second.json", into: store, options: options) }
            do {
                _ = try CatalogImport.ocds("\(folder)/second.json", into: store, options: options)
            } catch OCDSImport.Failure.nothingToImport(let skipped) {
                #expect(skipped.map(\.description) == ["releases[0].contracts[0]: its id CON-ocds-q-20-c is already in the catalog "
                                                        + "\(CatalogFile.fileName(forSource: "first.json")): not imported twice"])
            }
            // The same file again replaces its own catalog: no collision with itself.
            #expect(try CatalogImport.ocds("\(folder)/first.json", into: store, options: options).imported == 1)
            #expect(DurableFile.names(in: store.catalogFolder).filter { $0.hasSuffix(".json") }.count == 1)
        }
    }

    @Test func theNextImportRemovesTemporariesThatKilledImportsLeft() throws {
        try withStore { store, folder in
            try DurableFile.makeFolder(store.catalogFolder)
            let leftover = "\(store.catalogFolder)/.first-json-0123.json\(DurableFile.temporaryMarker)4242"
            try write(Data(repeating: 0x20, count: 4096), leftover)
            try write(Self.salt, "\(folder)/first.json")
            let report = try CatalogImport.ocds("\(folder)/first.json", into: store, options: CatalogImport.Options(now: ImportQuirkTests.now))
            #expect(report.removedTemporaries == 1)
            #expect(!FileManager.default.fileExists(atPath: leftover))
        }
    }

    @Test func aCSVListImportsThroughTheSameEntryPoint() throws {
        try withStore { store, folder in
            try write(Data("title,lead,vendor,start,end\nSalt,City of A,Acme,2026-01-01,2028-01-01\nBad,City of A,Acme,2026-13-01,2028-01-01\n".utf8),
                      "\(folder)/list.csv")
            let report = try CatalogImport.csv("\(folder)/list.csv", into: store, options: CatalogImport.Options(now: ImportQuirkTests.now))
            #expect(report.imported == 1 && report.skipped.map(\.path) == ["line 3"])
        }
    }
}

/// A JSON value parsed for a test.
enum JSONFixture {
    static func node(_ text: String) throws -> CobuyJSON.JSONNode {
        try CobuyJSON.JSONTape(CobuyJSON.JSONBytes(Data(text.utf8))).root
    }
}

extension ImportQuirkTests {
    /// A skip names the element a reader finds at that path in the file, counted before
    /// anything was left out: here a number, then another buyer's addendum, then the contract.
    @Test func aSkippedContractIsNamedByItsPlaceInTheFileNotAmongTheKeptOnes() throws {
        let imported = try read(Self.package(Self.release("ocds-q-places",
            awards: #"[7, {"id": "a", "status": "cancelled"}, {"id": "b", "suppliers": [{"id": "s", "name": "Acme"}]}]"#,
            contracts: #"[42, {"id": "pa", "awardID": "b", "buyer": {"id": "other", "name": "Town of Elsewhere"}}, "#
                + #"{"id": "c", "awardID": "b", "status": "active", "period": {"startDate": "2026-01-01", "endDate": "2027-01-01"}}]"#)))
        #expect(imported.catalog.contracts.count == 1)
        #expect(imported.skipped.map(\.path) == ["releases[0].contracts[0]", "releases[0].contracts[1]", "releases[0].awards[1]"],
                "\(imported.skipped.map(\.description))")
    }
}
