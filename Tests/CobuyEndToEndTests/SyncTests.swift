import Foundation
import Testing

/// A consortium sharing one store through real git: a bare repository in the sandbox and
/// members' clones, each with its own git identity, synced with the real binary.
struct Consortium {
    let sandbox: CobuySandbox
    var remote: String { "\(sandbox.folder)/remote.git" }

    struct Member {
        var acting: Acting
        var email: String
        var folder: String
    }

    static let salem = Member(acting: .salem, email: "ana@cityofsalem.net", folder: "salem")
    static let marion = Member(acting: .marion, email: "solsen@co.marion.or.us", folder: "marion")
    static let salemTwo = Member(acting: Acting(name: "Bo Lind", party: "city-of-salem"), email: "blind@cityofsalem.net", folder: "salem-2")

    func store(_ member: Member) -> String { "\(sandbox.folder)/\(member.folder)" }

    func environment(_ member: Member) -> [String: String?] {
        ["COBUY_STORE": store(member), "GIT_AUTHOR_NAME": member.acting.name, "GIT_AUTHOR_EMAIL": member.email,
         "GIT_COMMITTER_NAME": member.acting.name, "GIT_COMMITTER_EMAIL": member.email, "GIT_CONFIG_NOSYSTEM": "1"]
    }

    @discardableResult
    func run(_ member: Member, _ arguments: [String], now: String? = nil) -> RunOutput {
        var extra = environment(member)
        if let now { extra["COBUY_NOW"] = now }
        // sync, list and validate name no officer; the commands that act do.
        let acts = ["new", "do", "share"].contains(arguments.first ?? "")
        return sandbox.run(arguments, as: acts ? member.acting : nil, environment: extra)
    }

    func must(_ member: Member, _ arguments: [String], now: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let output = run(member, arguments, now: now)
        #expect(output.status == 0, "\(output)", sourceLocation: sourceLocation)
        return output.lastLine
    }

    /// Salem sets up a store (three parties, a contract, a draft addendum and a leadless draft
    /// solicitation with Marion invited), shares it, and the other two clone it.
    init() throws {
        sandbox = try CobuySandbox()
        #expect(sandbox.execute("/usr/bin/env", ["git", "init", "--quiet", "--bare", "-b", "main", "\(sandbox.folder)/remote.git"],
                                environment: sandbox.environment).status == 0)
        let salem = Consortium.salem
        #expect(sandbox.run(["init"], environment: environment(salem)).status == 0)
        _ = must(salem, ["new", "party", "--id", "city-of-salem", "--name", "City of Salem", "--kind", "city", "--region", "US-OR"])
        _ = must(salem, ["new", "party", "--id", "marion-county", "--name", "Marion County", "--kind", "county", "--region", "US-OR"])
        _ = must(salem, ["new", "party", "--id", "acme-fleet", "--name", "Acme Fleet", "--kind", "vendor", "--region", "US-WA"])
        // Marion County's contract, which Salem joins (a lead is no joiner of its own contract).
        _ = must(salem, ["new", "contract", "--title", "Fleet maintenance", "--lead", "marion-county", "--vendor", "acme-fleet",
                         "--kinds", "all", "--regions", "all"])
        // Only an active contract with term left can be joined (the core's join gate); its lead signs it.
        let signed = sandbox.run(["do", "CON-2026-0001", "sign", "--date", "2026-01-05", "--end", "2029-01-04"],
                                 as: Consortium.marion.acting, environment: environment(salem))
        #expect(signed.status == 0, "\(signed)")
        _ = must(salem, ["new", "addendum", "--contract", "CON-2026-0001", "--party", "city-of-salem"])
        _ = must(salem, ["new", "solicitation", "--title", "Road salt"])
        _ = must(salem, ["do", "SOL-2026-0001", "invite", "--party", "marion-county"])
        _ = must(salem, ["share", "init", "--remote", remote])
        _ = must(Consortium.marion, ["share", "clone", remote, "--store", store(Consortium.marion)])
        _ = must(Consortium.salemTwo, ["share", "clone", remote, "--store", store(Consortium.salemTwo), "--member", "BOL"])
        for member in [Consortium.marion, Consortium.salemTwo, Consortium.salem] { _ = must(member, ["sync"]) }
    }

    /// Every record file of a member's store, by path.
    func records(_ member: Member) -> [String: Data] {
        var files: [String: Data] = [:]
        for folder in ["parties", "solicitations", "contracts", "addenda"] {
            let path = "\(store(member))/\(folder)"
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where name.hasSuffix(".json") {
                files["\(folder)/\(name)"] = FileManager.default.contents(atPath: "\(path)/\(name)")
            }
        }
        return files
    }
}

