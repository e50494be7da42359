import Foundation
import Testing

/// Exports and imports through the real binary.
@Suite struct ExchangeTests {
    @Test func aStoreAfterAFullLifecycleExportsValidOCDSAndImportsIntoAnEmptyStore() throws {
        let sandbox = try CobuySandbox()
        let script = CobuySandbox.repositoryRoot.appendingPathComponent("Tests/scripts/full-lifecycle.sh").path
        var environment = sandbox.environment
        environment["COBUY_STORE"] = nil
        try #require(sandbox.execute("/bin/bash", [script, sandbox.binary, sandbox.store], environment: environment).status == 0)
        let package = "\(sandbox.folder)/package.json"
        let export = sandbox.run(["export", "ocds", "-o", package, "--ocid-prefix", "ocds-test01"])
        #expect(export.status == 0, "\(export.stderr)")
        // Schema-valid where the validator is at hand (CI has it); the round trip below runs anyway.
        if let validator = CobuySandbox.ocdsValidator {
            let validation = sandbox.execute("/usr/bin/env", ["python3", validator, package], environment: environment)
            #expect(validation.status == 0, "\(validation.stdout)\(validation.stderr)")
        }
        #expect(sandbox.run(["export", "ocds", "-o", package]).status == 1) // never overwritten without --force

        let target = try CobuySandbox()
        target.run(["init"])
        let imported = target.run(["import", "ocds", package])
        #expect(imported.status == 0, "\(imported.stderr)")
        // The cooperative contract, and each partner's addendum as a call-off under it (its own
        // process, linked by relatedProcesses), never a contract to join.
        #expect(imported.stdout.contains("3 contracts imported"), "\(imported.stdout)")
        let contracts = target.run(["list", "contracts", "--format", "json"])
        let rows = (try JSONSerialization.jsonObject(with: Data(contracts.stdout.utf8)) as? [[String: Any]]) ?? []
        #expect(rows.first?["id"] as? String == "CON-2026-0001")
        #expect(rows.first?["vendor"] as? String == "Acme Fleet Services")
        #expect(rows.dropFirst().allSatisfy { ($0["id"] as? String)?.contains("-PA-") == true }, "\(rows)")
        let callOff = try #require(rows.dropFirst().first?["id"] as? String)
        #expect(target.run(["actions", callOff, "--as", "Ana Ruiz", "--for", "city-of-salem"]).stdout.contains("call-off under the framework"))
        #expect(target.run(["validate"]).status == 0)
        // Re-importing replaces; nothing is duplicated.
        #expect(target.run(["import", "ocds", package]).status == 0)
        #expect(target.run(["list", "contracts", "--format", "json"]).stdout == contracts.stdout)
    }

    @Test func garbageIsRefusedAndTheStoreStaysByteIdentical() throws {
        let sandbox = try CobuySandbox()
        sandbox.seed()
        func snapshot() -> [String: Data] { sandbox.snapshot() }
        let before = snapshot()
        let garbage = "\(sandbox.folder)/garbage.json"
        var random = SystemRandomNumberGenerator()
        try Data((0..<65_536).map { _ in UInt8.random(in: 0...255, using: &random) }).write(to: URL(fileURLWithPath: garbage))
        let truncated = "\(sandbox.folder)/truncated.json"
        try Data("{\"version\": \"1.1\", \"releases\": [{\"ocid\": \"ocds-x-1\", \"contracts\": [".utf8).write(to: URL(fileURLWithPath: truncated))
        let nonsense = "\(sandbox.folder)/nonsense.json"
        try Data(String(repeating: "{\"not\": \"ocds\"}\n", count: 1_500_000).utf8).write(to: URL(fileURLWithPath: nonsense))
        for file in [garbage, truncated, nonsense] {
            let output = sandbox.run(["import", "ocds", file])
            #expect(output.status == 1, "\(file)")
            #expect(output.stderr.contains("nothing was imported"), "\(output.stderr)")
            #expect(!output.stderr.contains("Fatal error"))
        }
        #expect(snapshot() == before)
    }

