import CobuyStore
import Foundation
import Testing

/// A store with bad files still works: `validate` names them, `list` shows the rest.
@Suite struct BrokenStoreTests {
    @Test func validateNamesTheBadFilesAndListShowsEveryGoodRecord() throws {
        let sandbox = try CobuySandbox()
        sandbox.seed()
        let goodSolicitation = sandbox.must(["new", "solicitation", "--title", "Salt", "--lead", "city-of-salem"], as: .salem).lastLine
        let text = String(decoding: try #require(sandbox.bytes(sandbox.file("parties", "marion-county"))), as: UTF8.self)
        let truncatedPath = sandbox.file("parties", "truncated")
        let wrongTypePath = sandbox.file("parties", "wrong-type")
        try Data(text.prefix(text.count / 2).utf8).write(to: URL(fileURLWithPath: truncatedPath))
        try Data(text.replacingOccurrences(of: "\"population\" : 1000", with: "\"population\" : \"many\"")
            .replacingOccurrences(of: "marion-county", with: "wrong-type").utf8).write(to: URL(fileURLWithPath: wrongTypePath))
        let temporaryName = ".city-of-salem.json.tmp-4242-17"
        try Data("{\"id\" : \"city-of-sa".utf8).write(to: URL(fileURLWithPath: "\(sandbox.store)/parties/\(temporaryName)"))
        try Data("{".utf8).write(to: URL(fileURLWithPath: "\(sandbox.store)/parties/.editor-backup.json"))
        let before = sandbox.snapshot()

        let validate = sandbox.run(["validate"])
        #expect(validate.status != 0 && !validate.crashed, "\(validate)")
        let lines = validate.stdout.split(separator: "\n").map(String.init)
        let truncatedLine = try #require(lines.first { $0.hasPrefix("\(truncatedPath): ") }, "\(validate)")
        #expect(truncatedLine.range(of: #": line \d+, column \d+: not valid JSON"#, options: .regularExpression) != nil, "\(truncatedLine)")
        let wrongTypeLine = try #require(lines.first { $0.hasPrefix("\(wrongTypePath): ") }, "\(validate)")
        #expect(wrongTypeLine.hasPrefix("\(wrongTypePath): population: "), "\(wrongTypeLine)")
        #expect(wrongTypeLine.contains("expected a number"))
        #expect(validate.stdout.contains("2 problems found"), "exactly the two bad files: \(validate)")
        #expect(lines.contains { $0.contains(temporaryName) && $0.hasPrefix("note:") }, "the temporary is a note, not a problem")
        #expect(!validate.stdout.contains("editor-backup"))

        let parties = sandbox.run(["list", "parties", "--format", "json"])
        #expect(parties.status == 0 && !parties.crashed, "\(parties)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(parties.stdout.utf8)) as? [[String: Any]], "\(parties)")
        #expect(Set(rows.compactMap { $0["id"] as? String })
                == ["city-of-salem", "marion-county", "city-of-bend", "city-of-austin", "salem-keizer-sd", "acme-fleet", "northwind"])
        #expect(parties.stderr.contains(truncatedPath) && parties.stderr.contains(wrongTypePath), "skipped files are reported: \(parties)")
        #expect(!parties.stderr.contains(temporaryName))
        #expect(parties.stderrLines.count == 2, "\(parties)")

        // Other kinds, and actions on good records, are unaffected.
        let solicitations = try sandbox.jsonRows(["list", "solicitations", "--format", "json"])
        #expect(solicitations.compactMap { $0["id"] as? String } == [goodSolicitation])
        sandbox.must(["do", goodSolicitation, "add-line", "--text", "Salt", "--quantity", "5", "--unit", "ton"], as: .salem)

        // Reading a bad record by id is a one-line refusal; the bad files are never rewritten.
        let show = sandbox.run(["show", "wrong-type"])
        show.expectRefusal()
        #expect(show.stderr.contains(wrongTypePath) && show.stderr.contains("population"), "\(show)")
        let after = sandbox.snapshot()
        for name in ["parties/truncated.json", "parties/wrong-type.json", "parties/\(temporaryName)"] {
            #expect(after[name] == before[name], "\(name) was touched")
        }
    }

    @Test func aBrokenSolicitationIsSkippedByListAndNamedByValidate() throws {
        let sandbox = try CobuySandbox()
        let ids = Scenario(name: "two drafts", steps: Stage.draft + [
            .ok(.salem, ["new", "solicitation", "--title", "Second", "--lead", "city-of-salem"], capture: ("SOL2", "SOL-")),
        ]).run(in: sandbox)
        let broken = try #require(ids["SOL"]), good = try #require(ids["SOL2"])
        let path = sandbox.file("solicitations", broken)
        let text = String(decoding: try #require(sandbox.bytes(path)), as: UTF8.self)
        try Data(text.replacingOccurrences(of: "\"status\" : \"invited\"", with: "\"status\" : 7").utf8).write(to: URL(fileURLWithPath: path))
        let validate = sandbox.run(["validate"])
        #expect(validate.status == 1)
        #expect(validate.stdout.contains("\(path): partners[1].status: "), "\(validate)")
        let list = sandbox.run(["list", "solicitations", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(rows.compactMap { $0["id"] as? String } == [good])
        #expect(list.stderr.contains(path))
        // Acting on it is refused and leaves it as it was.
        let before = sandbox.bytes(path)
        let refused = sandbox.run(["do", broken, "circulate"], as: .salem)
        refused.expectRefusal()
        #expect(sandbox.bytes(path) == before)
    }
}
