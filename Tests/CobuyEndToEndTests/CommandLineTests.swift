import Foundation
import Testing

extension CobuySandbox {
    func must(_ arguments: [String], as officer: (String, String)) {
        let output = run(arguments, as: officer)
        #expect(output.status == 0, "\(arguments.joined(separator: " ")): \(output.stderr)")
    }

    func draft() -> String {
        seed()
        let id = run(["new", "solicitation", "--title", "Fleet", "--lead", "city-of-salem"], as: Self.salem).lastLine
        must(["do", id, "add-line", "--text", "Sedan", "--quantity", "10", "--unit", "each"], as: Self.salem)
        must(["do", id, "invite", "--party", "marion-county"], as: Self.salem)
        return id
    }

    func formed() -> String {
        let id = draft()
        must(["do", id, "circulate"], as: Self.salem)
        must(["do", id, "join", "--party", "marion-county", "--quantity", "5"], as: Self.marion)
        must(["do", id, "sign-agreement", "--party", "marion-county", "--signer", "D. Bethell"], as: Self.marion)
        must(["do", id, "sign-agreement", "--party", "city-of-salem", "--signer", "K. Stahley"], as: Self.salem)
        must(["do", id, "form"], as: Self.salem)
        return id
    }

    func evaluating() -> String {
        let id = formed()
        must(["do", id, "set-tender", "--number", "RFP 1", "--date", "2026-03-01"], as: Self.salem)
        must(["do", id, "add-criterion", "--criterion", "Price", "--weight", "60"], as: Self.salem)
        must(["do", id, "add-criterion", "--criterion", "Service", "--weight", "40"], as: Self.salem)
        must(["do", id, "set-cooperative", "--kinds", "city,county", "--regions", "US-OR"], as: Self.salem)
        must(["do", id, "publish"], as: Self.salem)
        now = "2026-02-10T09:00:00Z"
        must(["do", id, "record-proposal", "--vendor", "acme-fleet", "--price", "1000000"], as: Self.salem)
        must(["do", id, "record-proposal", "--vendor", "northwind", "--price", "950000"], as: Self.salem)
        now = "2026-03-02T09:00:00Z"
        must(["do", id, "close"], as: Self.salem)
        for (proposal, criterion, score) in [("P1", "Price", "80"), ("P1", "Service", "90"), ("P2", "Price", "90"), ("P2", "Service", "70")] {
            must(["do", id, "score", "--proposal", proposal, "--criterion", criterion, "--score", score], as: Self.salem)
        }
        return id
    }

