import CobuyJSON
import Foundation
import Testing

/// The import's JSON reader must read exactly what Foundation reads, and refuse what it refuses.
@Suite struct JSONTapeTests {
    /// Both readers' results, written back out with sorted keys, for comparison.
    func canonical(_ value: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }

    func parse(_ text: String) throws(JSONFailure) -> JSONNode {
        try JSONTape(JSONBytes(Data(text.utf8))).root
    }

    @Test(arguments: ["framework-release-package.json", "messy-publisher.json", "record-package.json"])
    func readsThePublishersFixturesAsFoundationDoes(name: String) throws {
        let data = try Data(contentsOf: ImportTests.fixtures.appendingPathComponent(name))
        #expect(try canonical(JSONTape(JSONBytes(data)).root.foundationValue) == canonical(JSONSerialization.jsonObject(with: data)))
    }

    @Test func stringsNumbersAndLiteralsDecodeExactly() throws {
        let text = #"{"a":"caf\u00e9 \ud83d\ude00 \"q\" \\ \/ \n\t","b":[0,-12,3.5,1e3,-2.5E-2,true,false,null],"c":{},"d":[],"e\u0073":"x"}"#
        let value = try parse(text)
        #expect(value["a"]?.string == "café 😀 \"q\" \\ / \n\t")
        #expect(try canonical(value.foundationValue) == canonical(JSONSerialization.jsonObject(with: Data(text.utf8))))
        #expect(value["b"]?.elements?[5].bool == true)
        #expect(value["b"]?.elements?[7].kind == .null)
        #expect(value["b"]?.elements?[2].numberText == "3.5")
        #expect(value["es"]?.string == "x", "a key written with an escape is found by its text")
        #expect(value["missing"] == nil)
        #expect(value["a"]?["a"] == nil, "a string has no members")
    }

    @Test func longPlainStringsAndEscapesAtEveryOffsetDecode() throws {
        // The scanner reads eight bytes at a time: put the quote, the escape and the end at
        // every position relative to a word.
        for length in 0..<24 {
            let plain = String(repeating: "x", count: length)
            #expect(try parse("\"\(plain)\"").string == plain)
            #expect(try parse("\"\(plain)\\n\(plain)\"").string == plain + "\n" + plain)
            #expect(try parse("\"\(plain)é\\\"\"").string == plain + "é\"")
            #expect(throws: JSONFailure.self) { try parse("\"\(plain)\u{01}\"") }
        }
    }

    @Test(arguments: [
        #"{"a":1,}"#, "[1 2]", #""\q""#, "01", "1.", "-", #"{"a"}"#, "tru", #"{"a":1"#, "[", #""abc"#,
        "\"tab\tinside\"", "{} []", "1e", "[1,]", #""\u12G4""#,
    ])
    func malformedInputIsRefusedWithAPosition(text: String) {
        #expect(throws: JSONFailure.self) { try parse(text) }
        #expect(throws: JSONFailure.self) {
            let bytes = JSONBytes(Data(text.utf8))
            _ = try JSONScanner.outline(of: bytes.buffer, capturing: ["ocid"])
        }
    }

    @Test func nestingIsCappedInsteadOfOverflowingTheStack() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONFailure.self) { try parse(deep) }
        let wrapped = JSONBytes(Data(("{\"a\":" + deep + "}").utf8))
        #expect(throws: JSONFailure.self) { try JSONScanner.outline(of: wrapped.buffer, capturing: []) }
    }

    @Test func aPackageIsOutlinedInOnePassWithEachReleasesOcidAndDate() throws {
        let data = try Data(contentsOf: ImportTests.fixtures.appendingPathComponent("framework-release-package.json"))
        let bytes = JSONBytes(data)
        let outline = try JSONScanner.outline(of: bytes.buffer, capturing: ["ocid", "date"])
        let elements = try #require(outline.members.first { $0.key == "releases" }?.elements)
        let whole = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let expected = try #require(whole["releases"] as? [[String: Any]])
        #expect(elements.count == expected.count)
        for (element, release) in zip(elements, expected) {
            #expect(try canonical(JSONTape(bytes, range: element.range).root.foundationValue) == canonical(release))
            #expect(element.captured == [release["ocid"] as? String, release["date"] as? String])
            #expect(JSONScanner.strings(["date", "ocid"], inObjectAt: element.range, of: bytes.buffer)
                == [release["date"] as? String, release["ocid"] as? String])
        }
    }
}
