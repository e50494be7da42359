import Foundation
import Testing

/// `cobuy-generate` makes the benchmark's catalogs: valid OCDS that imports whole, the same
/// bytes for the same seed.
@Suite struct GeneratorTests {
    static var validator: String {
        CobuySandbox.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/tools/ocds-validate").path
    }

    func generate(_ sandbox: CobuySandbox, count: Int, seed: Int, to name: String, format: String = "package") throws -> String {
        let generator = URL(fileURLWithPath: sandbox.binary).deletingLastPathComponent().appendingPathComponent("cobuy-generate").path
        let path = "\(sandbox.folder)/\(name)"
        let run = sandbox.execute(generator, ["--contracts", "\(count)", "--seed", "\(seed)", "--format", format, "-o", path],
                                  environment: sandbox.environment)
        try #require(run.status == 0, "\(run)")
        return path
    }

    @Test func aGeneratedCatalogIsValidOCDSAndImportsEveryContract() throws {
        let sandbox = try CobuySandbox()
        sandbox.must(["init"])
        let path = try generate(sandbox, count: 300, seed: 7, to: "catalog.json")
        let validation = sandbox.execute(Self.validator, [path], environment: sandbox.environment)
        #expect(validation.status == 0 && validation.stdout.contains("valid"), "\(validation)")
        let imported = sandbox.run(["import", "ocds", path])
        #expect(imported.status == 0 && imported.stdout.contains("300 contract(s)") && !imported.stdout.contains("skipped"), "\(imported)")
        let rows = try sandbox.jsonRows(["list", "contracts", "--format", "json"])
        #expect(rows.count == 300)
        // Every filter finds something: the data spreads over statuses, clauses and regions.
        for status in ["active", "expired", "terminated", "pending"] {
            #expect(try !sandbox.jsonRows(["list", "contracts", "--status", status, "--format", "json"]).isEmpty, "\(status)")
        }
        #expect(try !sandbox.jsonRows(["list", "contracts", "--expiring", "90", "--format", "json"]).isEmpty)
        #expect(rows.contains { ($0["eligible"] as? String)?.contains("closed") == true })
    }

    @Test func theSameSeedGivesTheSameBytesAndJSONLinesMatchesThePackage() throws {
        let sandbox = try CobuySandbox()
        let first = try generate(sandbox, count: 200, seed: 3, to: "a.json")
        let again = try generate(sandbox, count: 200, seed: 3, to: "b.json")
        let other = try generate(sandbox, count: 200, seed: 4, to: "c.json")
        let lines = try generate(sandbox, count: 200, seed: 3, to: "d.jsonl", format: "jsonl")
        #expect(sandbox.bytes(first) == sandbox.bytes(again))
        #expect(sandbox.bytes(first) != sandbox.bytes(other))
        let package = try #require(try JSONSerialization.jsonObject(with: sandbox.bytes(first) ?? Data()) as? [String: Any])
        let releases = try #require(package["releases"] as? [[String: Any]])
        let lineReleases = String(decoding: sandbox.bytes(lines) ?? Data(), as: UTF8.self).split(separator: "\n")
        #expect(releases.count == 200 && lineReleases.count == 200)
    }

    @Test func badArgumentsAreOneLineAndExit64() throws {
        let sandbox = try CobuySandbox()
        let generator = URL(fileURLWithPath: sandbox.binary).deletingLastPathComponent().appendingPathComponent("cobuy-generate").path
        for arguments in [["--contracts", "x", "-o", "/tmp/x"], ["--contracts", "5"], ["--bogus"]] {
            let run = sandbox.execute(generator, arguments, environment: sandbox.environment)
            #expect(run.status == 64 && run.stderr.hasPrefix("cobuy-generate: "), "\(run)")
        }
    }
}
