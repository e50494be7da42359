import CobuyCore
import CobuyStore
import Foundation
import Testing
@testable import CobuyDocs

@Suite struct OCDSExportTests {
    static let root = AddendumExportTests.root
    /// `$COBUY_OCDS_VALIDATOR`, else `../shared/tools/ocds-validate` beside the repository (CI
    /// has it there); the validating test is skipped, saying why, where neither exists.
    static let validator: String? = ([ProcessInfo.processInfo.environment["COBUY_OCDS_VALIDATOR"],
                                     root.deletingLastPathComponent().appendingPathComponent("shared/tools/ocds-validate").path] as [String?])
        .compactMap { $0 }.first { FileManager.default.fileExists(atPath: $0) }

    static func directory(_ store: Store) -> RecordDirectory {
        var directory = RecordDirectory()
        for kind in RecordKind.allCases { for record in store.loadAll(kind).records { directory.insert(record) } }
        return directory
    }

    static let now = Timestamp(iso8601: "2026-11-23T15:00:00Z")!

    static func export(_ store: Store) throws -> [String: Any] {
        try export(directory(store))
    }

    static func export(_ directory: RecordDirectory) throws -> [String: Any] {
        let data = try OCDSExport(ocidPrefix: "ocds-cobuy0", publisher: "Test", now: now).package(directory)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func releases(_ package: [String: Any]) throws -> [[String: Any]] {
        try #require(package["releases"] as? [[String: Any]])
    }

    /// The official 1.1.5 release schema beside the repository (CI has it), if present.
    static let schemaFolder: URL? = {
        let folder = root.deletingLastPathComponent().appendingPathComponent("shared/ocds")
        return FileManager.default.fileExists(atPath: folder.appendingPathComponent("1.1.5/release-schema.json").path) ? folder : nil
    }()

    /// Runs the official validator on a package; returns its output when it finds errors.
    static func validate(_ package: [String: Any]) throws -> (valid: Bool, output: String) {
        guard let validator else { return (false, "no OCDS validator") }
        let path = NSTemporaryDirectory() + "ocds-" + UUID().uuidString + ".json"
        try JSONSerialization.data(withJSONObject: package).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = AddendumExportTests.run(["python3", validator, path])
        return (output.status == 0, output.text)
    }

    @Test(.enabled(if: OCDSExportTests.validator != nil, "needs the OCDS validator (../shared/tools/ocds-validate or $COBUY_OCDS_VALIDATOR)"))
    func theSampleStoreExportsWithNoSchemaErrors() throws {
        let package = try Self.export(AddendumExportTests.store)
        let result = try Self.validate(package)
        #expect(result.valid, "\(result.output)")
    }

    @Test func everyJointSolicitationIsAProcessWithBuyersAndAProcuringEntity() throws {
        let package = try Self.export(AddendumExportTests.store)
        let releases = try #require(package["releases"] as? [[String: Any]])
        let fleet = try #require(releases.first { $0["ocid"] as? String == "ocds-cobuy0-SOL-2025-0001" })
        let parties = try #require(fleet["parties"] as? [[String: Any]])
        let roles = Dictionary(uniqueKeysWithValues: parties.map { ($0["id"] as? String ?? "", $0["roles"] as? [String] ?? []) })
        #expect(roles["city-of-salem"] == ["buyer", "procuringEntity"])
        #expect(roles["marion-county"] == ["buyer"])
        #expect(roles["acme-fleet"]?.contains("supplier") == true)
        let tender = try #require(fleet["tender"] as? [String: Any])
        #expect(tender["status"] as? String == "complete")
        let techniques = try #require(tender["techniques"] as? [String: Any])
        #expect(techniques["hasFrameworkAgreement"] as? Bool == true)
        let contracts = try #require(fleet["contracts"] as? [[String: Any]])
        #expect(contracts.contains { $0["id"] as? String == "CON-2025-0001" && $0["status"] as? String == "active" })
        // Partners' addenda are processes of their own (see below), not contracts of this one.
        #expect(!contracts.contains { ($0["id"] as? String)?.hasPrefix("PA-") == true })
    }

    @Test func aPiggybackAddendumPointsAtItsFrameworkProcess() throws {
        let package = try Self.export(AddendumExportTests.store)
        let releases = try #require(package["releases"] as? [[String: Any]])
        let piggyback = try #require(releases.first { $0["ocid"] as? String == "ocds-cobuy0-PA-2026-0001" })
        let related = try #require((piggyback["relatedProcesses"] as? [[String: Any]])?.first)
        #expect(related["relationship"] as? [String] == ["framework"])
        #expect(related["identifier"] as? String == "ocds-cobuy0-CON-2024-0001")
        #expect(releases.contains { $0["ocid"] as? String == "ocds-cobuy0-CON-2024-0001" })
    }

    @Test(.enabled(if: OCDSExportTests.schemaFolder != nil, "needs the OCDS 1.1.5 schema in ../shared/ocds"))
    func everyFieldIsDeclaredByTheStandardOrAnExtensionThePackageNames() throws {
        let folder = try #require(Self.schemaFolder)
        let package = try Self.export(AddendumExportTests.store)
        #expect(package["extensions"] as? [String] == [OCDSExport.techniquesExtension, OCDSExport.cobuyExtension])
        let techniques = folder.appendingPathComponent("extensions/techniques/release-schema.json")
        let cobuy = Self.root.appendingPathComponent("Resources/ocds-extension/release-schema.json")
        let schema = try DeclaredFields(release: folder.appendingPathComponent("1.1.5/release-schema.json"), extensions: [techniques, cobuy])
        let undeclared = schema.undeclared(in: try Self.releases(package))
        #expect(undeclared.isEmpty, "\(undeclared.sorted().prefix(20))")
        // The check can fail: without Cobuy's extension its fields are reported.
        let standardOnly = try DeclaredFields(release: folder.appendingPathComponent("1.1.5/release-schema.json"), extensions: [techniques])
        let found = Set(standardOnly.undeclared(in: try Self.releases(package)))
        #expect(found.isSuperset(of: ["/parties/details/kind", "/contracts/renewalOptions", "/contracts/namedParticipants",
                                      "/contracts/statusDetails", "/tender/statusDetails"]), "\(found.sorted())")
    }

    @Test(.enabled(if: OCDSExportTests.schemaFolder != nil, "needs the OCDS 1.1.5 codelists in ../shared/ocds"))
    func everyCodeComesFromItsCodelist() throws {
        let folder = try #require(Self.schemaFolder).appendingPathComponent("1.1.5/codelists")
        func codes(_ name: String) throws -> Set<String> {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            return Set(text.split(separator: "\n").dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) })
        }
        var used: [(value: String, list: String)] = []
        for release in try Self.releases(try Self.export(AddendumExportTests.store)) {
            used += (release["tag"] as? [String] ?? []).map { ($0, "releaseTag.csv") }
            used.append((release["initiationType"] as? String ?? "", "initiationType.csv"))
            for party in release["parties"] as? [[String: Any]] ?? [] { used += (party["roles"] as? [String] ?? []).map { ($0, "partyRole.csv") } }
            if let tender = release["tender"] as? [String: Any] {
                used.append((tender["status"] as? String ?? "", "tenderStatus.csv"))
                used.append((tender["mainProcurementCategory"] as? String ?? "", "procurementCategory.csv"))
                if let criteria = tender["awardCriteria"] as? String { used.append((criteria, "awardCriteria.csv")) }
            }
            used += (release["awards"] as? [[String: Any]] ?? []).map { ($0["status"] as? String ?? "", "awardStatus.csv") }
            used += (release["contracts"] as? [[String: Any]] ?? []).map { ($0["status"] as? String ?? "", "contractStatus.csv") }
            for related in release["relatedProcesses"] as? [[String: Any]] ?? [] {
                used += (related["relationship"] as? [String] ?? []).map { ($0, "relatedProcess.csv") }
                used.append((related["scheme"] as? String ?? "", "relatedProcessScheme.csv"))
            }
        }
        #expect(used.count > 100)
        for (value, list) in used { #expect(try codes(list).contains(value), "\(value) is not in \(list)") }
    }

    @Test func cobuysExtensionIsShippedWithItsSchema() throws {
        let folder = Self.root.appendingPathComponent("Resources/ocds-extension")
        let metadata = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("extension.json"))) as? [String: Any])
        #expect(metadata["schemas"] as? [String] == ["release-schema.json"])
        #expect(metadata["compatibility"] as? [String] == ["1.1"])
        #expect((metadata["name"] as? [String: String])?["en"]?.isEmpty == false)
        #expect(OCDSExport.cobuyExtension.hasSuffix("Resources/ocds-extension/extension.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("release-schema.json"))) as? [String: Any])
        #expect((schema["definitions"] as? [String: Any])?["Contract"] != nil)
    }

    @Test func tagsNameExactlyTheBlocksEachReleaseHolds() throws {
        for release in try Self.releases(try Self.export(AddendumExportTests.store)) {
            let tags = Set(release["tag"] as? [String] ?? [])
            let id = release["id"] as? String ?? "?"
            #expect(tags.contains("planning") == (release["planning"] != nil), "\(id)")
            #expect((tags.contains("tender") || tags.contains("tenderCancellation")) == (release["tender"] != nil), "\(id)")
            #expect(tags.contains("award") == (release["awards"] != nil), "\(id)")
            #expect(tags.contains("contract") == (release["contracts"] != nil), "\(id)")
            #expect(!tags.isEmpty, "\(id)")
        }
    }

    @Test func everyTenderHasAMainProcurementCategory() throws {
        let releases = try Self.releases(try Self.export(AddendumExportTests.store))
        let tenders = releases.compactMap { $0["tender"] as? [String: Any] }
        #expect(tenders.count >= 24)
        for tender in tenders {
            #expect(["goods", "works", "services"].contains(tender["mainProcurementCategory"] as? String), "\(tender["id"] ?? "?")")
        }
    }

    @Test func theMainCategoryIsReadFromTheWordsOfTheCategory() {
        #expect(OCDSExport.mainProcurementCategory(category: "Road maintenance", title: "Chip seal 2026") == "works")
        #expect(OCDSExport.mainProcurementCategory(category: "Fleet", title: "Patrol vehicles") == "goods")
        #expect(OCDSExport.mainProcurementCategory(category: "Research", title: "Lab studies") == "services")
        #expect(OCDSExport.mainProcurementCategory(category: "", title: "Janitorial services for city hall") == "services")
    }

    @Test func addendaAreProcessesOfTheirOwnAndNeverAddUpUnderTheMasterAward() throws {
        let releases = try Self.releases(try Self.export(AddendumExportTests.store))
        var byOCID: [String: [String: Any]] = [:]
        for release in releases { byOCID[release["ocid"] as? String ?? ""] = release }
        for release in releases {
            let contracts = release["contracts"] as? [[String: Any]] ?? []
            let isAddendum = (release["ocid"] as? String)?.hasPrefix("ocds-cobuy0-PA-") == true
            if !isAddendum {
                #expect(!contracts.contains { ($0["id"] as? String)?.hasPrefix("PA-") == true }, "\(release["ocid"] ?? "?")")
                // Contract values never add up past the awards they come from.
                let awarded = (release["awards"] as? [[String: Any]] ?? []).compactMap { (($0["value"] as? [String: Any])?["amount"] as? NSNumber)?.decimalValue }
                let contracted = contracts.compactMap { (($0["value"] as? [String: Any])?["amount"] as? NSNumber)?.decimalValue }
                if !awarded.isEmpty { #expect(contracted.reduce(0, +) <= awarded.reduce(0, +), "\(release["ocid"] ?? "?")") }
                continue
            }
            #expect(contracts.count == 1)
            #expect(contracts.first?["buyer"] == nil)
            let related = try #require((release["relatedProcesses"] as? [[String: Any]])?.first)
            #expect(related["relationship"] as? [String] == ["framework"])
            #expect(related["scheme"] as? String == "ocid")
            let master = try #require(byOCID[related["identifier"] as? String ?? ""], "\(related)")
            #expect(master["contracts"] != nil)
        }
        let addenda = Self.directory(AddendumExportTests.store).addenda
        #expect(releases.filter { ($0["ocid"] as? String)?.hasPrefix("ocds-cobuy0-PA-") == true }.count == addenda.count)
        // A partner's addendum from a joint solicitation points at the solicitation's process.
        let partner = try #require(byOCID["ocds-cobuy0-PA-2025-0001"])
        #expect((partner["relatedProcesses"] as? [[String: Any]])?.first?["identifier"] as? String == "ocds-cobuy0-SOL-2025-0001")
    }

    @Test func aPublishersSilenceIsNeverRepublishedAsAClosedClause() throws {
        var directory = Self.directory(AddendumExportTests.store)
        var silent = try #require(directory.contracts["CON-2024-0001"])
        silent.source = ContractSource(kind: .imported, publisher: "Elsewhere", ocid: "ocds-zzzzzz-1")
        silent.cooperativeClause = .notStated("the publisher")
        var framework = silent
        framework.id = "CON-2024-0099"
        framework.source.ocid = "ocds-zzzzzz-2"
        framework.source.framework = true
        directory.insert(.contract(silent))
        directory.insert(.contract(framework))
        let releases = try Self.releases(try Self.export(directory))
        let tender = { (ocid: String) in releases.first { $0["ocid"] as? String == ocid }?["tender"] as? [String: Any] }
        #expect(tender("ocds-zzzzzz-1") != nil)
        #expect(tender("ocds-zzzzzz-1")?["techniques"] == nil)
        let techniques = try #require(tender("ocds-zzzzzz-2")?["techniques"] as? [String: Any])
        #expect(techniques["hasFrameworkAgreement"] as? Bool == true)
        #expect((techniques["frameworkAgreement"] as? [String: Any])?["buyerCategories"] == nil)
    }

    @Test func anEmptyStoreIsRefusedRatherThanWrittenAsAnInvalidPackage() {
        #expect(throws: OCDSExport.Failure.nothingToPublish) {
            try OCDSExport(ocidPrefix: "ocds-cobuy0", publisher: "Test", now: Self.now).package(RecordDirectory())
        }
    }

    @Test func renewalOptionsNamedParticipantsAndClosingReasonsSurviveExportAndImport() throws {
        var directory = Self.directory(AddendumExportTests.store)
        // The sample has renewals and named participants; give one contract a closing reason too.
        var terminated = try #require(directory.contracts["CON-2024-0001"])
        terminated.closingReason = "Vendor stopped supplying the northern region."
        terminated.renewalOptions = [RenewalOption(months: 12, exercised: true), RenewalOption(months: 6)]
        directory.insert(.contract(terminated))
        let data = try OCDSExport(ocidPrefix: "ocds-cobuy0", publisher: "Test", now: Self.now).package(directory)
        let imported = try OCDSImport.read(file: "export.json", data: data, publisher: nil, now: Self.now)
        let contracts = imported.catalog.contracts.filter { $0.source.callOffOf == nil }
        let back = Dictionary(contracts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(back.count == directory.contracts.count)
        // Every addendum comes back as a call-off under its master, never as a contract of its own to join.
        let callOffs = imported.catalog.contracts.filter { $0.source.callOffOf != nil }
        #expect(callOffs.count == directory.addenda.count)
        #expect(callOffs.allSatisfy { $0.source.callOffOf?.hasPrefix("ocds-cobuy0-") == true })
        for contract in directory.contracts.values {
            let other = try #require(back[contract.id], "\(contract.id)")
            #expect(other.renewalOptions == contract.renewalOptions, "\(contract.id)")
            #expect(other.namedParticipants == contract.namedParticipants, "\(contract.id)")
            #expect(other.closingReason == contract.closingReason, "\(contract.id)")
        }
        #expect(back["CON-2024-0001"]?.closingReason == "Vendor stopped supplying the northern region.")
        #expect(directory.contracts.values.contains { !$0.namedParticipants.isEmpty })
        #expect(directory.contracts.values.contains { !$0.renewalOptions.isEmpty })
    }
}

