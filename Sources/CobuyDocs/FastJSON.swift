import Foundation

/// Reads JSON into the same values as `JSONSerialization` (`[String: Any]`, `[Any]`,
/// `String`, `NSNumber`, `Bool`, `NSNull`), several times faster on Linux, where
/// Foundation's reader takes tens of seconds on the 100–200 MB packages that open-data feeds
/// publish. Strict RFC 8259 grammar; nesting is capped so hostile input cannot exhaust the stack.
enum FastJSON {
    struct Failure: Error, CustomStringConvertible {
        var offset: Int
        var message: String
        var description: String { "byte \(offset): \(message)" }
    }

    static let maximumDepth = 512

    static func parse(_ data: Data) throws(Failure) -> Any {
        let result: Result<Any, Failure> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var reader = Reader(bytes: bytes)
            do throws(Failure) {
                reader.skipSpace()
                let value = try reader.value(depth: 0)
                reader.skipSpace()
                guard reader.index == bytes.count else { throw reader.fail("unexpected text after the JSON value") }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The members of a top-level object, each key with the byte range of its value, found
    /// without building the values (so a package's `releases` can be parsed in parallel).
    static func members(of data: Data) throws(Failure) -> [(key: String, range: Range<Int>)] {
        let result: Result<[(key: String, range: Range<Int>)], Failure> = data.withUnsafeBytes { raw in
            var reader = Reader(bytes: raw.bindMemory(to: UInt8.self))
            do throws(Failure) {
                reader.skipSpace()
                guard reader.index < reader.bytes.count, reader.bytes[reader.index] == UInt8(ascii: "{") else {
                    throw reader.fail("not an object")
                }
                reader.index += 1
                var members: [(key: String, range: Range<Int>)] = []
                reader.skipSpace()
                if reader.index < reader.bytes.count, reader.bytes[reader.index] == UInt8(ascii: "}") { return .success(members) }
                while true {
                    reader.skipSpace()
                    guard reader.index < reader.bytes.count, reader.bytes[reader.index] == UInt8(ascii: "\"") else {
                        throw reader.fail("expected a key in quotes")
                    }
                    let key = try reader.string()
                    reader.skipSpace()
                    guard reader.index < reader.bytes.count, reader.bytes[reader.index] == UInt8(ascii: ":") else {
                        throw reader.fail("expected : after a key")
                    }
                    reader.index += 1
                    reader.skipSpace()
                    let start = reader.index
                    try reader.skipValue(depth: 0)
                    members.append((key, start..<reader.index))
                    reader.skipSpace()
                    guard reader.index < reader.bytes.count else { throw reader.fail("unexpected end of input in an object") }
                    if reader.bytes[reader.index] == UInt8(ascii: ",") { reader.index += 1; continue }
                    if reader.bytes[reader.index] == UInt8(ascii: "}") { reader.index += 1; break }
                    throw reader.fail("expected , or } in an object")
                }
                reader.skipSpace()
                guard reader.index == reader.bytes.count else { throw reader.fail("unexpected text after the JSON value") }
                return .success(members)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The byte ranges of the elements of the array at `range`.
    static func elements(of data: Data, in range: Range<Int>) throws(Failure) -> [Range<Int>] {
        let result: Result<[Range<Int>], Failure> = data.withUnsafeBytes { raw in
            var reader = Reader(bytes: raw.bindMemory(to: UInt8.self))
            reader.index = range.lowerBound
            do throws(Failure) {
                guard reader.index < range.upperBound, reader.bytes[reader.index] == UInt8(ascii: "[") else { throw reader.fail("not an array") }
                reader.index += 1
                var elements: [Range<Int>] = []
                reader.skipSpace()
                if reader.index < range.upperBound, reader.bytes[reader.index] == UInt8(ascii: "]") { return .success(elements) }
                while true {
                    reader.skipSpace()
                    let start = reader.index
                    try reader.skipValue(depth: 1)
                    elements.append(start..<reader.index)
                    reader.skipSpace()
                    guard reader.index < range.upperBound else { throw reader.fail("unexpected end of input in an array") }
                    if reader.bytes[reader.index] == UInt8(ascii: ",") { reader.index += 1; continue }
                    if reader.bytes[reader.index] == UInt8(ascii: "]") { return .success(elements) }
                    throw reader.fail("expected , or ] in an array")
                }
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Parses the value at `range` (one element found by ``elements(of:in:)``).
    static func parse(_ data: Data, range: Range<Int>) throws(Failure) -> Any {
        let result: Result<Any, Failure> = data.withUnsafeBytes { raw in
            let all = raw.bindMemory(to: UInt8.self)
            var reader = Reader(bytes: UnsafeBufferPointer(rebasing: all[range]))
            do throws(Failure) {
                let value = try reader.value(depth: 0)
                return .success(value)
            } catch {
                return .failure(Failure(offset: error.offset + range.lowerBound, message: error.message))
            }
        }
        return try result.get()
    }

    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        func fail(_ message: String) -> Failure { Failure(offset: index, message: message) }

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x0A, 0x0D, 0x09: index += 1
                default: return
                }
            }
        }

        mutating func value(depth: Int) throws(Failure) -> Any {
            guard index < bytes.count else { throw fail("unexpected end of input") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object(depth: depth + 1)
            case UInt8(ascii: "["): return try array(depth: depth + 1)
            case UInt8(ascii: "\""): return try string()
            case UInt8(ascii: "t"): try literal("true"); return true
            case UInt8(ascii: "f"): try literal("false"); return false
            case UInt8(ascii: "n"): try literal("null"); return NSNull()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            default: throw fail("unexpected character")
            }
        }

        /// Moves past one value, checking its structure but building nothing.
        mutating func skipValue(depth: Int) throws(Failure) {
            guard depth <= FastJSON.maximumDepth else { throw fail("nested too deeply") }
            guard index < bytes.count else { throw fail("unexpected end of input") }
            switch bytes[index] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let close = bytes[index] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                let isObject = close == UInt8(ascii: "}")
                index += 1
                skipSpace()
                if index < bytes.count, bytes[index] == close { index += 1; return }
                while true {
                    skipSpace()
                    if isObject {
                        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a key in quotes") }
                        try skipString()
                        skipSpace()
                        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected : after a key") }
                        index += 1
                        skipSpace()
                    }
                    try skipValue(depth: depth + 1)
                    skipSpace()
                    guard index < bytes.count else { throw fail("unexpected end of input") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == close { index += 1; return }
                    throw fail(isObject ? "expected , or } in an object" : "expected , or ] in an array")
                }
            case UInt8(ascii: "\""): try skipString()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try number()
            default: throw fail("unexpected character")
            }
        }

        mutating func skipString() throws(Failure) {
            index += 1
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""): index += 1; return
                case UInt8(ascii: "\\"): index += 2
                case 0..<0x20: throw fail("control character in a string")
                default: index += 1
                }
            }
            throw fail("unexpected end of input in a string")
        }

        mutating func literal(_ word: StaticString) throws(Failure) {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { throw fail("unexpected end of input") }
            let expected = UnsafeBufferPointer(start: word.utf8Start, count: count)
            for offset in 0..<count where bytes[index + offset] != expected[offset] { throw fail("invalid literal") }
            index += count
        }

        mutating func object(depth: Int) throws(Failure) -> [String: Any] {
            guard depth <= FastJSON.maximumDepth else { throw fail("nested too deeply") }
            index += 1
            var result: [String: Any] = [:]
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return result }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a key in quotes") }
                let key = try string()
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected : after a key") }
                index += 1
                skipSpace()
                result[key] = try value(depth: depth)
                skipSpace()
                guard index < bytes.count else { throw fail("unexpected end of input in an object") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return result }
                throw fail("expected , or } in an object")
            }
        }

