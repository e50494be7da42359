import CobuyJSON
import Foundation

extension FuzzTarget {
    /// CobuyJSON: the grammar check, the outline that cuts a package apart, and the tape, each
    /// on the same bytes. They must agree on what is JSON, and every range the outline hands
    /// out must parse on its own (the import parses releases from those ranges).
    static let json = FuzzTarget(name: "json", maximumLength: 16_384) { input in
        let document = JSONBytes(Data(input))
        let buffer = document.buffer
        let value = try? JSONScanner.value(in: buffer)
        let outline = try? JSONScanner.outline(of: buffer, capturing: ["ocid", "date"])
        let tape = try? JSONTape(document)
        if (value != nil) != (tape != nil) || (outline != nil) != (tape != nil) {
            failed("the scanner (\(value != nil)), the outline (\(outline != nil)) and the tape (\(tape != nil)) disagree")
        }
        if let tape { visit(tape.root, depth: 0) }
        guard let outline else { return }
        if outline.range != value { failed("the outline's range \(outline.range) is not the value's \(String(describing: value))") }
        for member in outline.members {
            reparse(member.value, in: document)
            for element in member.elements ?? [] { reparse(element, in: document) }
        }
        for element in outline.elements ?? [] { reparse(element, in: document) }
    }

    private static func reparse(_ range: Range<Int>, in document: JSONBytes) {
        do throws(JSONFailure) {
            visit(try JSONTape(document, range: range).root, depth: 0)
        } catch {
            failed("a range the outline found does not parse: \(error)")
        }
    }

    private static func reparse(_ element: JSONScanner.Element, in document: JSONBytes) {
        reparse(element.range, in: document)
        if element.isObject {
            // What the import reads when locating did not capture the keys.
            _ = JSONScanner.strings(["ocid", "date"], inObjectAt: element.range, of: document.buffer)
        }
    }

    /// Reads every value the way the importers do: members, elements, text, numbers.
    private static func visit(_ node: JSONNode, depth: Int) {
        _ = node.byteRange
        switch node.kind {
        case .object:
            for member in node.members ?? [] {
                _ = node[member.key]
                visit(member.value, depth: depth + 1)
            }
        case .array:
            _ = node.strings
            _ = node.objectArray
            for element in node.elements ?? [] { visit(element, depth: depth + 1) }
        case .string: _ = node.string
        case .number: _ = node.numberText
        case .true, .false: _ = node.bool
        case .null: break
        }
        if depth == 0 { _ = node.foundationValue }
    }
}
