import CobuyCore
import CobuyStore
import Foundation
import Testing
@testable import CobuyDocs

/// Each file of `../shared/ocds/real` (published by real governments, unedited) imported through
/// the one import entry point into a store. Every expectation below was read by hand from the
/// source JSON (with jq), never from the importer's output: counts, the contract's own
/// supplier, the publisher's calendar dates and currency. None of these publishers states
/// cooperative use, so no contract may be joinable — for a body of the buyer's country or
/// elsewhere, on any day of its term, in the checklist or in the index.
@Suite struct RealDataImportTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/ocds/real")
    static let now = Timestamp(iso8601: "2026-11-23T15:00:00Z")!

    struct Result {
        var report: CatalogImport.Report
        var contracts: [CooperativeContract]
        var store: Store
        var folder: String

        func contract(_ ocid: String, _ contractID: String) throws -> CooperativeContract {
            try #require(contracts.first { $0.source.ocid == ocid && $0.history.first?.details["contract"] == contractID },
                         "no contract \(contractID) of \(ocid)")
        }

        func award(_ ocid: String, _ awardID: String) throws -> CooperativeContract {
            try #require(contracts.first { $0.source.ocid == ocid && $0.source.award == awardID }, "no award \(awardID) of \(ocid)")
        }
    }

    /// Imports `name` into a new store; `failure` when nothing can be imported.
    func importing(_ name: String) throws -> Result {
        let path = Self.folder.appendingPathComponent(name).path
        try #require(FileManager.default.fileExists(atPath: path), "the real-data corpus is not at \(Self.folder.path)")
        let folder = NSTemporaryDirectory() + "cobuy-real-" + UUID().uuidString
        let store = try Store.initialize(at: folder)
        let report = try CatalogImport.ocds(path, into: store, options: CatalogImport.Options(now: Self.now))
        let contracts = store.loadAll(.contract).records.compactMap { record -> CooperativeContract? in
            if case .contract(let contract) = record { return contract } else { return nil }
        }
        #expect(report.imported == contracts.count)
        // No machine path travels in the store: the file's name only.
        let catalog = try String(contentsOfFile: "\(store.catalogFolder)/\(CatalogFile.fileName(forSource: name))", encoding: .utf8)
        #expect(!catalog.contains(Self.folder.path))
        for contract in contracts { #expect(contract.source.file == name) }
        let result = Result(report: report, contracts: contracts, store: store, folder: folder)
        try neverJoinable(result)
        return result
    }

    func refused(_ name: String) throws -> OCDSImport.Failure? {
        let path = Self.folder.appendingPathComponent(name).path
        try #require(FileManager.default.fileExists(atPath: path), "the real-data corpus is not at \(Self.folder.path)")
        let folder = NSTemporaryDirectory() + "cobuy-real-" + UUID().uuidString
        let store = try Store.initialize(at: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            _ = try CatalogImport.ocds(path, into: store, options: CatalogImport.Options(now: Self.now))
            return nil
        } catch let failure as OCDSImport.Failure {
            #expect(DurableFile.names(in: store.catalogFolder).isEmpty, "a refused file leaves no catalog")
            return failure
        }
    }

    /// The publisher states no cooperative use: not joinable for a city of the buyer's own
    /// country nor one elsewhere, at the start, middle and end of the term, and not in `J`.
    func neverJoinable(_ result: Result) throws {
        defer { try? FileManager.default.removeItem(atPath: result.folder) }
        let index = try #require(result.store.catalogIndex())
        for contract in result.contracts {
            #expect(!contract.cooperativeClause.isStated, "\(contract.id) has a clause its publisher never stated")
            let country = result.store.loadAll(.party).records.first { $0.id == contract.leadParty }
                .flatMap { record -> RegionCode? in if case .party(let party) = record { return party.region } else { return nil } }
            let regions = [country ?? .unknown, RegionCode("US-OR")!, RegionCode("GB")!]
            var days = [Self.now.date]
            if let end = contract.endDate { days += [end, end.adding(days: -100)] }
            if let start = contract.period?.start { days.append(start) }
            for region in regions {
                let party = Party(id: "city-of-elsewhere", name: "City of Elsewhere", kind: .city, region: region)
                for day in days {
                    let checklist = Joinability.evaluate(contract: contract, party: party, today: day, addenda: [])
                    #expect(!checklist.isJoinable, "\(contract.id) joinable by a city in \(region) on \(day)")
                    #expect(checklist.checks.contains { $0.name == "cooperative-clause" && !$0.passed
                        && ($0.reason == CooperativeClause.notStatedAdvice || $0.reason.contains("call-off")) })
                }
                var query = CatalogQuery()
                query.joinableBy = CatalogQuery.JoiningParty(party: party, addenda: [])
                #expect(try index.search(query, today: Self.now.date, limit: nil).total == 0)
            }
        }
    }

    static func date(_ text: String) -> CalendarDate { CalendarDate(text)! }

    @Test func paraguayCompiledRecordSplitsOneAwardOfFourSuppliersIntoFourContractsEachWithItsOwnSupplier() throws {
        let result = try importing("sample-data-546c06a-paraguay-dncp-record-package-compiled-277004.json")
        #expect(result.report.read == 1 && result.report.imported == 4 && result.report.skipped.isEmpty)
        let ocid = "ocds-03ad3f-277004"
        let pavon4 = try result.contract(ocid, "277004-marcelo-addario-pavon-4")
        #expect(pavon4.vendorName == "MARCELO ADDARIO PAVON")
        #expect(pavon4.period == ContractPeriod(start: Self.date("2016-07-01"), end: Self.date("2017-07-01")))
        #expect(pavon4.awardedValue == Money(amount: 1_350_000_000, currency: "PYG"))
        let parasur = try result.contract(ocid, "277004-parasur-sa-6")
        #expect(parasur.vendorName == "PARASUR SA")
        // -04:00 in the source: the 25th stays the 25th.
        #expect(parasur.period == ContractPeriod(start: Self.date("2016-04-25"), end: Self.date("2017-04-25")))
        #expect(try result.contract(ocid, "277004-data-lab-sa-5").vendorName == "DATA LAB SA")
        #expect(try result.contract(ocid, "277004-data-lab-sa-5").awardedValue == Money(amount: 140_002_944_000, currency: "PYG"))
        // One award to four suppliers: a multiple award.
        #expect(result.contracts.allSatisfy { !$0.singleAward })
        #expect(result.contracts.allSatisfy { $0.leadName == "Municipalidad de Asunción" })
    }

    @Test func paraguayLinkedOnlyRecordIsRefusedSayingItsReleasesAreOnlyLinked() throws {
        let failure = try #require(try refused("sample-data-546c06a-paraguay-dncp-record-package-linked-only-284453.json"))
        guard case .nothingToImport(let skipped) = failure else { Issue.record("\(failure)"); return }
        #expect(skipped.map(\.path) == ["records[0].releases"])
        #expect(skipped[0].reason.contains("linked releases only"))
    }

    @Test func jaliscoAwardWithAnEmptyContractListBecomesAContractMarkedAsAnAward() throws {
        let result = try importing("sample-data-546c06a-mexico-jalisco-release-package-award-no-contract.json")
        #expect(result.report.imported == 1 && result.report.skipped.isEmpty)
        let award = try result.award("ocds-xs1qbl-SFIN-03-0007-00-2017", "IN496529-OC64003-2017")
        #expect(award.vendorName == "COMPUCAD, S.A. DE C.V.")
        #expect(award.awardedValue == Money(amount: 17_956_800, currency: "MXN"))
        #expect(award.status == .active)
        #expect(award.period == nil && award.termEnd == nil)
    }

    @Test func cdmxThreeReleasesOfOneProcessMergeIntoOneContractWhereTheLatestValueWins() throws {
        let result = try importing("sample-data-546c06a-mexico-cdmx-merged-record-3-releases-a-002-2016.json")
        #expect(result.report.read == 3 && result.report.imported == 1 && result.report.merged == 2)
        let contract = try result.contract("OCDS-87SD3T-SEFIN-DRM-A-002-2016", "1")
        #expect(contract.awardedValue == Money(amount: 100_059_744, currency: "MXN"))
        // -06:00 throughout: the publisher's calendar dates.
        #expect(contract.period == ContractPeriod(start: Self.date("2016-01-01"), end: Self.date("2016-06-30")))
        #expect(contract.vendorName == "TIENDAS COMERCIAL MEXICANA S.A D")
        #expect(contract.status == .active)
    }

    @Test func moldovaStatusesOutsideTheCodelistAreReadByMeaningAndSaid() throws {
        let result = try importing("sample-data-546c06a-moldova-merged-record-noncodelist-statuses-17180016.json")
        #expect(result.report.imported == 2 && result.report.skipped.isEmpty)
        let first = try result.contract("ocds-ngfbwp-17180016", "18741041")
        #expect(first.vendorName == "MOLDAN-SERVICE S.R.L.")
        #expect(first.awardedValue == Money(amount: 14_470_800, currency: "MDL"))
        #expect(first.period == ContractPeriod(start: Self.date("2017-03-30"), end: Self.date("2017-12-30")))
        #expect(first.status == .active)
        #expect(first.source.warnings?.contains { $0.contains("Înregistrat(ă)") } == true)
        let second = try result.contract("ocds-ngfbwp-17180016", "18741163")
        #expect(second.vendorName == "Î.C.S. EYECON MEDICAL S.R.L.")
        #expect(second.awardedValue == Money(amount: 5_392_200, currency: "MDL"))
    }

    @Test func colombiaContractRepeatedThreeTimesIsImportedOnceWithTheLaterStatus() throws {
        let result = try importing("sample-data-546c06a-colombia-merged-record-duplicate-award-ids-5280389.json")
        #expect(result.report.imported == 1 && result.report.merged == 2)
        let contract = try result.contract("ocds-k50g02-16-12-5280389", "2719-2016")
        #expect(contract.status == .active)
        #expect(contract.vendorName == "MARTHA ZULENY TORRES BEJARANO")
        #expect(contract.awardedValue == Money(amount: 230_745_700, currency: "COP"))
        #expect(contract.period == ContractPeriod(start: Self.date("2016-06-27"), end: Self.date("2016-08-11")))
    }

    @Test func ukraineEndOnlyPeriodKeepsItsEndAndTheUnsuccessfulAwardIsNamed() throws {
        let result = try importing("sample-data-546c06a-ukraine-prozorro-merged-record-ua-2017-04-10-002020-b.json")
        #expect(result.report.imported == 1)
        #expect(result.report.skipped.map(\.path) == ["releases[0].awards[0]"])
        let contract = try result.contract("ocds-be6bcu-UA-2017-04-10-002020-b", "c1a89042b0854f4aa01916412d290ca2")
        #expect(contract.vendorName == "Фізична особа підприємець Ващилко Олександр Петрович")
        // Two bodies named in Cyrillic stay two parties.
        #expect(contract.leadParty != contract.vendor)
        // "2017-12-31T00:00:00+02:00": the 31st, not the 30th of UTC.
        #expect(contract.period == nil && contract.termEnd == Self.date("2017-12-31"))
        #expect(contract.status == .active)
        #expect(contract.awardedValue == Money(amount: 815_400, currency: "UAH"))
    }

    @Test func montrealAwardWithoutContractsBecomesAContract() throws {
        let result = try importing("sample-data-546c06a-canada-montreal-merged-record-award-only-ce3fdc49.json")
        #expect(result.report.imported == 1 && result.report.skipped.isEmpty)
        let award = try result.award("ocds-a1234567-mt-ce3fdc49bab7800f299971b32c51c0212cb41268", "1079494")
        #expect(award.vendorName == "BEAUDOIN HURENS INC.")
        #expect(award.leadName == "Infrastructures, voirie et transports")
        #expect(award.awardedValue == Money(amount: 1_330_577, currency: "CAD"))
        // The award states no status: pending, which offers nothing to join.
        #expect(award.status == .pending)
    }

    @Test func nigeriaContractWithADanglingAwardIDTakesTheOnlyAwardsSupplierAndAnImpossibleTermIsSaid() throws {
        let result = try importing("sample-data-546c06a-nigeria-bpp-merged-record-mt3rse.json")
        // The only award is the contract's (its awardID dangles): one contract, not two.
        #expect(result.report.imported == 1 && result.report.skipped.isEmpty)
        let contract = try result.contract("ocds-gyl66f-borbda-mt3rse", "ocds-gyl66f-borbda-mt3rse")
        #expect(contract.vendorName == "richamen ventures")
        #expect(contract.awardedValue == Money(amount: 495_881_400, currency: "NGN"))
        // It ends (2014-12-15) before it starts (2014-12-23): no term, and the reason kept.
        #expect(contract.period == nil && contract.termEnd == nil)
        #expect(contract.source.warnings?.contains { $0.contains("ends (2014-12-15) before it starts (2014-12-23)") } == true)
    }

    @Test func buyandsellContractWithoutSupplierOrAwardIsKeptSayingSo() throws {
        let result = try importing("sample-data-546c06a-canada-buyandsell-release-contract-no-award.json")
        #expect(result.report.imported == 1)
        let contract = try result.contract("ocds-34a6hz-01B68-130688/001/PI", "01B68-130688/001/PI")
        #expect(contract.leadName == "Agriculture and Agri-Food Canada")
        #expect(contract.period == ContractPeriod(start: Self.date("2013-08-12"), end: Self.date("2016-08-11")))
        #expect(contract.awardedValue == Money(amount: 3_519_100, currency: "CAD"))
        #expect(contract.source.warnings?.contains { $0.contains("no supplier") } == true)
    }

    @Test func ugandaPlanningReleaseHasNothingToImportAndSaysWhy() throws {
        let failure = try #require(try refused("sample-data-546c06a-uganda-ppda-release-planning.json"))
        guard case .nothingToImport(let skipped) = failure else { Issue.record("\(failure)"); return }
        #expect(skipped.map(\.path) == ["release"])
    }

    @Test func taiwanPreOCDSAwardObjectWithSevenSuppliersBecomesOneMultipleAwardContract() throws {
        let result = try importing("sample-data-546c06a-taiwan-release-pre-1-0-awards-object.json")
        #expect(result.report.imported == 1)
        let award = try result.award("ocid-6as3t2-51181645", "ocid-6as3t2-51181645-awards")
        #expect(award.leadName == "NATIONALTAIWANUNIVERSITYHOSPITAL")
        #expect(award.vendorName == "久裕企業股份有限公司")
        #expect(award.source.suppliers?.count == 7)
        #expect(!award.singleAward)
        // totalAwardValue is null: value not stated.
        #expect(award.awardedValue == nil)
    }

    @Test func nswTenderOnlyPackageHasNothingToImportAndSaysWhy() throws {
        let failure = try #require(try refused("sample-data-546c06a-australia-nsw-release-package-1-0-1-null-extension.json"))
        guard case .nothingToImport(let skipped) = failure else { Issue.record("\(failure)"); return }
        #expect(skipped.map(\.path) == ["releases[0]"])
    }

    @Test func mexicoAPFTwoRecordsGiveThreeTerminatedContracts() throws {
        let result = try importing("ocdskit-7bfe195-mexico-apf-record-package-embedded-releases-2-records.json")
        #expect(result.report.read == 2 && result.report.imported == 3 && result.report.skipped.isEmpty)
        let insurance = try result.contract("ocds-07smqs-993235", "1322806")
        #expect(insurance.status == .terminated)
        #expect(insurance.vendorName == "GLOBAL ASSURANCE BROKERS, AGENTE DE SEGUROS Y DE FIANZAS SA DE C")
        #expect(insurance.period == ContractPeriod(start: Self.date("2017-01-01"), end: Self.date("2017-03-08")))
        #expect(insurance.awardedValue == Money(amount: 3_793_071, currency: "MXN"))
        let navy = try result.contract("ocds-07smqs-1542970", "1632718")
        #expect(navy.vendorName == "ALTA INDUSTRIAL Y MARINO SA DE CV")
        #expect(navy.leadName == "Secretaría de Marina")
        #expect(navy.awardedValue == Money(amount: 18_620_074, currency: "MXN"))
        #expect(result.report.publisher == "SECRETARÍA DE LA FUNCIÓN PÚBLICA / SECRETARIA DE HACIENDA Y CRÉDITO PÚBLICO")
    }

    @Test func paraguayOCDS10ContractOnlyReleaseKeepsItsOwnSupplierAndSaysTheBuyerIsNotNamed() throws {
        let result = try importing("ocdskit-7bfe195-paraguay-dncp-release-package-ocds-1-0-contract-only.json")
        #expect(result.report.imported == 1)
        let contract = try result.contract("ocds-03ad3f-246807", "246807-11-setiembre-srl-4")
        #expect(contract.vendorName == "11 DE SETIEMBRE SRL")
        #expect(contract.period == ContractPeriod(start: Self.date("2013-04-05"), end: Self.date("2013-04-15")))
        #expect(contract.awardedValue == Money(amount: 1_787_500_000, currency: "PYG"))
        #expect(contract.source.warnings?.contains { $0.contains("no buyer") } == true)
    }

    @Test func portugalArrayOfPackagesGivesItsHundredContracts() throws {
        let result = try importing("kingfisher-process-3e0c1e4-portugal-impic-array-of-release-packages.json")
        #expect(result.report.read == 100 && result.report.imported == 100 && result.report.skipped.isEmpty)
        #expect(result.contracts.filter { $0.status == .terminated }.count == 8)
        #expect(result.contracts.allSatisfy { $0.awardedValue?.currency == "EUR" })
        let lagoa = try result.contract("ocds-px0z7d-5052-5001-1", "contract-1")
        #expect(lagoa.leadName == "Município de Lagoa" && lagoa.vendorName == "Coelho & Quintas, Lda")
        #expect(lagoa.awardedValue == Money(amount: 77_576, currency: "EUR"))
        // Only a duration: no term.
        #expect(lagoa.period == nil && lagoa.termEnd == nil)
        let dated = try result.contract("ocds-px0z7d-3025-3003-1", "contract-1")
        #expect(dated.period == ContractPeriod(start: Self.date("2008-10-20"), end: Self.date("2008-10-28")))
        #expect(dated.vendorName == "Ricardo Vale & Teixeira, Ld.ª")
        #expect(result.contracts.filter { $0.period != nil }.count == 7)
    }

    @Test func nhsScotlandFrameworkTenderHasNoAwardYetAndSaysWhy() throws {
        let failure = try #require(try refused("standard-0871878-example-framework-tender-techniques-nhs-scotland.json"))
        guard case .nothingToImport(let skipped) = failure else { Issue.record("\(failure)"); return }
        #expect(skipped.map(\.path) == ["releases[0]"])
    }

    @Test func paraguayRelatedProcessesThatAreNoFrameworkLeaveTheAwardAnOrdinaryContract() throws {
        let result = try importing("standard-0871878-example-related-processes-unsuccessful-tender-paraguay.json")
        #expect(result.report.imported == 1)
        let award = try result.award("ocds-03ad3f-331547-2", "331547-kurosu-cia-sa-2")
        #expect(award.source.callOffOf == nil)
        #expect(award.vendorName == "KUROSU Y CIA SA")
        #expect(award.leadName == "Municipalidad de Loma Plata")
        #expect(award.awardedValue == Money(amount: 41_734_300_000, currency: "PYG"))
    }
}
