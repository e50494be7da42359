import Foundation
import Testing

/// `cobuy list work --for PARTY`: the UI's "My work" on the command line, from the same core function.
@Suite struct WorkListTests {
    func circulated() throws -> (CobuySandbox, String) {
        let sandbox = try CobuySandbox()
        sandbox.seed()
        let id = sandbox.must(["new", "solicitation", "--title", "Road salt 2027", "--lead", "city-of-salem"], as: .salem).lastLine
        sandbox.must(["do", id, "add-line", "--text", "Rock salt", "--quantity", "500", "--unit", "ton"], as: .salem)
        sandbox.must(["do", id, "invite", "--party", "marion-county"], as: .salem)
        sandbox.must(["do", id, "circulate"], as: .salem)
        return (sandbox, id)
    }

    @Test func eachPartySeesItsOwnStep() throws {
        let (sandbox, id) = try circulated()
        let marion = sandbox.must(["list", "work", "--for", "marion-county"])
        #expect(marion.stdout == "\(id)  join  Road salt 2027 — you are invited: join (or decline with withdraw)\n", "\(marion)")
        let salem = sandbox.must(["list", "work", "--for", "city-of-salem"])
        #expect(salem.stdout.contains("\(id)  sign-agreement  Road salt 2027 — sign the cooperative agreement"), "\(salem)")
        let bend = sandbox.must(["list", "work", "--for", "city-of-bend"])
        #expect(bend.stdout == "Nothing waits for city-of-bend.\n")
    }

    @Test func jsonNamesTheActionOfEachEntry() throws {
        let (sandbox, id) = try circulated()
        let output = sandbox.must(["list", "work", "--for", "marion-county", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: String]])
        #expect(rows.count == 1)
        #expect(rows.first?["id"] == id)
        #expect(rows.first?["action"] == "join")
    }

    @Test func withoutAKnownPartyItIsAUsageError() throws {
        let (sandbox, _) = try circulated()
        let nobody = sandbox.run(["list", "work"], environment: ["COBUY_PARTY": nil, "COBUY_ACTOR": nil])
        #expect(nobody.status == 64, "\(nobody)")
        #expect(nobody.stderr.contains("--for PARTY"))
        let unknown = sandbox.run(["list", "work", "--for", "marion"])
        #expect(unknown.status == 64, "\(unknown)")
        #expect(unknown.stderr.contains("There is no party marion"))
        let elsewhere = sandbox.run(["list", "solicitations", "--for", "marion-county"])
        #expect(elsewhere.status == 64, "\(elsewhere)")
    }
}

extension WorkListTests {
    @Test func theTextDashboardStartsWithTheActingPartysWork() throws {
        let (sandbox, id) = try circulated()
        let output = sandbox.run([], as: .marion)
        #expect(output.status == 0 && !output.crashed, "\(output)")
        let lines = output.stdout.split(separator: "\n").map(String.init)
        let mine = try #require(lines.firstIndex(of: "My work (marion-county):"), "\(output.stdout)")
        #expect(lines[mine + 1].hasPrefix("  \(id)  join  Road salt 2027"))
        #expect(mine < (lines.firstIndex(of: "Solicitations closing:") ?? 0))
    }
}

extension WorkListTests {
    @Test func actionsSaysTheActingPartysOwnNextStep() throws {
        let (sandbox, id) = try circulated()
        let marion = sandbox.must(["actions", id, "--for", "marion-county"])
        #expect(marion.stdout.contains("\nNext: join — "), "\(marion)")
        sandbox.must(["do", id, "join", "--party", "marion-county"], as: .marion)
        sandbox.must(["do", id, "sign-agreement", "--party", "marion-county", "--signer", "D. B."], as: .marion)
        // Marion's steps are done: it waits on the lead, and says so rather than showing the lead's step as its own.
        let after = sandbox.must(["actions", id, "--for", "marion-county", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [String: Any])
        #expect(object["next"] as? String == "nothing for you; waiting on City of Salem to sign-agreement")
    }
}
