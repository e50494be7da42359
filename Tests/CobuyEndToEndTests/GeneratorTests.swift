import Foundation
import Testing

/// `cobuy-generate` makes the catalogs that benchmarks and tests import: valid OCDS 1.1.5 that
/// `cobuy import ocds` takes whole, spread over every filter of the catalog, the same bytes for
/// the same seed.
@Suite struct GeneratorTests {
    /// `cobuy-generate` is built into the same folder as `cobuy`.
    static func generator(_ sandbox: CobuySandbox) -> String {
        URL(fileURLWithPath: sandbox.binary).deletingLastPathComponent().appendingPathComponent("cobuy-generate").path
    }

    /// A sandbox whose today is the generator's reference day, so that statuses come out as
    /// generated (active, expiring within 90 days, expired, ...).
    static func sandbox() throws -> CobuySandbox {
        let sandbox = try CobuySandbox()
        sandbox.now = "2026-11-23T09:00:00Z"
        return sandbox
    }

    func generate(_ sandbox: CobuySandbox, _ count: Int, seed: Int, to name: String, format: String = "package") throws -> String {
        let path = "\(sandbox.folder)/\(name)"
        let run = sandbox.execute(Self.generator(sandbox), ["--contracts", "\(count)", "--seed", "\(seed)", "--format", format, "-o", path],
                                  environment: sandbox.environment)
        try #require(run.status == 0 && !run.crashed, "\(run)")
        #expect(run.stderrLines.last?.contains("wrote \(count) contracts") == true, "\(run)")
        return path
    }

    func releases(_ sandbox: CobuySandbox, _ path: String) throws -> [[String: Any]] {
        let data = try #require(sandbox.bytes(path))
        let package = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(package["releases"] as? [[String: Any]])
    }

    @Test(.enabled(if: CobuySandbox.ocdsValidator != nil, "needs the OCDS validator (../shared/tools/ocds-validate or $COBUY_OCDS_VALIDATOR)"))
    func threeHundredContractsAreValidOCDSWithNoSchemaError() throws {
        let sandbox = try Self.sandbox()
        let path = try generate(sandbox, 300, seed: 7, to: "catalog.json")
        let releases = try releases(sandbox, path)
        #expect(releases.count == 300)
        #expect(Set(releases.compactMap { $0["ocid"] as? String }) == Set((1...300).map { "ocds-gen000-7-\($0)" }))

        let validator = try #require(CobuySandbox.ocdsValidator)
        let validation = sandbox.execute("/usr/bin/env", ["python3", validator, path], environment: sandbox.environment, timeout: 300)
        let lines = validation.stdout.split(separator: "\n").map(String.init)
        #expect(validation.status == 0 && lines == ["\(path): valid OCDS 1.1.5 release package"], "\(validation)")
    }

