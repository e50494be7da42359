import Foundation
import Testing

/// `cobuy list KIND` in every format, with its filters.
@Suite struct ListTests {
    @Test func jsonCSVStatusQueryAndLimit() throws {
        let sandbox = try CobuySandbox()
        _ = try LifecycleTests.runScript(in: sandbox)
        sandbox.must(["new", "party", "--id", "bogota", "--name", "Alcaldía de Bogotá", "--kind", "city", "--region", "CO-DC"])
        sandbox.must(["new", "solicitation", "--title", "Road salt", "--lead", "city-of-salem"], as: Acting.salem)

        // JSON: the documented fields, for every kind.
        for kind in ["solicitations", "contracts", "addenda"] {
            let rows = try sandbox.jsonRows(["list", kind, "--format", "json"])
            #expect(!rows.isEmpty, "\(kind)")
            for row in rows {
                for field in ["id", "status", "title"] {
                    #expect(!((row[field] as? String) ?? "").isEmpty, "\(kind) row lacks \(field): \(row)")
                }
            }
        }
        let parties = try sandbox.jsonRows(["list", "parties", "--format", "json"])
        #expect(parties.count == 7)
        for row in parties {
            for field in ["id", "name", "kind", "region"] { #expect(!((row[field] as? String) ?? "").isEmpty, "party lacks \(field): \(row)") }
        }
        let salem = try #require(parties.first { $0["id"] as? String == "city-of-salem" })
        #expect(salem["name"] as? String == "City of Salem" && salem["kind"] as? String == "city" && salem["region"] as? String == "US-OR")

        // --query ignores case and accents, both ways.
        for query in ["bogota", "BOGOTA", "Bogotá", "alcaldia bogota"] {
            let found = try sandbox.jsonRows(["list", "parties", "--format", "json", "--query", query])
            #expect(found.compactMap { $0["id"] as? String } == ["bogota"], "query \(query)")
            #expect(found.first?["name"] as? String == "Alcaldía de Bogotá")
        }
        #expect(try sandbox.jsonRows(["list", "parties", "--format", "json", "--query", "atlantis"]).isEmpty)
        #expect(try sandbox.jsonRows(["list", "solicitations", "--format", "json", "--query", "fleet"]).count == 1)

        // --status.
        let complete = try sandbox.jsonRows(["list", "solicitations", "--status", "complete", "--format", "json"])
        #expect(complete.compactMap { $0["title"] as? String } == ["Fleet vehicles 2026"])
        let drafts = try sandbox.jsonRows(["list", "solicitations", "--status", "draft", "--format", "json"])
        #expect(drafts.compactMap { $0["title"] as? String } == ["Road salt"])
        #expect(try sandbox.jsonRows(["list", "addenda", "--status", "executed", "--format", "json"]).compactMap { $0["party"] as? String }
                == ["city-of-bend"])
        #expect(try sandbox.jsonRows(["list", "solicitations", "--status", "cancelled", "--format", "json"]).isEmpty)
        #expect(sandbox.run(["list", "solicitations", "--status", "cancelled"]).stdout.contains("No solicitations match"))

        // --limit.
        #expect(try sandbox.jsonRows(["list", "parties", "--format", "json", "--limit", "3"]).count == 3)
        #expect(try sandbox.jsonRows(["list", "parties", "--format", "json", "--limit", "0"]).isEmpty)
        #expect(try sandbox.jsonRows(["list", "parties", "--format", "json", "--limit", "100"]).count == 7)

        // CSV: a header, then one row per record.
        let csv = sandbox.run(["list", "parties", "--format", "csv"])
        #expect(csv.status == 0, "\(csv)")
        let csvLines = csv.stdout.split(separator: "\n").map(String.init)
        #expect(csvLines.first == "id,name,kind,region,population")
        #expect(csvLines.count == 1 + 7)
        #expect(csvLines.contains { $0.hasPrefix("city-of-salem,City of Salem,city,US-OR,") })
        let limited = sandbox.run(["list", "parties", "--format", "csv", "--limit", "2"]).stdout.split(separator: "\n")
        #expect(limited.count == 3)
        let solicitationsCSV = sandbox.run(["list", "solicitations", "--format", "csv", "--status", "complete"]).stdout.split(separator: "\n")
        #expect(solicitationsCSV.first?.hasPrefix("id,status,title") == true, "\(solicitationsCSV)")
        #expect(solicitationsCSV.count == 2)
        let empty = sandbox.run(["list", "contracts", "--format", "csv", "--status", "terminated"]).stdout.split(separator: "\n")
        #expect(empty.first?.hasPrefix("id,status,title") == true && empty.count == 1, "an empty list still has its header: \(empty)")

        // The table: a header row and the records.
        let table = sandbox.run(["list", "solicitations"])
        #expect(table.stdout.split(separator: "\n").first?.hasPrefix("ID") == true, "\(table)")
        #expect(table.stdout.contains("Fleet vehicles 2026") && table.stdout.contains("Road salt"))
    }
}

