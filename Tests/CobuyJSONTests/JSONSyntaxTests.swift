import CobuyJSON
import Foundation
import Testing

/// Where a hand-edited file breaks the grammar, and which keys it gives twice: what an
/// officer needs to put the file right.
@Suite struct JSONSyntaxTests {
    static func data(_ text: String) -> Data { Data(text.utf8) }

    @Test func validDocumentsHaveNoError() {
        #expect(JSONSyntax.firstError(in: Self.data("{\"a\": [1, 2.5e3, \"x\", true, null]}")) == nil)
        #expect(JSONSyntax.firstError(in: Self.data("\u{FEFF}{\"a\": 1}")) == nil, "a byte order mark is not an error")
    }

    @Test func anErrorIsPlacedByLineAndColumn() throws {
        let missingComma = try #require(JSONSyntax.firstError(in: Self.data("{\n  \"id\": \"x\"\n  \"name\": \"y\"\n}")))
        #expect(missingComma.line == 3 && missingComma.column == 3)
        #expect(missingComma.message == "expected , or } in an object")
        // Columns count characters, not bytes: "é" is two bytes and one column.
        let afterAccent = try #require(JSONSyntax.firstError(in: Self.data("{\"é\": tru}")))
        #expect(afterAccent.line == 1 && afterAccent.column == 7)
    }

    @Test func aCutFileSaysItEndedEarly() throws {
        let cut = try #require(JSONSyntax.firstError(in: Self.data("{\"name\": \"Cu")))
        #expect(cut.message.contains("end of file"))
        let empty = try #require(JSONSyntax.firstError(in: Data()))
        #expect(empty.line == 1 && empty.column == 1 && empty.message.contains("end of file"))
        let number = try #require(JSONSyntax.firstError(in: Self.data("[1.")))
        #expect(number.message.contains("end of file"), "\(number.message)")
    }

    @Test func keysGivenTwiceAreFoundWithTheirPathAndLines() {
        let text = """
            {
              "a": 1,
              "b": [{"x": 1}, {"x": 2,
                               "x": 3}],
              "c": {"d": {"e": true, "e": false}},
              "a": 4
            }
            """
        let found = JSONSyntax.duplicateKeys(in: Self.data(text))
        #expect(found.map(\.field) == ["b[1].x", "c.d.e", "a"])
        #expect(found.map(\.path) == ["b[1]", "c.d", ""])
        #expect(found.map(\.firstLine) == [3, 5, 2])
        #expect(found.map(\.line) == [4, 5, 6])
        #expect(found.first?.column == 20)
    }

    @Test func keysAreComparedAsTheyReadNotAsTheyAreWritten() {
        #expect(JSONSyntax.duplicateKeys(in: Self.data(#"{"a": 1, "\u0061": 2}"#)).map(\.key) == ["a"])
        #expect(JSONSyntax.duplicateKeys(in: Self.data(#"{"a": 1, "A": 2, "b": {"a": 3}}"#)).isEmpty, "case and nesting make different keys")
        #expect(JSONSyntax.duplicateKeys(in: Self.data(#"[{"a": 1}, {"a": 2}]"#)).isEmpty, "each object has its own keys")
    }

    @Test func textThatIsNotJSONHasNoDuplicatesToReport() {
        #expect(JSONSyntax.duplicateKeys(in: Self.data(#"{"a": 1, "a": 2"#)).isEmpty)
        #expect(JSONSyntax.duplicateKeys(in: Self.data("")).isEmpty)
    }
}
