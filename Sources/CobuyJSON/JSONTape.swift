import Foundation

/// One JSON value parsed into a flat list of entries in document order (a "tape"): no
/// dictionary, array or string is built until someone asks for it. A release of a few
/// kilobytes becomes a hundred-odd entries in one array, instead of a tree of hundreds of
/// allocations; looking a key up scans an object's few members, which is faster than hashing.
public final class JSONTape: @unchecked Sendable {
    public enum Kind: UInt8, Sendable {
        case object, array, string, number, `true`, `false`, null
    }

    struct Entry {
        var kind: Kind
        /// Strings only: whether the literal holds escapes (and so needs decoding).
        var escaped: Bool
        /// The entry after this value and everything inside it.
        var next: Int32
        /// Strings: the content between the quotes. Other values: the value's own bytes.
        var start: Int
        var end: Int
    }

    public let bytes: JSONBytes
    let entries: [Entry]

    /// Parses the one value at `range` (the whole document when nil).
    public init(_ bytes: JSONBytes, range: Range<Int>? = nil) throws(JSONFailure) {
        self.bytes = bytes
        var builder = Builder(scanner: JSONScanner(bytes.buffer, range: range))
        builder.scanner.skipSpace()
        try builder.value(depth: 0)
        builder.scanner.skipSpace()
        guard builder.scanner.index == builder.scanner.end else { throw builder.scanner.fail("unexpected text after the JSON value") }
        entries = builder.entries
    }

    public var root: JSONNode { .tape(self, 0) }

    struct Builder {
        var scanner: JSONScanner
        var entries: [Entry] = []

        init(scanner: JSONScanner) {
            self.scanner = scanner
            entries.reserveCapacity(256)
        }

        mutating func value(depth: Int) throws(JSONFailure) {
            guard depth <= JSONScanner.maximumDepth else { throw scanner.fail("nested too deeply") }
            guard let first = scanner.current else { throw scanner.fail("unexpected end of file") }
            let start = scanner.index
            let position = entries.count
            switch first {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = first == UInt8(ascii: "{")
                let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                entries.append(Entry(kind: isObject ? .object : .array, escaped: false, next: 0, start: start, end: start))
                scanner.index += 1
                scanner.skipSpace()
                if scanner.current == close {
                    scanner.index += 1
                } else {
                    repeat {
                        scanner.skipSpace()
                        if isObject {
                            guard scanner.current == UInt8(ascii: "\"") else { throw scanner.fail("expected a key in quotes") }
                            try string()
                            scanner.skipSpace()
                            try scanner.expect(UInt8(ascii: ":"), "expected : after a key")
                            scanner.skipSpace()
                        }
                        try value(depth: depth + 1)
                    } while try scanner.another(object: isObject)
                }
                entries[position].end = scanner.index
                entries[position].next = Int32(entries.count)
                return
            case UInt8(ascii: "\""):
                try string()
                return
            case UInt8(ascii: "t"):
                try scanner.literal("true")
                entries.append(Entry(kind: .true, escaped: false, next: 0, start: start, end: scanner.index))
            case UInt8(ascii: "f"):
                try scanner.literal("false")
                entries.append(Entry(kind: .false, escaped: false, next: 0, start: start, end: scanner.index))
            case UInt8(ascii: "n"):
                try scanner.literal("null")
                entries.append(Entry(kind: .null, escaped: false, next: 0, start: start, end: scanner.index))
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try scanner.skipNumber()
                entries.append(Entry(kind: .number, escaped: false, next: 0, start: start, end: scanner.index))
            default:
                throw scanner.fail("unexpected character")
            }
            entries[position].next = Int32(entries.count)
        }

        mutating func string() throws(JSONFailure) {
            let start = scanner.index
            let escaped = try scanner.skipString()
            entries.append(Entry(kind: .string, escaped: escaped, next: Int32(entries.count + 1), start: start + 1, end: scanner.index - 1))
        }
    }

    // MARK: Reading entries

    func kind(_ index: Int) -> Kind { entries[index].kind }

    func text(_ index: Int) -> String {
        let entry = entries[index]
        if entry.kind == .string, entry.escaped { return JSONString.decode(bytes.buffer, content: entry.start..<entry.end) }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes.buffer[entry.start..<entry.end]), as: UTF8.self)
    }

    /// Whether the string entry at `index` is exactly `key`.
    func string(at index: Int, equals key: UnsafeBufferPointer<UInt8>) -> Bool {
        let entry = entries[index]
        if entry.escaped { return text(index).utf8.elementsEqual(key) }
        guard entry.end - entry.start == key.count else { return false }
        guard key.count > 0, let base = bytes.buffer.baseAddress, let wanted = key.baseAddress else { return true }
        return memcmp(base + entry.start, wanted, key.count) == 0
    }

    /// The value of member `key` of the object at `index`.
    func member(_ key: String, of index: Int) -> Int? {
        guard entries[index].kind == .object else { return nil }
        var key = key
        return key.withUTF8 { utf8 -> Int? in
            let stop = Int(entries[index].next)
            var cursor = index + 1
            while cursor < stop {
                let value = cursor + 1
                if string(at: cursor, equals: utf8) { return value }
                cursor = Int(entries[value].next)
            }
            return nil
        }
    }

    /// Index of each element of the array (or each member value of the object, with its key entry).
    func children(of index: Int) -> [(key: Int?, value: Int)] {
        let entry = entries[index]
        var result: [(key: Int?, value: Int)] = []
        var cursor = index + 1
        let stop = Int(entry.next)
        while cursor < stop {
            if entry.kind == .object {
                result.append((cursor, cursor + 1))
                cursor = Int(entries[cursor + 1].next)
            } else {
                result.append((nil, cursor))
                cursor = Int(entries[cursor].next)
            }
        }
        return result
    }

    /// The bytes of the value at `index` (quotes included for a string).
    func range(_ index: Int) -> Range<Int> {
        let entry = entries[index]
        return entry.kind == .string ? entry.start - 1..<entry.end + 1 : entry.start..<entry.end
    }
}