/// `cobuy new` and `cobuy init`.
@Suite struct NewAndInitTests {
    @Test func newPrintsTheNewIDAsItsLastLine() throws {
        let sandbox = try CobuySandbox()
        let ids = Scenario(name: "active contract", steps: Stage.active).run(in: sandbox)
        let contract = try #require(ids["CON"])

        let party = sandbox.must(["new", "party", "--id", "city-of-eugene", "--name", "City of Eugene", "--kind", "city", "--region", "US-OR"])
        #expect(party.lastLine == "city-of-eugene")
        #expect(FileManager.default.fileExists(atPath: sandbox.file("parties", "city-of-eugene")))

        let solicitation = sandbox.must(["new", "solicitation", "--title", "Salt", "--lead", "city-of-salem", "--category", "Roads"], as: .salem)
        #expect(solicitation.lastLine.range(of: #"^SOL-\d{4}-\d{4}$"#, options: .regularExpression) != nil, "\(solicitation)")
        #expect(solicitation.lastLine != ids["SOL"])
        #expect(sandbox.json(solicitation.lastLine)?["status"] as? String == "draft")
        #expect(FileManager.default.fileExists(atPath: sandbox.file("solicitations", solicitation.lastLine)))

        let addendum = sandbox.must(["new", "addendum", "--contract", contract, "--party", "city-of-bend"], as: .bend)
        #expect(addendum.lastLine.range(of: #"^PA-\d{4}-\d{4}$"#, options: .regularExpression) != nil, "\(addendum)")
        #expect(sandbox.json(addendum.lastLine)?["contract"] as? String == contract)

        let registered = sandbox.must(["new", "contract", "--title", "Copiers", "--lead", "city-of-salem", "--vendor", "northwind"], as: .salem)
        #expect(registered.lastLine.range(of: #"^CON-\d{4}-\d{4}$"#, options: .regularExpression) != nil, "\(registered)")
        #expect(registered.lastLine != contract)
        #expect(sandbox.run(["validate"]).status == 0)
    }

    @Test func initCreatesTheLayoutAndIsIdempotent() throws {
        let sandbox = try CobuySandbox()
        let first = sandbox.must(["init"])
        #expect(first.stdout.contains(sandbox.store))
        for folder in ["parties", "solicitations", "contracts", "addenda", "catalog"] {
            var isFolder: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: "\(sandbox.store)/\(folder)", isDirectory: &isFolder) && isFolder.boolValue, "\(folder)")
        }
        let marker = try #require(sandbox.bytes("\(sandbox.store)/cobuy.json"))
        sandbox.must(["new", "party", "--id", "city-of-salem", "--name", "City of Salem", "--kind", "city", "--region", "US-OR"])
        let before = sandbox.snapshot()
        sandbox.must(["init"])
        #expect(sandbox.snapshot() == before, "init again changes nothing")
        #expect(sandbox.bytes("\(sandbox.store)/cobuy.json") == marker)
        let validate = sandbox.run(["validate"])
        #expect(validate.status == 0 && validate.stdout.contains("1 record checked"), "\(validate)")
        // --store beats COBUY_STORE.
        let other = "\(sandbox.folder)/other-store"
        sandbox.must(["init", "--store", other])
        #expect(FileManager.default.fileExists(atPath: "\(other)/cobuy.json"))
        #expect(try sandbox.jsonRows(["list", "parties", "--format", "json", "--store", other]).isEmpty)
    }

    @Test func initSampleCreatesAStoreThatValidates() throws {
        let sandbox = try CobuySandbox()
        let output = sandbox.run(["init", "--sample"])
        #expect(output.status == 0 && !output.crashed, "\(output)")
        let counts = try ["parties", "solicitations", "contracts", "addenda"].map { try sandbox.jsonRows(["list", $0, "--format", "json"]).count }
        if counts.allSatisfy({ $0 == 0 }) {
            withKnownIssue("The bundled sample store is still empty") { Issue.record("init --sample created no records") }
            return
        }
        let validate = sandbox.run(["validate"])
        #expect(validate.status == 0, "\(validate)")
        #expect(validate.stdout.contains("all valid"))
        #expect(counts[0] > 0 && counts[1] > 0, "parties and solicitations: \(counts)")
        // Never over records that are already there.
        let again = sandbox.run(["init", "--sample"])
        again.expectRefusal()
        #expect(again.stderr.contains("already holds records"))
    }

    @Test func theSampleStoreMeetsItsBrief() throws {
        let sandbox = try CobuySandbox()
        try #require(sandbox.run(["init", "--sample"]).status == 0)
        let parties = try sandbox.jsonRows(["list", "parties", "--format", "json"])
        if parties.isEmpty {
            withKnownIssue("The bundled sample store is still empty") { Issue.record("init --sample created no parties") }
            return
        }
        #expect(parties.count >= 12)
        #expect(Set(parties.compactMap { $0["region"] as? String }.filter { $0.hasPrefix("US-") }).count >= 3)
        let statuses = Set(try sandbox.jsonRows(["list", "solicitations", "--format", "json"]).compactMap { $0["status"] as? String })
        #expect(statuses == ["draft", "forming", "formed", "soliciting", "evaluating", "awarded", "complete", "cancelled", "unsuccessful"])
        #expect(try sandbox.jsonRows(["list", "contracts", "--format", "json"]).count >= 15)
        #expect(try sandbox.jsonRows(["list", "addenda", "--format", "json"]).count >= 8)
    }

    @Test func withoutATerminalTheDefaultCommandPrintsTheDashboardAsText() throws {
        let sandbox = try CobuySandbox()
        sandbox.seed()
        let output = sandbox.run([])
        #expect(output.status == 0 && !output.crashed, "\(output)")
        #expect(output.stdout.contains("Solicitations closing"))
    }
}