    @Test func aFileWithNothingToImportSaysWhyAndAnOfficersRuleNeedsWhoStatesIt() throws {
        let sandbox = try CobuySandbox()
        sandbox.seed()
        let planning = "\(sandbox.folder)/planning.json"
        try Data(#"{"ocid": "ocds-x-1", "id": "1", "date": "2026-01-01T00:00:00Z", "tag": ["planning"], "planning": {}}"#.utf8)
            .write(to: URL(fileURLWithPath: planning))
        let output = sandbox.run(["import", "ocds", planning])
        #expect(output.status == 1 && output.stderr.contains("skipped release: no contract or award in it"), "\(output)")
        let award = "\(sandbox.folder)/award.json"
        try Data(#"{"ocid": "ocds-x-2", "id": "1", "date": "2026-01-01T00:00:00Z", "buyer": {"id": "b", "name": "City of Salem"}, "awards": [{"id": "a", "status": "active", "suppliers": [{"id": "s", "name": "Acme"}], "contractPeriod": {"startDate": "2026-01-01", "endDate": "2029-01-01"}}]}"#.utf8)
            .write(to: URL(fileURLWithPath: award))
        // A rule needs someone to state it.
        let unnamed = sandbox.run(["import", "ocds", award, "--open-to", "city", "--regions", "US"])
        #expect(unnamed.status == 64, "\(unnamed)")
        let stated = sandbox.run(["import", "ocds", award, "--open-to", "city", "--regions", "US"], as: .salem)
        #expect(stated.status == 0 && stated.stdout.contains("1 contract imported"), "\(stated)")
        let shown = sandbox.run(["show", "CON-ocds-x-2-award-a"])
        #expect(shown.stdout.contains("(stated by Ana Ruiz (city-of-salem) on ") && shown.stdout.contains("for the whole catalog"), "\(shown)")
    }

    @Test func addendumDraftsExportInEveryFormatAndNeverOverwrite() throws {
        let sandbox = try CobuySandbox()
        #expect(sandbox.run(["init", "--sample"]).status == 0)
        for format in ["md", "txt", "docx"] {
            let path = "\(sandbox.folder)/draft.\(format)"
            let output = sandbox.run(["export", "addendum", "PA-2026-0002", "--format", format, "-o", path])
            #expect(output.status == 0, "\(output.stderr)")
            #expect(FileManager.default.fileExists(atPath: path))
            #expect(sandbox.run(["export", "addendum", "PA-2026-0002", "--format", format, "-o", path]).status == 1)
            #expect(sandbox.run(["export", "addendum", "PA-2026-0002", "--format", format, "-o", path, "--force"]).status == 0)
        }
        let markdown = sandbox.run(["export", "addendum", "PA-2026-0002", "-o", "-"])
        #expect(markdown.stdout.hasPrefix("# Participating Addendum PA-2026-0002 — DRAFT"))
        #expect(sandbox.run(["export", "addendum", "SOL-2026-0001"]).status == 64)
    }

    @Test func csvImportReportsRowProblemsByLine() throws {
        let sandbox = try CobuySandbox()
        sandbox.run(["init"])
        let csv = "\(sandbox.folder)/list.csv"
        try Data("""
            title,lead,vendor,start,end,eligible kinds
            Copiers,Texas Cooperative,Copy Co,2026-01-01,2028-12-31,all
            Bad,Texas Cooperative,Copy Co,2026-01-01,2025-12-31,all

            """.utf8).write(to: URL(fileURLWithPath: csv))
        let output = sandbox.run(["import", "csv", csv])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("1 contract imported"))
        #expect(output.stdout.contains("line 3: end 2025-12-31 is not after start"))
        try Data("name,price\n".utf8).write(to: URL(fileURLWithPath: csv))
        let refused = sandbox.run(["import", "csv", csv])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("line 1 lacks the columns title, lead, vendor, start, end"))
    }
}