/// Which fields the release schema and the named extensions declare: each extension is merged
/// into the schema as a JSON Merge Patch, as OCDS tools do; then every key of every object in
/// the data must be a declared property of its definition.
struct DeclaredFields {
    var schema: [String: Any]

    init(release: URL, extensions: [URL]) throws {
        func load(_ url: URL) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        }
        var schema = try load(release)
        for url in extensions { schema = DeclaredFields.merge(schema, try load(url)) }
        self.schema = schema
    }

    static func merge(_ target: [String: Any], _ patch: [String: Any]) -> [String: Any] {
        var result = target
        for (key, value) in patch {
            if value is NSNull { result[key] = nil; continue }
            if let object = value as? [String: Any], let existing = result[key] as? [String: Any] {
                result[key] = merge(existing, object)
            } else {
                result[key] = value
            }
        }
        return result
    }

    func resolve(_ node: [String: Any]) -> [String: Any] {
        var node = node
        var hops = 0
        while let reference = node["$ref"] as? String, hops < 20, let name = reference.split(separator: "/").last {
            node = (schema["definitions"] as? [String: Any])?[String(name)] as? [String: Any] ?? [:]
            hops += 1
        }
        return node
    }

    /// The paths (`/contracts/renewalOptions`) of every field not declared.
    func undeclared(in releases: [[String: Any]]) -> [String] {
        var found: [String] = []
        func walk(_ value: Any, _ node: [String: Any], _ path: String) {
            let node = resolve(node)
            if let object = value as? [String: Any] {
                guard let properties = node["properties"] as? [String: Any] else {
                    if !object.isEmpty { found += object.keys.map { "\(path)/\($0)" } }
                    return
                }
                for (key, child) in object {
                    guard let declared = properties[key] as? [String: Any] else { found.append("\(path)/\(key)"); continue }
                    walk(child, declared, "\(path)/\(key)")
                }
            } else if let array = value as? [Any] {
                let items = node["items"] as? [String: Any] ?? [:]
                for element in array { walk(element, items, path) }
            }
        }
        for release in releases { walk(release, schema, "") }
        return found
    }
}
