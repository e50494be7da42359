import Foundation
import Testing

/// Usage errors exit 64 and change nothing; nothing ever prints a stack trace.
@Suite struct UsageErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var arguments: [String]
        var acting: Acting? = .salem
        var environment: [String: String?] = [:]
        var mentions: [String] = []
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "unknown action", arguments: ["do", "$SOL", "fly"], mentions: ["fly", "add-line"]),
        Case(name: "missing required flag", arguments: ["do", "$SOL", "add-line", "--text", "Sedan", "--unit", "each"], mentions: ["--quantity"]),
        Case(name: "flag without its value", arguments: ["do", "$SOL", "add-line", "--text", "Sedan", "--unit", "each", "--quantity"],
             mentions: ["--quantity"]),
        Case(name: "bad date format", arguments: ["do", "$SOL", "set-tender", "--number", "1", "--date", "March 1st"], mentions: ["YYYY-MM-DD"]),
        Case(name: "impossible date", arguments: ["do", "$SOL", "set-tender", "--number", "1", "--date", "2026-02-30"], mentions: ["2026-02-30"]),
        Case(name: "not a number", arguments: ["do", "$SOL", "add-line", "--text", "S", "--quantity", "lots", "--unit", "each"], mentions: ["lots"]),
        Case(name: "a number too large", arguments: ["do", "$SOL", "add-line", "--text", "S", "--quantity", "99999999999999999999", "--unit", "u"]),
        Case(name: "not an amount", arguments: ["do", "$SOL", "set-cost-sharing", "--method", "equal", "--total", "cheap"]),
        Case(name: "unknown flag", arguments: ["do", "$SOL", "add-line", "--colour", "red"], mentions: ["--colour"]),
        Case(name: "flag given twice", arguments: ["do", "$SOL", "invite", "--party", "city-of-bend", "--party", "city-of-bend"]),
        Case(name: "stray word", arguments: ["do", "$SOL", "circulate", "now"]),
        Case(name: "unknown command", arguments: ["frobnicate"], acting: nil),
        Case(name: "unknown list kind", arguments: ["list", "widgets"], acting: nil),
        Case(name: "unknown format", arguments: ["list", "parties", "--format", "xml"], acting: nil),
        Case(name: "negative limit", arguments: ["list", "parties", "--limit", "-1"], acting: nil),
        Case(name: "unknown status", arguments: ["list", "contracts", "--status", "open"], acting: nil,
             mentions: ["open", "active", "expired"]),
        Case(name: "new party without kind", arguments: ["new", "party", "--id", "x-town", "--name", "X", "--region", "US-OR"], acting: nil),
        Case(name: "no acting officer", arguments: ["do", "$SOL", "circulate"], acting: nil, mentions: ["--as NAME --for PARTY"]),
        Case(name: "bad COBUY_NOW", arguments: ["do", "$SOL", "circulate"], environment: ["COBUY_NOW": "next tuesday"],
             mentions: ["COBUY_NOW", "next tuesday"]),
    ]

    @Test func usageErrorsExitSixtyFourAndChangeNothing() throws {
        let sandbox = try CobuySandbox()
        let ids = Scenario(name: "draft", steps: Stage.draft).run(in: sandbox)
        let solicitation = try #require(ids["SOL"])
        for item in Self.cases {
            let before = sandbox.snapshot()
            let output = sandbox.run(item.arguments.map { $0.replacingOccurrences(of: "$SOL", with: solicitation) }, as: item.acting,
                                     environment: item.environment)
            #expect(output.status == 64, "\(item.name): \(output)")
            #expect(!output.crashed, "\(item.name): \(output)")
            #expect(!output.stderr.isEmpty, "\(item.name): says why")
            for word in item.mentions { #expect(output.stderr.contains(word), "\(item.name) mentions \(word): \(output)") }
            #expect(sandbox.snapshot() == before, "\(item.name) changed the store")
        }
    }

    @Test func refusalsOutsideTheGuardsAreOneLineToo() throws {
        let sandbox = try CobuySandbox()
        sandbox.seed()
        for arguments in [["show", "SOL-1999-0001"], ["actions", "PA-1999-0001"], ["do", "SOL-1999-0001", "circulate", "--as", "A", "--for", "city-of-salem"],
                          ["show", "../../etc/passwd"]] {
            let output = sandbox.run(arguments)
            output.expectRefusal()
            #expect(output.stderr.contains(arguments[1]), "\(output)")
        }
        // Acting for a party the store does not know.
        let id = sandbox.must(["new", "solicitation", "--title", "Salt", "--lead", "city-of-salem"], as: .salem).lastLine
        let stranger = sandbox.run(["do", id, "add-line", "--text", "x", "--quantity", "1", "--unit", "each"], as: Acting(name: "X", party: "atlantis"))
        stranger.expectRefusal()
        #expect(stranger.stderr.contains("atlantis"))
        // A folder that is not a store.
        let elsewhere = sandbox.run(["list", "parties"], environment: ["COBUY_STORE": "\(sandbox.folder)/nowhere"])
        elsewhere.expectRefusal()
        #expect(elsewhere.stderr.contains("not a Cobuy store"))
        #expect(!FileManager.default.fileExists(atPath: "\(sandbox.folder)/nowhere"), "no store scattered by a typo")
    }

    @Test func idsAreReadWithoutRegardToCase() throws {
        let sandbox = try CobuySandbox()
        let ids = Scenario(name: "draft", steps: Stage.draft).run(in: sandbox)
        let id = try #require(ids["SOL"])
        let shown = sandbox.must(["show", id.lowercased()])
        #expect(shown.stdout.contains(id), "\(shown)")
        let party = sandbox.must(["show", "City-Of-Salem"])
        #expect(party.stdout.contains("city-of-salem"), "\(party)")
        sandbox.must(["do", id.lowercased(), "add-line", "--text", "Sand", "--quantity", "5", "--unit", "ton"], as: .salem)
    }

    /// Numbers past the limits are refused naming the limit (issue 14); the largest allowed
    /// ones go through a whole formation and cost sharing without a crash.
    @Test func extremeNumbersNeverCrash() throws {
        let sandbox = try CobuySandbox()
        sandbox.must(["init"])
        let tooMany = sandbox.run(["new", "party", "--id", "x", "--name", "x", "--kind", "city", "--region", "US-OR",
                                   "--population", "9223372036854775807"])
        #expect(tooMany.status == 64 && tooMany.stderr.contains("10,000,000,000"), "\(tooMany)")
        for id in ["huge-city", "huge-county"] {
            sandbox.must(["new", "party", "--id", id, "--name", id, "--kind", id == "huge-city" ? "city" : "county", "--region", "US-OR",
                          "--population", "10000000000"])
        }
        let lead = Acting(name: "A", party: "huge-city"), partner = Acting(name: "B", party: "huge-county")
        let id = sandbox.must(["new", "solicitation", "--title", "Salt", "--lead", "huge-city"], as: lead).lastLine
        let tooMuch = sandbox.run(["do", id, "add-line", "--text", "Salt", "--quantity", "9223372036854775807", "--unit", "ton"], as: lead)
        #expect(tooMuch.status == 64 && tooMuch.stderr.contains("1,000,000,000"), "\(tooMuch)")
        sandbox.must(["do", id, "add-line", "--text", "Salt", "--quantity", "1000000000", "--unit", "ton"], as: lead)
        sandbox.must(["do", id, "invite", "--party", "huge-county"], as: lead)
        sandbox.must(["do", id, "circulate"], as: lead)
        sandbox.must(["do", id, "join", "--party", "huge-county", "--quantity", "1000000000"], as: partner)
        sandbox.must(["do", id, "sign-agreement", "--party", "huge-county", "--signer", "B"], as: partner)
        sandbox.must(["do", id, "sign-agreement", "--party", "huge-city", "--signer", "A"], as: lead)
        sandbox.must(["do", id, "form"], as: lead)
        let sharing = sandbox.run(["do", id, "set-cost-sharing", "--method", "population", "--total", "9,999,999,999,999.99"], as: lead)
        #expect(!sharing.crashed, "\(sharing)")
        for arguments in [["list", "solicitations"], ["actions", id, "--for", "huge-city"], ["validate"], ["show", id, "--format", "json"]] {
            let output = sandbox.run(arguments)
            #expect(!output.crashed && output.status == 0, "\(output)")
        }
        let show = sandbox.run(["show", id])
        #expect(!show.crashed && show.status == 0, "\(show)")
    }
}
