/// How deeply a Mustache template's sections nest, found without parsing it: the template
/// parser recurses once per level, so a user's template of 100,000 nested sections would
/// overflow the stack before it could say anything. Reading is one pass over the text with no
/// recursion, and follows delimiter changes (`{{=<% %>=}}`) so they cannot hide a level.
enum TemplateDepth {
    /// Real addendum templates nest three or four levels; a hundred leaves room for any wording.
    static let limit = 100

    /// The deepest nesting of sections (`#`, `^`) and blocks (`$`, `<`), or nil when the
    /// template has no tags at all.
    static func deepest(in text: String) -> Int? {
        let bytes = Array(text.utf8)
        var open = Array("{{".utf8), close = Array("}}".utf8)
        var depth = 0, deepest = 0, index = 0, tags = 0
        func matches(_ mark: [UInt8], at position: Int) -> Bool {
            position + mark.count <= bytes.count && bytes[position..<position + mark.count].elementsEqual(mark)
        }
        while index < bytes.count {
            guard !open.isEmpty, matches(open, at: index) else { index += 1; continue }
            var start = index + open.count
            // A triple mustache `{{{name}}}` ends with one brace more.
            let triple = open == Array("{{".utf8) && start < bytes.count && bytes[start] == UInt8(ascii: "{")
            var end = start
            while end < bytes.count, !matches(close, at: end) { end += 1 }
            guard end < bytes.count else { break }
            tags += 1
            let after = end + close.count
            while start < end, bytes[start] == UInt8(ascii: " ") { start += 1 }
            let sigil = start < end ? bytes[start] : 0
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "<"):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "/"):
                depth = max(0, depth - 1)
            case UInt8(ascii: "="):
                // `{{=<% %>=}}`: the new opening and closing marks, separated by spaces.
                var inner = Array(bytes[(start + 1)..<end])
                if inner.last == UInt8(ascii: "=") { inner.removeLast() }
                let marks = inner.split(separator: UInt8(ascii: " ")).map(Array.init)
                if marks.count == 2 {
                    open = marks[0]
                    close = marks[1]
                }
            default:
                break
            }
            index = after + (triple && after < bytes.count && bytes[after] == UInt8(ascii: "}") ? 1 : 0)
        }
        return tags == 0 ? nil : deepest
    }
}