@Suite(.serialized) struct SyncTests {
    @Test func threeMembersWorkingApartEndWithIdenticalRecordsAndNoEventLost() throws {
        let consortium = try Consortium()
        let (salem, marion, salemTwo) = (Consortium.salem, Consortium.marion, Consortium.salemTwo)
        let ids = [consortium.must(salem, ["new", "solicitation", "--title", "Asphalt"]),
                   consortium.must(marion, ["new", "solicitation", "--title", "Culverts"]),
                   consortium.must(salemTwo, ["new", "solicitation", "--title", "Sand"])]
        #expect(Set(ids).count == 3, "ids taken twice: \(ids)")
        #expect(ids == ["SOL-2026-COS-0001", "SOL-2026-MC-0001", "SOL-2026-BOL-0001"])
        _ = consortium.must(salem, ["do", "SOL-2026-0001", "add-line", "--text", "Rock salt", "--quantity", "400", "--unit", "ton"])
        _ = consortium.must(marion, ["do", "SOL-2026-0001", "add-line", "--text", "Brine", "--quantity", "9000", "--unit", "gallon"])
        for member in [salem, marion, salemTwo, salem, marion] { _ = consortium.must(member, ["sync"]) }

        let reference = consortium.records(salem)
        #expect(consortium.records(marion) == reference)
        #expect(consortium.records(salemTwo) == reference)
        let all = reference.values.map { String(decoding: $0, as: UTF8.self) }
        // 3 parties, the contract (created, signed), the addendum, the draft (created, invited,
        // two lines) and three new solicitations.
        #expect(all.reduce(0) { $0 + $1.components(separatedBy: "\"sequence\"").count - 1 } == 13)
        #expect(!all.contains { $0.contains("\"conflict\"") })
        // No text merge left its markers, and no event id appears twice across the store.
        #expect(!all.contains { $0.contains("<<<<<<<") || $0.contains(">>>>>>>") || $0.contains("\n=======\n") })
        let eventID = try NSRegularExpression(pattern: "\"id\" : \"[0-9a-f]{16}\"")
        let eventIDs = all.flatMap { text in
            eventID.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
        }
        #expect(eventIDs.count == 13 && Set(eventIDs).count == eventIDs.count, "\(eventIDs)")
        let draft = String(decoding: reference["solicitations/SOL-2026-0001.json"] ?? Data(), as: UTF8.self)
        #expect(draft.contains("Rock salt") && draft.contains("Brine"))
        for member in [salem, marion, salemTwo] {
            #expect(consortium.run(member, ["validate"]).status == 0)
        }
    }

    @Test func aFieldWrittenTwoWaysIsKeptNamedBySyncAndResolved() throws {
        let consortium = try Consortium()
        let (salem, salemTwo) = (Consortium.salem, Consortium.salemTwo)
        _ = consortium.must(salem, ["do", "PA-2026-0001", "edit", "--scope", "Light trucks"])
        _ = consortium.must(salemTwo, ["do", "PA-2026-0001", "edit", "--scope", "Heavy trucks"], now: "2026-01-05T09:05:00Z")
        _ = consortium.must(salem, ["sync"])
        let sync = consortium.run(salemTwo, ["sync"])
        #expect(sync.status == 1, "\(sync)")
        #expect(sync.stdout.contains("needs a decision: PA-2026-0001"))
        let file = String(decoding: consortium.records(salemTwo)["addenda/PA-2026-0001.json"] ?? Data(), as: UTF8.self)
        #expect(file.contains("\"Light trucks\"") && file.contains("\"Heavy trucks\"") && file.contains("\"conflict\""))
        let listed = consortium.run(salemTwo, ["list", "conflicts"])
        #expect(listed.stdout.contains("PA-2026-0001  scope:"))
        #expect(listed.stdout.contains("Ana Ruiz") && listed.stdout.contains("Bo Lind"))
        _ = consortium.must(salemTwo, ["do", "PA-2026-0001", "resolve"])
        _ = consortium.must(salemTwo, ["sync"])
        _ = consortium.must(salem, ["sync"])
        let resolved = String(decoding: consortium.records(salem)["addenda/PA-2026-0001.json"] ?? Data(), as: UTF8.self)
        #expect(!resolved.contains("\"conflict\""))
        #expect(resolved.contains("\"action\" : \"resolve\""))
        #expect(consortium.run(salem, ["list", "conflicts"]).stdout.contains("No record needs a decision."))
    }