    /// Runs a command that must be refused: exit 1, one line on stderr naming the record and
    /// the unmet condition, and the record's file byte-for-byte unchanged.
    func expectRefused(_ arguments: [String], as officer: (String, String), file: String, mentioning words: [String],
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let before = bytes(file)
        let output = run(arguments, as: officer)
        #expect(output.status == 1, "\(arguments): \(output.stderr)", sourceLocation: sourceLocation)
        let lines = output.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(output.stderr)", sourceLocation: sourceLocation)
        for word in words { #expect(output.stderr.contains(word), "\(output.stderr) lacks \(word)", sourceLocation: sourceLocation) }
        #expect(bytes(file) == before, "\(file) changed", sourceLocation: sourceLocation)
        #expect(!output.stderr.contains("Stack") && !output.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
    }
}

@Suite struct CommandLineTests {
    @Test func theLifecycleScriptReachesCompleteAndExecuted() throws {
        let sandbox = CobuySandbox()
        let script = CobuySandbox.repositoryRoot.appendingPathComponent("Tests/scripts/full-lifecycle.sh").path
        var environment = sandbox.environment
        environment["COBUY_STORE"] = nil
        let output = CobuySandbox.execute("/bin/bash", [script, CobuySandbox.binary, sandbox.store], environment: environment)
        try #require(output.status == 0, "\(output.stderr)")
        let ids = Dictionary(uniqueKeysWithValues: output.lastLine.split(separator: " ").compactMap { pair -> (String, String)? in
            let parts = pair.split(separator: "=")
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        })
        let expected = [("solicitation", "complete"), ("contract", "active"), ("addendum", "executed")]
        for (kind, status) in expected {
            let id = try #require(ids[kind])
            let record = try #require(sandbox.json(id))
            #expect(record["status"] as? String == status)
            let history = try #require(record["history"] as? [[String: Any]])
            #expect(!history.isEmpty)
            for (index, entry) in history.enumerated() {
                #expect(entry["actor"] as? String != nil && entry["party"] as? String != nil && entry["at"] as? String != nil)
                #expect(entry["action"] as? String != nil && entry["to"] as? String != nil)
                if index > 0 { #expect(entry["from"] as? String == history[index - 1]["to"] as? String) }
            }
            #expect(history.last?["to"] as? String == status)
        }
        let addendumID = try #require(ids["addendum"])
        let addendum = try #require(sandbox.json(addendumID))
        #expect(addendum["participantSignature"] != nil && addendum["vendorSignature"] != nil)
        #expect(sandbox.run(["validate"]).status == 0)
    }

    @Test func guardsOnTheSolicitationRefuseWithExitOneAndChangeNothing() throws {
        let sandbox = CobuySandbox()
        let id = sandbox.draft()
        let file = sandbox.file("solicitations", id)
        sandbox.expectRefused(["do", id, "form"], as: CobuySandbox.salem, file: file, mentioning: [id, "form", "only possible"])
        sandbox.expectRefused(["do", id, "circulate"], as: CobuySandbox.marion, file: file, mentioning: [id, "lead party", "city-of-salem"])
        sandbox.expectRefused(["do", id, "add-line", "--text", "X", "--quantity", "0", "--unit", "each"], as: CobuySandbox.salem, file: file,
                              mentioning: ["quantity"])
        sandbox.expectRefused(["do", id, "invite", "--party", "acme-fleet"], as: CobuySandbox.salem, file: file, mentioning: ["not a public body"])
        sandbox.must(["do", id, "circulate"], as: CobuySandbox.salem)
        sandbox.expectRefused(["do", id, "join", "--party", "city-of-bend"], as: CobuySandbox.bend, file: file, mentioning: ["invited"])
        sandbox.expectRefused(["do", id, "form"], as: CobuySandbox.salem, file: file, mentioning: ["city-of-salem", "not signed"])
        sandbox.expectRefused(["do", id, "withdraw", "--party", "city-of-salem", "--reason", "x"], as: CobuySandbox.salem, file: file,
                              mentioning: ["cannot withdraw"])
    }

    @Test func guardsOnTenderScoringAndAwardRefuse() throws {
        let sandbox = CobuySandbox()
        let id = sandbox.formed()
        let file = sandbox.file("solicitations", id)
        sandbox.expectRefused(["do", id, "publish"], as: CobuySandbox.salem, file: file, mentioning: ["solicitation number"])
        sandbox.expectRefused(["do", id, "set-tender", "--number", "R", "--date", "2026-01-01"], as: CobuySandbox.salem, file: file,
                              mentioning: ["not after today"])
        sandbox.expectRefused(["do", id, "add-criterion", "--criterion", "Price", "--weight", "0"], as: CobuySandbox.salem, file: file,
                              mentioning: ["between 1 and 100"])
        sandbox.expectRefused(["do", id, "set-cooperative", "--kinds", "wizards", "--regions", "US"], as: CobuySandbox.salem, file: file,
                              mentioning: ["wizards"])
        sandbox.must(["do", id, "set-tender", "--number", "RFP 1", "--date", "2026-03-01"], as: CobuySandbox.salem)
        sandbox.must(["do", id, "add-criterion", "--criterion", "Price", "--weight", "50"], as: CobuySandbox.salem)
        sandbox.expectRefused(["do", id, "publish"], as: CobuySandbox.salem, file: file, mentioning: ["total 50"])
        sandbox.must(["do", id, "add-criterion", "--criterion", "Service", "--weight", "50"], as: CobuySandbox.salem)
        sandbox.expectRefused(["do", id, "publish"], as: CobuySandbox.salem, file: file, mentioning: ["cooperative clause"])
        sandbox.must(["do", id, "set-cooperative", "--none"], as: CobuySandbox.salem)
        sandbox.must(["do", id, "publish"], as: CobuySandbox.salem)
        sandbox.expectRefused(["do", id, "record-proposal", "--vendor", "city-of-bend", "--price", "5"], as: CobuySandbox.salem, file: file,
                              mentioning: ["not a vendor"])
        sandbox.expectRefused(["do", id, "close"], as: CobuySandbox.salem, file: file, mentioning: ["has not passed"])
        sandbox.now = "2026-03-02T09:00:00Z"
        sandbox.expectRefused(["do", id, "record-proposal", "--vendor", "acme-fleet", "--price", "5"], as: CobuySandbox.salem, file: file,
                              mentioning: ["has passed"])
        sandbox.expectRefused(["do", id, "close"], as: CobuySandbox.salem, file: file, mentioning: ["declare-unsuccessful"])
    }

    @Test func awardAndCompleteGuardsRefuse() throws {
        let sandbox = CobuySandbox()
        let id = sandbox.evaluating()
        let file = sandbox.file("solicitations", id)
        sandbox.expectRefused(["do", id, "score", "--proposal", "P1", "--criterion", "Price", "--score", "101"], as: CobuySandbox.salem,
                              file: file, mentioning: ["between 0 and 100"])
        sandbox.expectRefused(["do", id, "award", "--proposal", "P2"], as: CobuySandbox.salem, file: file, mentioning: ["P2", "below P1", "--reason"])
        sandbox.must(["do", id, "award", "--proposal", "P1"], as: CobuySandbox.salem)
        sandbox.expectRefused(["do", id, "complete"], as: CobuySandbox.salem, file: file, mentioning: ["Not every contract", "active"])
    }

    @Test func anIneligiblePartysAddendumIsRefusedAtSubmitAndActionsSaysWhy() throws {
        let sandbox = CobuySandbox()
        let id = sandbox.evaluating()
        sandbox.must(["do", id, "award", "--proposal", "P1"], as: CobuySandbox.salem)
        let awards = sandbox.json(id)?["awards"] as? [[String: Any]]
        let contract = try #require(awards?.first?["contract"] as? String)
        sandbox.must(["do", contract, "sign", "--date", "2026-03-02", "--end", "2029-03-01"], as: CobuySandbox.salem)
        let addendum = sandbox.run(["new", "addendum", "--contract", contract, "--party", "city-of-austin"], as: CobuySandbox.austin).lastLine
        sandbox.must(["do", addendum, "edit", "--scope", "Sedans", "--contact", "Lucía", "--spend", "1000"], as: CobuySandbox.austin)
        sandbox.expectRefused(["do", addendum, "submit"], as: CobuySandbox.austin, file: sandbox.file("addenda", addendum),
                              mentioning: [addendum, "may not join", "US-TX"])
        let actions = sandbox.run(["actions", addendum, "--for", "city-of-austin"])
        #expect(actions.status == 0)
        #expect(actions.stdout.contains("✗ region"))
        #expect(actions.stdout.contains("✓ active"))
        let json = sandbox.run(["actions", addendum, "--format", "json", "--for", "city-of-austin"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let checks = try #require((object["joinability"] as? [String: Any])?["checks"] as? [[String: Any]])
        #expect(checks.filter { ($0["passed"] as? Bool) == false }.compactMap { $0["name"] as? String } == ["region"])
    }

    @Test func usageErrorsExitSixtyFour() {
        let sandbox = CobuySandbox()
        let id = sandbox.draft()
        for arguments in [["do", id, "fly"], ["do", id, "add-line", "--text", "x"], ["do", id, "set-tender", "--number", "1", "--date", "March"],
                          ["do", id, "add-line", "--colour", "red"], ["list", "widgets"], ["frobnicate"]] {
            let output = sandbox.run(arguments, as: CobuySandbox.salem)
            #expect(output.status == 64, "\(arguments): \(output.status) \(output.stderr)")
            #expect(!output.stderr.contains("Stack trace"))
        }
        let nobody = sandbox.run(["do", id, "circulate"])
        #expect(nobody.status == 64)
        #expect(nobody.stderr.contains("--as NAME --for PARTY"))
        #expect(sandbox.run(["show", "SOL-1999-0001"]).status == 1)
    }

    @Test func concurrentWritersLoseNoUpdate() async throws {
        let sandbox = CobuySandbox()
        let id = sandbox.draft()
        let workers = 4, perWorker = 40
        let successes = await withTaskGroup(of: Int.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var done = 0
                    for index in 0..<perWorker {
                        let output = sandbox.run(["do", id, "add-line", "--text", "line \(worker)-\(index)", "--quantity", "1", "--unit", "each"],
                                                 as: CobuySandbox.salem)
                        if output.status == 0 { done += 1 }
                    }
                    return done
                }
            }
            var total = 0
            for await done in group { total += done }
            return total
        }
        let record = try #require(sandbox.json(id))
        let lines = try #require(record["lines"] as? [[String: Any]])
        #expect(lines.count == successes + 1) // the draft's own line
        #expect(successes == workers * perWorker)
        #expect(record["revision"] as? Int == 3 + successes)
    }

    @Test func killingWritersAtRandomMomentsNeverBreaksARecord() throws {
        let sandbox = CobuySandbox()
        let id = sandbox.draft()
        for iteration in 0..<250 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CobuySandbox.binary)
            process.arguments = ["do", id, "add-line", "--text", "line \(iteration)", "--quantity", "1", "--unit", "each",
                                 "--as", "Ana Ruiz", "--for", "city-of-salem"]
            process.environment = sandbox.environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0...30_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let validate = sandbox.run(["validate"])
        #expect(validate.status == 0, "\(validate.stdout)")
        let record = try #require(sandbox.json(id))
        let lines = try #require(record["lines"] as? [[String: Any]])
        let history = try #require(record["history"] as? [[String: Any]])
        #expect(lines.count == history.filter { $0["action"] as? String == "add-line" }.count)
        #expect(record["revision"] as? Int == history.count)
    }

