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

    static func export(_ store: Store) throws -> [String: Any] {
        let data = try OCDSExport(ocidPrefix: "ocds-cobuy0", publisher: "Test", now: Timestamp(iso8601: "2026-11-23T15:00:00Z")!)
            .package(directory(store))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

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
        #expect(contracts.contains { ($0["id"] as? String)?.hasPrefix("PA-") == true })
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
}