    @Test func anEditMadeForAnotherPartyIsRefusedNamingItsCommit() throws {
        let consortium = try Consortium()
        let (salem, marion) = (Consortium.salem, Consortium.marion)
        // Marion's officer acts for Salem in Marion's own clone, and pushes it.
        let forged = consortium.sandbox.run(["do", "PA-2026-0001", "edit", "--scope", "Marion wrote this"],
                                            as: Acting(name: "Søren Olsen", party: "city-of-salem"), environment: consortium.environment(marion))
        #expect(forged.status == 0, "\(forged)")
        let own = consortium.run(marion, ["sync"])
        #expect(own.status == 1, "\(own)")
        #expect(own.stdout.contains("not sent"))
        // A member who pushes it anyway, with plain git, is refused by everyone else.
        let push = consortium.sandbox.execute("/usr/bin/env", ["git", "-C", consortium.store(marion), "push", "--quiet", "origin", "main"],
                                              environment: consortium.sandbox.environment)
        #expect(push.status == 0, "\(push)")
        let sync = consortium.run(salem, ["sync"])
        #expect(sync.status == 1)
        #expect(sync.stderr.contains("by solsen@co.marion.or.us") && sync.stderr.contains("addenda/PA-2026-0001.json"))
        let kept = String(decoding: consortium.records(salem)["addenda/PA-2026-0001.json"] ?? Data(), as: UTF8.self)
        #expect(!kept.contains("Marion wrote this"))
    }

    @Test func syncRefusesWhereTheMergeDriverIsNotRegistered() throws {
        let consortium = try Consortium()
        let plain = "\(consortium.sandbox.folder)/plain"
        let clone = consortium.sandbox.execute("/usr/bin/env", ["git", "clone", "--quiet", consortium.remote, plain],
                                               environment: consortium.sandbox.environment)
        #expect(clone.status == 0, "\(clone)")
        let sync = consortium.sandbox.run(["sync", "--store", plain])
        #expect(sync.status == 1)
        #expect(sync.stderr.contains("merge driver is not registered"))
        #expect(consortium.sandbox.run(["sync", "--bogus"]).status == 64)
    }
}

/// The consortium simulation at a small size: members take random valid actions between
/// syncs in a random order; all stores must end identical with every event made in them.
@Suite struct SyncSimulationTests {
    @Test func randomMembersSyncingInRandomOrderConverge() throws {
        let sandbox = try CobuySandbox()
        let bench = URL(fileURLWithPath: sandbox.binary).deletingLastPathComponent().appendingPathComponent("cobuy-bench").path
        try #require(FileManager.default.isExecutableFile(atPath: bench), "cobuy-bench is not beside cobuy")
        let output = sandbox.execute(bench, ["simulate", "4", "8", "2", "3"],
                                     environment: sandbox.environment.merging(["GIT_CONFIG_NOSYSTEM": "1", "TMPDIR": sandbox.folder + "/"]) { $1 },
                                     timeout: 600)
        #expect(output.status == 0, "\(output)")
        for check in ["records byte-identical on all 4 members", "events made", "no id twice", "no conflict markers", "validate clean on every member"] {
            #expect(output.stdout.contains("  ok   \(check)"), "\(check): \(output.stdout)")
        }
        #expect(!output.stdout.contains("FAIL"))
        #expect(output.stdout.contains("all invariants hold"))
        // Progress is printed round by round.
        #expect(output.stdout.contains("  round 1: ") && output.stdout.contains("  round 2: "))
    }
}
