import Foundation

/// Walks JSON text without building anything: checks its grammar and finds where values
/// begin and end, so that a package's releases (or a catalog's contracts) can be cut apart
/// and parsed in parallel. Nesting is capped so hostile input cannot exhaust the stack.
public struct JSONScanner {
    public static let maximumDepth = 512

    let bytes: UnsafeRawBufferPointer
    var index: Int
    let end: Int

    public init(_ bytes: UnsafeRawBufferPointer, range: Range<Int>? = nil) {
        self.bytes = bytes
        index = range?.lowerBound ?? 0
        end = range?.upperBound ?? bytes.count
    }

    func fail(_ message: String) -> JSONFailure { JSONFailure(offset: index, message: message) }

    var current: UInt8? { index < end ? bytes[index] : nil }

    mutating func skipSpace() {
        while index < end {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    mutating func expect(_ byte: UInt8, _ message: String) throws(JSONFailure) {
        guard current == byte else { throw fail(message) }
        index += 1
    }

    /// The range of the one value `range` holds (with nothing but space around it).
    public static func value(in bytes: UnsafeRawBufferPointer, range: Range<Int>? = nil) throws(JSONFailure) -> Range<Int> {
        var scanner = JSONScanner(bytes, range: range)
        scanner.skipSpace()
        let start = scanner.index
        try scanner.skipValue(depth: 0)
        let stop = scanner.index
        scanner.skipSpace()
        guard scanner.index == scanner.end else { throw scanner.fail("unexpected text after the JSON value") }
        return start..<stop
    }

    /// One element of a top-level array, with the string values of a few of its members.
    public struct Element: Sendable {
        public var range: Range<Int>
        public var isObject: Bool
        /// In the order the keys were asked for; nil where missing or not a string.
        public var captured: [String?]
    }

    /// A document's top level read in one pass: for an object, its members, and for each
    /// member that is an array, its elements with `keys` captured (a release package's
    /// releases with their ocid and date); for an array, its elements likewise. Checks the
    /// grammar of everything.
    public struct Outline: Sendable {
        public var range: Range<Int>
        public var isObject: Bool
        public var isArray: Bool
        public var members: [(key: String, value: Range<Int>, elements: [Element]?)] = []
        public var elements: [Element]?
    }

    public static func outline(of bytes: UnsafeRawBufferPointer, capturing keys: [String]) throws(JSONFailure) -> Outline {
        var scanner = JSONScanner(bytes)
        let wanted = keys.map { Array($0.utf8) }
        scanner.skipSpace()
        let start = scanner.index
        var outline = Outline(range: start..<start, isObject: scanner.current == UInt8(ascii: "{"), isArray: scanner.current == UInt8(ascii: "["))
        if outline.isObject {
            scanner.index += 1
            scanner.skipSpace()
            if scanner.current == UInt8(ascii: "}") {
                scanner.index += 1
            } else {
                repeat {
                    let key = try JSONString.decode(bytes, quoted: scanner.memberKey().range)
                    let valueStart = scanner.index
                    var elements: [Element]?
                    if scanner.current == UInt8(ascii: "[") {
                        elements = try scanner.elements(capturing: wanted)
                    } else {
                        try scanner.skipValue(depth: 1)
                    }
                    outline.members.append((key, valueStart..<scanner.index, elements))
                } while try scanner.another(object: true)
            }
        } else if outline.isArray {
            outline.elements = try scanner.elements(capturing: wanted)
        } else {
            try scanner.skipValue(depth: 0)
        }
        outline.range = start..<scanner.index
        scanner.skipSpace()
        guard scanner.index == scanner.end else { throw scanner.fail("unexpected text after the JSON value") }
        return outline
    }

    /// Past an array (at `[`), noting each element and, for objects, the wanted members.
    mutating func elements(capturing wanted: [[UInt8]]) throws(JSONFailure) -> [Element] {
        index += 1
        var elements: [Element] = []
        skipSpace()
        if current == UInt8(ascii: "]") { index += 1; return elements }
        repeat {
            skipSpace()
            let start = index
            if current == UInt8(ascii: "{"), !wanted.isEmpty {
                let captured = try object(capturing: wanted)
                elements.append(Element(range: start..<index, isObject: true, captured: captured))
            } else {
                let isObject = current == UInt8(ascii: "{")
                try skipValue(depth: 2)
                elements.append(Element(range: start..<index, isObject: isObject, captured: []))
            }
        } while try another(object: false)
        return elements
    }

    /// Past an object (at `{`), returning the string values of the wanted members.
    mutating func object(capturing wanted: [[UInt8]]) throws(JSONFailure) -> [String?] {
        var found = [String?](repeating: nil, count: wanted.count)
        index += 1
        skipSpace()
        if current == UInt8(ascii: "}") { index += 1; return found }
        repeat {
            let (quoted, escaped) = try memberKey()
            let key = quoted.lowerBound + 1..<quoted.upperBound - 1
            let match = escaped
                ? wanted.firstIndex { Array(JSONString.decode(bytes, content: key).utf8) == $0 }
                : wanted.firstIndex { $0.count == key.count && $0.elementsEqual(bytes[key]) }
            let valueStart = index
            try skipValue(depth: 3)
            if let match, found[match] == nil, bytes[valueStart] == UInt8(ascii: "\"") {
                found[match] = JSONString.decode(bytes, content: valueStart + 1..<index - 1)
            }
        } while try another(object: true)
        return found
    }

    /// The string values of a few members of the object at `range` (nil where missing or not a
    /// string), reading nothing else.
    public static func strings(_ keys: [String], inObjectAt range: Range<Int>, of bytes: UnsafeRawBufferPointer) -> [String?] {
        var scanner = JSONScanner(bytes, range: range)
        guard scanner.current == UInt8(ascii: "{"), let found = try? scanner.object(capturing: keys.map { Array($0.utf8) }) else {
            return [String?](repeating: nil, count: keys.count)
        }
        return found
    }

    /// Moves past one value, checking its structure but building nothing.
    mutating func skipValue(depth: Int) throws(JSONFailure) {
        guard depth <= JSONScanner.maximumDepth else { throw fail("nested too deeply") }
        guard let first = current else { throw fail("unexpected end of file") }
        switch first {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let isObject = first == UInt8(ascii: "{")
            let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
            index += 1
            skipSpace()
            if current == close { index += 1; return }
            repeat {
                if isObject { try memberKey() } else { skipSpace() }
                try skipValue(depth: depth + 1)
            } while try another(object: isObject)
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try skipNumber()
        default: throw fail("unexpected character")
        }
    }

    /// Past a member's key, the colon and the space around them, at the start of its value.
    /// Returns the key's bytes (quotes included) and whether it holds escapes.
    @discardableResult
    mutating func memberKey() throws(JSONFailure) -> (range: Range<Int>, escaped: Bool) {
        skipSpace()
        guard current == UInt8(ascii: "\"") else { throw fail("expected a key in quotes") }
        let start = index
        let escaped = try skipString()
        let range = start..<index
        skipSpace()
        try expect(UInt8(ascii: ":"), "expected : after a key")
        skipSpace()
        return (range, escaped)
    }

    /// After a value inside an object or array: past a comma (true: another value follows) or
    /// the closing bracket (false).
    mutating func another(object: Bool) throws(JSONFailure) -> Bool {
        skipSpace()
        guard let byte = current else { throw fail(object ? "unexpected end of file in an object" : "unexpected end of file in an array") }
        index += 1
        if byte == UInt8(ascii: ",") { return true }
        if byte == (object ? UInt8(ascii: "}") : UInt8(ascii: "]")) { return false }
        index -= 1
        throw fail(object ? "expected , or } in an object" : "expected , or ] in an array")
    }

    /// Past a string, checking its escapes (their values are read only when wanted).
    /// Returns whether it holds any.
    @discardableResult
    mutating func skipString() throws(JSONFailure) -> Bool {
        index += 1
        var escaped = false
        while index < end {
            // Eight bytes at a time past plain text (most of a package is prose in strings),
            // straight to the first byte that needs a look.
            while index + 8 <= end {
                let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let special = JSONScanner.specialBytes(word)
                if special == 0 {
                    index += 8
                } else {
                    index += special.trailingZeroBitCount / 8
                    break
                }
            }
            guard index < end else { break }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { index += 1; return escaped }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                guard index + 1 < end else { break }
                switch bytes[index + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 2
                case UInt8(ascii: "u"):
                    index += 2
                    guard index + 4 <= end, (0..<4).allSatisfy({ JSONString.hexDigit(bytes[index + $0]) != nil }) else {
                        throw fail("expected four hex digits")
                    }
                    index += 4
                default:
                    index += 1
                    throw fail("invalid escape in a string")
                }
                continue
            }
            if byte < 0x20 { throw fail("control character in a string") }
            index += 1
        }
        throw fail("unexpected end of file in a string")
    }

    /// The high bit set in each of eight bytes (little-endian) that ends a string, starts an
    /// escape or is a control character; zero when there is none. The usual tricks for "has a
    /// zero byte" and "has a byte below n" can also flag a byte after a flagged one, never
    /// before, so the lowest flag is exact.
    @inline(__always)
    public static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
        let zeroQuote = (quote &- ones) & ~quote
        let zeroBackslash = (backslash &- ones) & ~backslash
        let control = (word &- ones &* 0x20) & ~word
        return (zeroQuote | zeroBackslash | control) & highs
    }

    mutating func literal(_ word: StaticString) throws(JSONFailure) {
        let count = word.utf8CodeUnitCount
        guard index + count <= end else { throw fail("unexpected end of file") }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw fail("invalid literal") }
        index += count
    }

    mutating func skipNumber() throws(JSONFailure) {
        func digits() -> Bool {
            let first = index
            while index < end, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index > first
        }
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        if current == UInt8(ascii: "0") {
            index += 1
        } else if !digits() {
            throw fail("expected a digit")
        }
        if current == UInt8(ascii: ".") {
            index += 1
            guard digits() else { throw fail("expected a digit after the decimal point") }
        }
        var exponent = false
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            exponent = true
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard digits() else { throw fail("expected a digit in the exponent") }
        }
        // A number no double can hold (1e999) is refused, as Foundation refuses it; only long
        // numbers and exponents can be, so only they are converted to check.
        if exponent || index - start > 300 {
            let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            guard let value = Double(text), value.isFinite else {
                index = start
                throw fail("number out of range")
            }
        }
    }
}