    @Test func aBrokenStoreIsReportedAndTheRestStillLists() throws {
        let sandbox = CobuySandbox()
        sandbox.seed()
        let good = try #require(sandbox.bytes(sandbox.file("parties", "marion-county")))
        let text = String(decoding: good, as: UTF8.self)
        try Data(text.prefix(text.count / 2).utf8).write(to: URL(fileURLWithPath: sandbox.file("parties", "truncated")))
        try Data(text.replacingOccurrences(of: "\"population\" : 1000", with: "\"population\" : \"many\"")
            .replacingOccurrences(of: "marion-county", with: "wrong-type").utf8).write(to: URL(fileURLWithPath: sandbox.file("parties", "wrong-type")))
        try Data("{".utf8).write(to: URL(fileURLWithPath: "\(sandbox.store)/parties/.city-of-salem.json.tmp-99-1"))
        let validate = sandbox.run(["validate"])
        #expect(validate.status == 1)
        #expect(validate.stdout.contains("truncated.json: line"))
        #expect(validate.stdout.contains("wrong-type.json: population"))
        #expect(validate.stdout.contains("2 problem(s)"))
        let list = sandbox.run(["list", "parties", "--format", "json"])
        #expect(list.status == 0)
        let parties = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(parties.count == 6)
        #expect(list.stderr.contains("truncated.json"))
    }