    @Test func everyGeneratedContractImports() throws {
        let sandbox = try Self.sandbox()
        sandbox.must(["init"])
        let path = try generate(sandbox, 300, seed: 7, to: "catalog.json")
        let imported = sandbox.run(["import", "ocds", path])
        #expect(imported.status == 0 && imported.stdout.contains(" 300 contracts imported, 0 merged, 0 skipped") && !imported.stdout.contains("  skipped "),
                "\(imported)")
        let rows = try sandbox.jsonRows(["list", "contracts", "--format", "json"])
        #expect(rows.count == 300)
        #expect(Set(rows.compactMap { $0["id"] as? String }).count == 300)
        // Every row has what the catalog shows.
        for row in rows {
            for field in ["id", "status", "title", "lead", "vendor", "category", "end", "eligible"] {
                #expect(!((row[field] as? String) ?? "").isEmpty, "row lacks \(field): \(row)")
            }
        }
    }

    /// Past a megabyte the importer reads a release package on every core: that path too
    /// takes every contract.
    @Test func aCatalogOverAMegabyteImportsWhole() throws {
        let sandbox = try Self.sandbox()
        sandbox.must(["init"])
        let path = try generate(sandbox, 1000, seed: 11, to: "large.json")
        #expect((sandbox.bytes(path)?.count ?? 0) > 1_000_000)
        let imported = sandbox.run(["import", "ocds", path])
        #expect(imported.status == 0 && imported.stdout.contains(" 1000 contracts imported, 0 merged, 0 skipped") && !imported.stdout.contains("  skipped "),
                "\(imported)")
        #expect(try sandbox.jsonRows(["list", "contracts", "--format", "json"]).count == 1000)
    }

    @Test func everyCatalogFilterFindsGeneratedContracts() throws {
        let sandbox = try Self.sandbox()
        sandbox.must(["init"])
        let path = try generate(sandbox, 300, seed: 7, to: "catalog.json")
        sandbox.must(["import", "ocds", path])
        func count(_ filter: [String]) throws -> Int {
            try sandbox.jsonRows(["list", "contracts", "--format", "json"] + filter).count
        }
        for status in ["active", "expired", "terminated", "cancelled", "pending"] {
            #expect(try count(["--status", status]) > 0, "status \(status)")
        }
        let expiring = try count(["--expiring", "90"]), active = try count(["--status", "active"])
        #expect(expiring > 0 && expiring < active)
        for kind in ["state", "county", "city", "school-district", "special-district", "higher-ed", "tribal", "federal"] {
            let eligible = try count(["--eligible-kind", kind])
            #expect(eligible > 0 && eligible < 300, "eligible kind \(kind)")
        }
        for region in ["US-OR", "US-WA", "US-CA", "US-TX", "US-NY", "US"] {
            #expect(try count(["--region", region]) > 0, "region \(region)")
        }

        let rows = try sandbox.jsonRows(["list", "contracts", "--format", "json"])
        let categories = Set(rows.compactMap { $0["category"] as? String })
        #expect(categories.count >= 40, "\(categories.sorted())")
        let category = try #require(categories.sorted().first)
        #expect(try count(["--category", category]) == rows.filter { $0["category"] as? String == category }.count)
        #expect(rows.contains { $0["eligible"] as? String == "closed to other bodies" })
        #expect(rows.contains { ($0["eligible"] as? String)?.hasSuffix(" in any region") == true })
        // Many leads and vendors, a few with accents or in other scripts.
        let leads = Set(rows.compactMap { $0["lead"] as? String }), vendors = Set(rows.compactMap { $0["vendor"] as? String })
        #expect(leads.count > 100 && vendors.count > 150)
        #expect((leads.union(vendors)).contains { $0.unicodeScalars.contains { $0.value > 0x7F } })
        // Full-text search finds the words of titles, and names whatever their accents.
        let title = try #require(rows.first?["title"] as? String)
        let word = try #require(title.split(separator: " ").first { $0.count >= 4 && $0.allSatisfy(\.isLetter) }.map(String.init), "\(title)")
        #expect(try count(["--query", word]) > 0, "query \(word)")
        let accented = rows.filter { "\($0["lead"] ?? "") \($0["vendor"] ?? "")".contains("Peña") }
        if !accented.isEmpty { #expect(try count(["--query", "pena"]) >= accented.count) }
    }

    @Test func theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws {
        let sandbox = try Self.sandbox()
        let first = try generate(sandbox, 300, seed: 7, to: "a.json")
        let again = try generate(sandbox, 300, seed: 7, to: "b.json")
        let other = try generate(sandbox, 300, seed: 8, to: "c.json")
        #expect(sandbox.bytes(first) != nil && sandbox.bytes(first) == sandbox.bytes(again))
        #expect(sandbox.bytes(first) != sandbox.bytes(other))
        // Contract n does not depend on how many were asked for; JSON Lines hold the same releases.
        let fewer = try generate(sandbox, 40, seed: 7, to: "d.json")
        let lines = try generate(sandbox, 300, seed: 7, to: "e.jsonl", format: "jsonl")
        let all = try releases(sandbox, first)
        #expect(try releases(sandbox, fewer).map { NSDictionary(dictionary: $0) } == all.prefix(40).map { NSDictionary(dictionary: $0) })
        let lineReleases = try String(decoding: #require(sandbox.bytes(lines)), as: UTF8.self).split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(lineReleases.map { NSDictionary(dictionary: $0) } == all.map { NSDictionary(dictionary: $0) })
    }

    @Test func badArgumentsAreOneLineAndExit64() throws {
        let sandbox = try Self.sandbox()
        for arguments in [[], ["--contracts", "x", "-o", "\(sandbox.folder)/x"], ["--contracts", "0", "-o", "\(sandbox.folder)/x"],
                          ["--contracts", "5"], ["--contracts", "5", "--seed", "-1", "-o", "\(sandbox.folder)/x"],
                          ["--contracts", "5", "--format", "xml", "-o", "\(sandbox.folder)/x"], ["--bogus"], ["--contracts"]] {
            let run = sandbox.execute(Self.generator(sandbox), arguments, environment: sandbox.environment)
            #expect(run.status == 64 && !run.crashed && run.stderrLines.count == 1 && run.stderr.hasPrefix("cobuy-generate: "),
                    "\(run)")
            #expect(run.stdout.isEmpty)
        }
        let unwritable = sandbox.execute(Self.generator(sandbox), ["--contracts", "5", "-o", "\(sandbox.folder)/missing/x.json"],
                                         environment: sandbox.environment)
        #expect(unwritable.status == 73 && unwritable.stderrLines.count == 1, "\(unwritable)")
        let help = sandbox.execute(Self.generator(sandbox), ["--help"], environment: sandbox.environment)
        #expect(help.status == 0 && help.stdout.hasPrefix("usage: cobuy-generate --contracts N"), "\(help)")
    }
}
