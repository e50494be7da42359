import Foundation
import Testing

/// The binary finds its store, clock and officer as docs/DESIGN.md §2 orders them.
@Suite struct EnvironmentCommandTests {
    @Test func theStoreComesFromTheFlagThenCOBUY_STOREThenXDG_DATA_HOME() throws {
        let sandbox = try CobuySandbox()
        // Only XDG_DATA_HOME: the store goes to $XDG_DATA_HOME/cobuy/store.
        let xdg = sandbox.run(["init"], environment: ["COBUY_STORE": nil])
        #expect(xdg.status == 0, "\(xdg)")
        #expect(FileManager.default.fileExists(atPath: "\(sandbox.folder)/data/cobuy/store/cobuy.json"))
        sandbox.must(["new", "party", "--id", "in-xdg", "--name", "In XDG", "--kind", "city", "--region", "US-OR", "--store",
                      "\(sandbox.folder)/data/cobuy/store"])
        // COBUY_STORE beats XDG_DATA_HOME.
        sandbox.must(["init"])
        sandbox.must(["new", "party", "--id", "in-env", "--name", "In Env", "--kind", "city", "--region", "US-OR"])
        // --store beats COBUY_STORE.
        let flagged = "\(sandbox.folder)/flagged"
        sandbox.must(["init", "--store", flagged])
        sandbox.must(["new", "party", "--id", "in-flag", "--name", "In Flag", "--kind", "city", "--region", "US-OR", "--store", flagged])

        func ids(_ arguments: [String], environment: [String: String?] = [:]) -> [String] {
            let output = sandbox.run(["list", "parties", "--format", "json"] + arguments, environment: environment)
            let rows = (try? JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]]) ?? []
            return rows.compactMap { $0["id"] as? String }
        }
        #expect(ids([], environment: ["COBUY_STORE": nil]) == ["in-xdg"])
        #expect(ids([]) == ["in-env"])
        #expect(ids(["--store", flagged]) == ["in-flag"])
    }

    @Test func theOfficerComesFromFlagsThenEnvironmentThenTheConfigFile() throws {
        let sandbox = try CobuySandbox()
        sandbox.seed()
        let id = sandbox.must(["new", "solicitation", "--title", "Salt", "--lead", "city-of-salem"], as: .salem).lastLine
        try FileManager.default.createDirectory(atPath: "\(sandbox.folder)/config/cobuy", withIntermediateDirectories: true)
        try Data(#"{"name": "Config Person", "party": "city-of-salem"}"#.utf8)
            .write(to: URL(fileURLWithPath: "\(sandbox.folder)/config/cobuy/config.json"))
        func lastEntry() -> (String?, String?) {
            let entry = (sandbox.json(id)?["history"] as? [[String: Any]])?.last
            return (entry?["actor"] as? String, entry?["party"] as? String)
        }
        let add = ["do", id, "add-line", "--text", "Salt", "--quantity", "1", "--unit", "ton"]
        sandbox.must(add)
        #expect(lastEntry() == ("Config Person", "city-of-salem"))
        let env = sandbox.run(add, environment: ["COBUY_ACTOR": "Env Person", "COBUY_PARTY": "city-of-salem"])
        #expect(env.status == 0, "\(env)")
        #expect(lastEntry() == ("Env Person", "city-of-salem"))
        let flags = sandbox.run(add + ["--as", "Flag Person", "--for", "city-of-salem"],
                                environment: ["COBUY_ACTOR": "Env Person", "COBUY_PARTY": "marion-county"])
        #expect(flags.status == 0, "\(flags)")
        #expect(lastEntry() == ("Flag Person", "city-of-salem"))
        // The environment's party outranks the config's: marion-county may not add lines to Salem's draft.
        let wrongParty = sandbox.run(add, environment: ["COBUY_PARTY": "marion-county"])
        wrongParty.expectRefusal()
        #expect(wrongParty.stderr.contains("[guard: role]") && wrongParty.stderr.contains("marion-county"), "\(wrongParty)")
    }

    @Test func COBUY_NOWStampsTheAuditTrail() throws {
        let sandbox = try CobuySandbox()
        sandbox.seed()
        sandbox.now = "2026-06-30T23:59:59+02:00"
        let id = sandbox.must(["new", "solicitation", "--title", "Salt", "--lead", "city-of-salem"], as: .salem).lastLine
        #expect(id.hasPrefix("SOL-2026-"))
        let history = try #require(sandbox.json(id)?["history"] as? [[String: Any]])
        #expect(history.first?["at"] as? String == "2026-06-30T21:59:59Z")
    }
}