        mutating func array(depth: Int) throws(Failure) -> [Any] {
            guard depth <= FastJSON.maximumDepth else { throw fail("nested too deeply") }
            index += 1
            var result: [Any] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return result }
            while true {
                skipSpace()
                result.append(try value(depth: depth))
                skipSpace()
                guard index < bytes.count else { throw fail("unexpected end of input in an array") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return result }
                throw fail("expected , or ] in an array")
            }
        }

        mutating func string() throws(Failure) -> String {
            index += 1
            let start = index
            // Fast path: no escapes.
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    index += 1
                    return text
                }
                if byte == UInt8(ascii: "\\") { break }
                if byte < 0x20 { throw fail("control character in a string") }
                index += 1
            }
            var buffer = Array(bytes[start..<index])
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    return String(decoding: buffer, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard index + 1 < bytes.count else { throw fail("unexpected end of input in a string") }
                    let escaped = bytes[index + 1]
                    index += 2
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escaped)
                    case UInt8(ascii: "b"): buffer.append(0x08)
                    case UInt8(ascii: "f"): buffer.append(0x0C)
                    case UInt8(ascii: "n"): buffer.append(0x0A)
                    case UInt8(ascii: "r"): buffer.append(0x0D)
                    case UInt8(ascii: "t"): buffer.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800...0xDBFF).contains(scalar), index + 1 < bytes.count,
                           bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                            index += 2
                            let low = try hex4()
                            if (0xDC00...0xDFFF).contains(low) {
                                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                append(0xFFFD, to: &buffer)
                                scalar = low
                            }
                        }
                        append(scalar, to: &buffer)
                    default:
                        throw fail("invalid escape in a string")
                    }
                default:
                    if byte < 0x20 { throw fail("control character in a string") }
                    buffer.append(byte)
                    index += 1
                }
            }
            throw fail("unexpected end of input in a string")
        }

        mutating func hex4() throws(Failure) -> UInt32 {
            guard index + 4 <= bytes.count else { throw fail("expected four hex digits") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: throw fail("expected four hex digits")
                }
                value = value << 4 | digit
                index += 1
            }
            return value
        }

        func append(_ scalar: UInt32, to buffer: inout [UInt8]) {
            // Lone surrogates become U+FFFD, as a decoder would show them.
            let value = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            buffer.append(contentsOf: Array(String(Character(value)).utf8))
        }

        mutating func number() throws(Failure) -> NSNumber {
            let start = index
            var integral = true
            func digits() -> Bool {
                let first = index
                while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
                return index > first
            }
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            if index < bytes.count, bytes[index] == UInt8(ascii: "0") {
                index += 1
            } else if !digits() {
                throw fail("expected a digit")
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                integral = false
                guard digits() else { throw fail("expected a digit after the decimal point") }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                integral = false
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard digits() else { throw fail("expected a digit in the exponent") }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            if integral, let whole = Int(text) { return NSNumber(value: whole) }
            guard let real = Double(text), real.isFinite else { throw fail("number out of range") }
            return NSNumber(value: real)
        }
    }
}
