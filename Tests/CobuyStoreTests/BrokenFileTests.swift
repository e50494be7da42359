import CobuyCore
import Foundation
import Testing
@testable import CobuyStore

/// Files that do not parse or break the schema are reported (path, line or field) and skipped.
@Suite struct BrokenFileTests {
    /// A store with two good parties, a truncated file, a file with a wrong type, crash
    /// temporaries and dot-files.
    static func brokenStore() throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        try temporary.party("city-of-salem")
        try temporary.party("marion-county", kind: "county")
        let good = try temporary.text(.party, "marion-county")
        // Cut inside the file: what a torn write without the temporary-and-rename dance would leave.
        try temporary.write(String(good.prefix(good.count / 2)), to: "parties/truncated-one.json")
        try temporary.write(good.replacingOccurrences(of: "\"revision\" : 1", with: "\"revision\" : \"one\"")
            .replacingOccurrences(of: "marion-county", with: "wrong-type"), to: "parties/wrong-type.json")
        try temporary.write("{", to: "parties/.marion-county.json.tmp-123-456")
        try temporary.write("{\"half\": ", to: "parties/x.json.tmp-789-1011")
        try temporary.write("{", to: "parties/.hidden.json")
        try temporary.write("{", to: "parties/.DS_Store")
        return temporary
    }

    @Test func loadAllReturnsTheGoodRecordsAndAProblemForEachBadFile() throws {
        let temporary = try Self.brokenStore()
        let loaded = temporary.store.loadAll(.party)
        #expect(loaded.records.map(\.id).sorted() == ["city-of-salem", "marion-county"])
        #expect(loaded.problems.count == 2, "\(loaded.problems)")

        let truncated = try #require(loaded.problems.first { $0.path.hasSuffix("/parties/truncated-one.json") })
        #expect(truncated.path == temporary.path(.party, "truncated-one"))
        #expect(truncated.location.range(of: #"^line \d+, column \d+$"#, options: .regularExpression) != nil, "\(truncated.location)")
        #expect(truncated.message.contains("not valid JSON"))
        #expect(truncated.description.hasPrefix("\(truncated.path): line "))

        let wrongType = try #require(loaded.problems.first { $0.path.hasSuffix("/parties/wrong-type.json") })
        #expect(wrongType.location == "revision")
        #expect(wrongType.message.contains("expected a number"))
        #expect(wrongType.description.hasPrefix("\(wrongType.path): revision: "))

        // Loading one bad record by id says the same, and nothing is rewritten.
        let before = temporary.snapshot()
        #expect(throws: StoreError.broken(wrongType)) { _ = try temporary.store.load("wrong-type") }
        #expect(temporary.snapshot() == before)
    }

    @Test func temporariesAndDotFilesAreIgnored() throws {
        let temporary = try Self.brokenStore()
        #expect(temporary.store.ids(of: .party) == ["city-of-salem", "marion-county", "truncated-one", "wrong-type"])
        let problems = temporary.store.loadAll(.party).problems.map(\.path)
        #expect(!problems.contains { $0.contains(".tmp-") || $0.contains("/.") })
        #expect(Set(temporary.store.leftoverTemporaries().map { ($0 as NSString).lastPathComponent })
                == [".marion-county.json.tmp-123-456", "x.json.tmp-789-1011"])
    }

    @Test func validateReportsExactlyTheTwoBadFilesAndWarnsAboutTheTemporaries() throws {
        let temporary = try Self.brokenStore()
        let before = temporary.snapshot()
        let report = temporary.store.validate()
        #expect(!report.isValid)
        #expect(report.recordCount == 2)
        #expect(report.problems.map { ($0.path as NSString).lastPathComponent } == ["truncated-one.json", "wrong-type.json"])
        #expect(report.problems.map(\.location).last == "revision")
        for name in [".marion-county.json.tmp-123-456", "x.json.tmp-789-1011"] {
            #expect(report.warnings.contains { $0.contains(name) && $0.contains("interrupted write") }, "\(report.warnings)")
        }
        #expect(report.warnings.count == 2)
        #expect(temporary.snapshot() == before, "validate never rewrites a file")
    }

    @Test func aSyntaxErrorIsLocatedByLineAndColumn() throws {
        let temporary = try TemporaryStore()
        try temporary.write("{\n  \"id\" : \"bad-literal\",\n  \"name\" : tru\n}\n", to: "parties/bad-literal.json")
        try temporary.write("{\n  \"id\" : \"cut\",\n  \"name\" : \"Cut", to: "parties/cut.json")
        try temporary.write("", to: "parties/empty.json")
        try temporary.write("{\n  \"id\" : \"comma\"\n  \"name\" : \"x\"\n}\n", to: "parties/comma.json")
        let problems = Dictionary(uniqueKeysWithValues: temporary.store.loadAll(.party).problems.map {
            (($0.path as NSString).lastPathComponent, $0)
        })
        #expect(problems["bad-literal.json"]?.location == "line 3, column 12")
        #expect(problems["cut.json"]?.location == "line 3, column 16")
        #expect(problems["cut.json"]?.message.contains("end of file") == true)
        #expect(problems["empty.json"]?.location == "line 1, column 1")
        #expect(problems["comma.json"]?.location == "line 3, column 3")
    }

    /// Malformed numbers and escapes, which a lax checker would let through (leaving the report
    /// without a line and column), are located like any other syntax error.
    @Test(arguments: [
        ("\"revision\" : 1", "\"revision\" : 1.2.3"),
        ("\"revision\" : 1", "\"revision\" : --1"),
        ("\"name\" : \"Party city-of-salem\"", "\"name\" : \"Party \\q\""),
    ])
    func malformedTokensAreLocatedToo(original: String, replacement: String) throws {
        let temporary = try TemporaryStore()
        try temporary.party("city-of-salem")
        let good = try temporary.text(.party, "city-of-salem")
        #expect(good.contains(original))
        try temporary.write(good.replacingOccurrences(of: original, with: replacement)
            .replacingOccurrences(of: "city-of-salem", with: "bad-token"), to: "parties/bad-token.json")
        let loaded = temporary.store.loadAll(.party)
        let problem = try #require(loaded.problems.first)
        #expect(loaded.problems.count == 1 && problem.path.hasSuffix("/bad-token.json"), "reported and skipped: \(problem)")
        #expect(problem.location.hasPrefix("line "), "\(problem)")
    }

    @Test func aFieldPathPointsIntoNestedRecords() throws {
        let temporary = try TemporaryStore()
        let solicitation = try temporary.solicitation()
        let text = try temporary.text(.solicitation, solicitation.id)
        #expect(text.contains("\"status\" : \"joined\""))
        try temporary.write(text.replacingOccurrences(of: "\"status\" : \"joined\"", with: "\"status\" : \"dancing\""),
                            to: "solicitations/\(solicitation.id).json")
        let problem = try #require(temporary.store.loadAll(.solicitation).problems.first)
        #expect(problem.location == "partners[0].status")
        #expect(problem.path == temporary.path(.solicitation, solicitation.id))

        try temporary.write(text.replacingOccurrences(of: "\"sequence\" : 2", with: "\"sequence\" : \"two\""),
                            to: "solicitations/\(solicitation.id).json")
        let wrongType = try #require(temporary.store.loadAll(.solicitation).problems.first)
        #expect(wrongType.location == "history[1].sequence")

        try temporary.write(text.replacingOccurrences(of: ",\n  \"title\" : \"Road salt\"", with: ""),
                            to: "solicitations/\(solicitation.id).json")
        let missing = try #require(temporary.store.loadAll(.solicitation).problems.first)
        #expect(missing.location == "title")
        #expect(missing.message.contains("missing"))
    }

    @Test func aFileWhoseIDDiffersFromItsNameIsReported() throws {
        let temporary = try TemporaryStore()
        try temporary.party("city-of-salem")
        try FileManager.default.copyItem(atPath: temporary.path(.party, "city-of-salem"), toPath: temporary.path(.party, "city-of-bend"))
        let loaded = temporary.store.loadAll(.party)
        #expect(loaded.records.map(\.id) == ["city-of-salem"])
        let problem = try #require(loaded.problems.first)
        #expect(loaded.problems.count == 1)
        #expect(problem.path == temporary.path(.party, "city-of-bend"))
        #expect(problem.location == "id")
        #expect(problem.message.contains("city-of-salem") && problem.message.contains("city-of-bend.json"))
        #expect(temporary.store.validate().problems.map(\.path) == [temporary.path(.party, "city-of-bend")])
    }
}
