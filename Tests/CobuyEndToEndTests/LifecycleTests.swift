import CobuyStore
import Foundation
import Testing

/// `Tests/scripts/full-lifecycle.sh` against the real binary: a joint solicitation to complete
/// and a piggyback addendum to executed, with an audit trail that shows its work.
@Suite struct LifecycleTests {
    static let script = CobuySandbox.repositoryRoot.appendingPathComponent("Tests/scripts/full-lifecycle.sh").path

    /// Runs the script into `sandbox.store`; returns `solicitation`, `contract` and `addendum` ids.
    static func runScript(in sandbox: CobuySandbox) throws -> [String: String] {
        try #require(FileManager.default.fileExists(atPath: script), "missing \(script)")
        var environment = sandbox.environment
        environment["COBUY_STORE"] = nil
        environment["COBUY_NOW"] = nil
        let output = sandbox.execute("/bin/bash", [script, sandbox.binary, sandbox.store], environment: environment)
        try #require(output.status == 0, "\(output)")
        #expect(!output.crashed, "\(output)")
        var ids: [String: String] = [:]
        for pair in output.lastLine.split(separator: " ") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { ids[String(parts[0])] = String(parts[1]) }
        }
        try #require(ids.keys.sorted() == ["addendum", "contract", "solicitation"], "\(output.lastLine)")
        return ids
    }

    @Test func theScriptReachesCompleteActiveAndExecutedWithAFullAuditTrail() throws {
        let sandbox = try CobuySandbox()
        let ids = try Self.runScript(in: sandbox)
        let expected: [(kind: String, status: String, chain: [String])] = [
            ("solicitation", "complete", ["draft", "forming", "formed", "soliciting", "evaluating", "awarded", "complete"]),
            ("contract", "active", ["pending", "active"]),
            ("addendum", "executed", ["draft", "submitted", "approved", "executed"]),
        ]
        for (kind, status, chain) in expected {
            let id = try #require(ids[kind])
            let show = sandbox.run(["show", id, "--format", "json"])
            #expect(show.status == 0 && show.stderr.isEmpty, "\(show)")
            let record = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any], "\(show)")
            #expect(record["id"] as? String == id)
            #expect(record["status"] as? String == status, "\(kind)")
            // `show --format json` prints the file's own fields.
            let file = "\(sandbox.store)/\(["solicitation": "solicitations", "contract": "contracts", "addendum": "addenda"][kind]!)/\(id).json"
            #expect(show.stdout == String(decoding: sandbox.bytes(file) ?? Data(), as: UTF8.self), "\(kind): show --format json is the file")

            let history = try #require(record["history"] as? [[String: Any]])
            try #require(!history.isEmpty)
            #expect(record["revision"] as? Int == history.count, "\(kind): one write per history entry")
            var visited: [String] = []
            var previousTime = ""
            for (index, entry) in history.enumerated() {
                let where_ = "\(kind) history[\(index)]"
                #expect(entry["sequence"] as? Int == index + 1, "\(where_)")
                for field in ["actor", "party", "at", "action", "to"] {
                    #expect(!((entry[field] as? String) ?? "").isEmpty, "\(where_) lacks \(field): \(entry)")
                }
                let time = entry["at"] as? String ?? ""
                #expect(time.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"#, options: .regularExpression) != nil, "\(where_): \(time)")
                #expect(time >= previousTime, "\(where_): time goes backwards")
                previousTime = time
                if index == 0 {
                    #expect(entry["from"] == nil, "\(where_): the first entry has no state before")
                } else {
                    #expect(entry["from"] as? String == history[index - 1]["to"] as? String, "\(where_): the states chain")
                }
                let to = entry["to"] as? String ?? ""
                if visited.last != to { visited.append(to) }
            }
            #expect(visited == chain, "\(kind)")
            #expect(history.last?["to"] as? String == status)
        }

        let solicitation = try #require(sandbox.json(ids["solicitation"]!))
        let contract = try #require(sandbox.json(ids["contract"]!))
        let addendum = try #require(sandbox.json(ids["addendum"]!))
        #expect((solicitation["awards"] as? [[String: Any]])?.first?["contract"] as? String == ids["contract"])
        #expect(addendum["contract"] as? String == ids["contract"])
        #expect(addendum["party"] as? String == "city-of-bend")
        #expect(addendum["participantSignature"] != nil && addendum["vendorSignature"] != nil)
        #expect(addendum["effectiveDate"] as? String == "2026-04-03", "effective on the later signature")
        #expect((addendum["localTerms"] as? [[String: Any]])?.contains { $0["topic"] as? String == "Insurance" } == true,
                "local terms pre-filled from the party's statutory terms")
        #expect((addendum["estimatedAnnualSpend"] as? [String: Any])?["amount"] as? Int == 45_000_000, "money in minor units")
        #expect(contract["vendor"] as? String == "acme-fleet")
        // Actors and parties as the script set them.
        let addendumHistory = addendum["history"] as? [[String: Any]] ?? []
        #expect(addendumHistory.first { $0["action"] as? String == "approve" }?["party"] as? String == "city-of-salem")
        #expect(addendumHistory.last?["actor"] as? String == "Pat Lee")
        #expect(addendumHistory.last?["party"] as? String == "acme-fleet")

        // complete drafted an addendum for the partner that signed (marion-county), not for the lead.
        let addenda = try sandbox.jsonRows(["list", "addenda", "--format", "json"])
        let drafted = addenda.filter { $0["status"] as? String == "draft" }.compactMap { $0["party"] as? String }
        #expect(drafted == ["marion-county"], "\(addenda)")

        let validate = sandbox.run(["validate"])
        #expect(validate.status == 0, "\(validate)")
        #expect(validate.stdout.contains("all valid"))
        #expect(Store(root: sandbox.store).validate().isValid)
    }
}