    @Test func listFormatsFiltersAndSearch() throws {
        let sandbox = CobuySandbox()
        sandbox.seed()
        sandbox.run(["new", "party", "--id", "bogota", "--name", "Alcaldía de Bogotá", "--kind", "city", "--region", "CO-DC"])
        let json = sandbox.run(["list", "parties", "--format", "json", "--query", "bogota"])
        let parties = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(parties.count == 1)
        #expect(parties.first?["name"] as? String == "Alcaldía de Bogotá")
        #expect(parties.first?["kind"] as? String == "city" && parties.first?["region"] as? String == "CO-DC")
        let csv = sandbox.run(["list", "parties", "--format", "csv", "--limit", "2"])
        #expect(csv.stdout.split(separator: "\n").first == "id,name,kind,region,population")
        #expect(csv.stdout.split(separator: "\n").count == 3)
        let id = sandbox.run(["new", "solicitation", "--title", "Salt", "--lead", "city-of-salem"], as: CobuySandbox.salem).lastLine
        #expect(id.hasPrefix("SOL-"))
        let drafts = sandbox.run(["list", "solicitations", "--status", "draft", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(drafts.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == [id])
        #expect(rows.first?["status"] as? String == "draft" && rows.first?["title"] as? String == "Salt")
        #expect(sandbox.run(["list", "solicitations", "--status", "complete"]).stdout.contains("No solicitations match"))
    }

    @Test func theSampleStoreValidatesAndMeetsItsBrief() throws {
        let sandbox = CobuySandbox()
        #expect(sandbox.run(["init", "--sample"]).status == 0)
        #expect(sandbox.run(["validate"]).status == 0)
        func rows(_ kind: String) throws -> [[String: Any]] {
            let data = Data(sandbox.run(["list", kind, "--format", "json"]).stdout.utf8)
            return (try JSONSerialization.jsonObject(with: data) as? [[String: Any]]) ?? []
        }
        let parties = try rows("parties")
        #expect(parties.count >= 12)
        #expect(Set(parties.compactMap { ($0["region"] as? String)?.prefix(5) }.filter { $0.hasPrefix("US-") }).count >= 3)
        let statuses = Set(try rows("solicitations").compactMap { $0["status"] as? String })
        #expect(statuses == ["draft", "forming", "formed", "soliciting", "evaluating", "awarded", "complete", "cancelled", "unsuccessful"])
        #expect(try rows("contracts").count >= 15)
        #expect(try rows("addenda").count >= 8)
    }

    @Test func aNonTerminalGetsTheDashboardAsText() {
        let sandbox = CobuySandbox()
        sandbox.seed()
        let output = sandbox.run([])
        #expect(output.status == 0)
        #expect(output.stdout.contains("Solicitations closing"))
    }
}
