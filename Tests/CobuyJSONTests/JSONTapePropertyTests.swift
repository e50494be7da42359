import CobuyJSON
import Foundation
import PropertyBased
import Testing

/// The import's reader against Foundation's on random documents and on random damage to them:
/// it reads what Foundation reads, exactly, and accepts nothing Foundation refuses but invalid
/// UTF-8 inside strings (shown as U+FFFD).
@Suite struct JSONTapePropertyTests {
    /// Builds a value from a list of choices (so a failing case shrinks to a short list).
    struct Builder {
        var choices: [Int]
        var next = 0

        mutating func take(_ range: Int) -> Int {
            defer { next += 1 }
            return next < choices.count ? choices[next] % range : 0
        }

        static let texts = ["", "a", "Road salt", "café", "東京", "😀", "quote \" back \\ slash /", "tab\tnew\nline", "\u{1}\u{1F}", "é\u{301}"]

        mutating func value(depth: Int) -> Any {
            switch take(depth > 3 ? 5 : 7) {
            case 0: return Self.texts[take(Self.texts.count)]
            case 1: return take(2) == 0 ? NSNumber(value: take(2_000_000) - 1_000_000) : NSNumber(value: Double(take(100_000)) / 64)
            case 2: return take(2) == 0
            case 3: return NSNull()
            case 4: return Self.texts[take(Self.texts.count)] + String(take(1000))
            case 5: return (0..<take(5)).map { _ in value(depth: depth + 1) }
            default:
                var object: [String: Any] = [:]
                for _ in 0..<take(5) { object[Self.texts[take(Self.texts.count)] + String(take(9))] = value(depth: depth + 1) }
                return object
            }
        }
    }

    static func canonical(_ value: Any) -> String? {
        (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])).map { String(decoding: $0, as: UTF8.self) }
    }

    static func document(_ choices: [Int]) -> Data? {
        var builder = Builder(choices: choices)
        let value: Any = builder.take(2) == 0 ? builder.value(depth: 0) as Any : [builder.value(depth: 1), builder.value(depth: 1)]
        return try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed])
    }

    @Test func randomDocumentsReadExactlyAsFoundationReadsThem() async {
        await propertyCheck(count: 1000, input: Gen.int(in: 0...1_000_000).array(of: 1...60)) { choices in
            guard let data = Self.document(choices) else { return }
            let tape = try? JSONTape(JSONBytes(data)).root
            #expect(tape != nil, "\(String(decoding: data, as: UTF8.self))")
            guard let tape, let foundation = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return }
            #expect(Self.canonical(tape.foundationValue) == Self.canonical(foundation))
            // And the outline finds the same top-level pieces.
            let bytes = JSONBytes(data)
            let outline = withExtendedLifetime(bytes) { try? JSONScanner.outline(of: bytes.buffer, capturing: []) }
            #expect(outline != nil)
        }
    }

    /// Bytes that make JSON, break it, or sit awkwardly in it.
    static let damage: [UInt8] = Array("{}[],:\"\\ 0123456789.-+eEtrufalsn/bu".utf8) + [0x00, 0x01, 0x1F, 0x7F, 0x80, 0xC3, 0xA9, 0xFF]

    @Test func damagedDocumentsAreNeverReadDifferentlyFromFoundation() async {
        await propertyCheck(count: 5000, input: Gen.int(in: 0...1_000_000).array(of: 1...40), Gen.int(in: 0...1_000_000).array(of: 1...4)) { choices, edits in
            guard var bytes = Self.document(choices).map(Array.init), !bytes.isEmpty else { return }
            for edit in edits {
                let position = edit % (bytes.count + 1), byte = Self.damage[(edit / 7) % Self.damage.count]
                switch (edit / 3) % 3 {
                case 0: bytes.insert(byte, at: position)
                case 1: if position < bytes.count { bytes.remove(at: position) }
                default: if position < bytes.count { bytes[position] = byte }
                }
            }
            let data = Data(bytes)
            let tape = try? JSONTape(JSONBytes(data)).root
            let foundation = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            let text = String(decoding: data, as: UTF8.self)
            if let tape {
                // Foundation refuses invalid UTF-8 inside strings, where this reader (like jq) shows
                // U+FFFD: one bad byte in a description does not refuse a whole feed. With the bytes
                // repaired so, Foundation must read the same.
                let repaired = foundation ?? (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]))
                #expect(repaired != nil, "read what Foundation refuses: \(text)")
                if let repaired { #expect(Self.canonical(tape.foundationValue) == Self.canonical(repaired), "\(text)") }
            }
            // The scanner and the tape agree on what is JSON.
            let held = JSONBytes(data)
            let outlined = withExtendedLifetime(held) { (try? JSONScanner.outline(of: held.buffer, capturing: ["a"])) != nil }
            #expect(outlined == (tape != nil), "\(text)")
        }
    }
}
