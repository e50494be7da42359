import Foundation
import Testing
@testable import CobuyDocs

/// The import's JSON reader must read exactly what Foundation reads, and refuse what it refuses.
@Suite struct FastJSONTests {
    /// Both readers' results, written back out with sorted keys, for comparison.
    func canonical(_ value: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }

    @Test(arguments: ["framework-release-package.json", "messy-publisher.json", "record-package.json"])
    func readsThePublishersFixturesAsFoundationDoes(name: String) throws {
        let data = try Data(contentsOf: ImportTests.fixtures.appendingPathComponent(name))
        #expect(try canonical(FastJSON.parse(data)) == canonical(JSONSerialization.jsonObject(with: data)))
    }

    @Test func stringsNumbersAndLiteralsDecodeExactly() throws {
        let text = #"{"a":"caf\u00e9 \ud83d\ude00 \"q\" \\ \/ \n\t","b":[0,-12,3.5,1e3,-2.5E-2,true,false,null],"c":{},"d":[]}"#
        let value = try #require(try FastJSON.parse(Data(text.utf8)) as? [String: Any])
        #expect(value["a"] as? String == "café 😀 \"q\" \\ / \n\t")
        #expect(try canonical(value) == canonical(JSONSerialization.jsonObject(with: Data(text.utf8))))
        #expect((value["b"] as? [Any])?[5] as? Bool == true)
        #expect((value["b"] as? [Any])?[7] is NSNull)
    }

    @Test(arguments: [
        #"{"a":1,}"#, "[1 2]", #""\q""#, "01", "1.", "-", #"{"a"}"#, "tru", #"{"a":1"#, "[", #""abc"#,
        "\"tab\tinside\"", "{} []", "1e", "[1,]",
    ])
    func malformedInputIsRefusedWithAPosition(text: String) {
        #expect(throws: FastJSON.Failure.self) { try FastJSON.parse(Data(text.utf8)) }
    }

    @Test func nestingIsCappedInsteadOfOverflowingTheStack() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: FastJSON.Failure.self) { try FastJSON.parse(Data(deep.utf8)) }
        #expect(throws: FastJSON.Failure.self) { try FastJSON.members(of: Data(("{\"a\":" + deep + "}").utf8)) }
    }

    @Test func aPackageSplitsIntoItsReleasesWithoutBuildingThem() throws {
        let data = try Data(contentsOf: ImportTests.fixtures.appendingPathComponent("framework-release-package.json"))
        let members = try FastJSON.members(of: data)
        let releases = try #require(members.first { $0.key == "releases" })
        let ranges = try FastJSON.elements(of: data, in: releases.range)
        let whole = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let expected = try #require(whole["releases"] as? [Any])
        #expect(ranges.count == expected.count)
        for (range, release) in zip(ranges, expected) {
            #expect(try canonical(FastJSON.parse(data, range: range)) == canonical(release))
        }
    }
}
