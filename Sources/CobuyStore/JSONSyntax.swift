import Foundation

/// Finds where a JSON text first goes wrong, because Foundation's decoder only says that it
/// is not valid. A store report must tell the officer the line to look at.
public enum JSONSyntax {
    public struct Failure: Sendable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    public static func firstError(in data: Data) -> Failure? {
        var parser = Parser(bytes: [UInt8](data))
        return parser.check()
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0
        var depth = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func check() -> Failure? {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
            if let failure = value() { return failure }
            skipSpace()
            return index < bytes.count ? fail("unexpected text after the end of the JSON value") : nil
        }

        func fail(_ message: String) -> Failure {
            var line = 1
            var column = 1
            for byte in bytes[..<min(index, bytes.count)] {
                if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
            }
            let found = index < bytes.count ? message : (message.hasPrefix("unexpected end") ? message : "unexpected end of file (\(message))")
            return Failure(line: line, column: column, message: found)
        }

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func value() -> Failure? {
            skipSpace()
            guard index < bytes.count else { return fail("unexpected end of file: a value was expected") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return object()
            case UInt8(ascii: "["): return array()
            case UInt8(ascii: "\""): return string()
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
            default: return fail("unexpected character where a value was expected")
            }
        }

        mutating func literal(_ word: String) -> Failure? {
            let expected = Array(word.utf8)
            guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
                return fail("expected \(word)")
            }
            index += expected.count
            return nil
        }

        /// RFC 8259: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
        mutating func number() -> Failure? {
            func isDigit(_ position: Int) -> Bool {
                position < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position])
            }
            func digits() -> Bool {
                guard isDigit(index) else { return false }
                while isDigit(index) { index += 1 }
                return true
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            if index < bytes.count, bytes[index] == UInt8(ascii: "0") {
                index += 1
            } else if !digits() {
                return fail("expected a digit in a number")
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard digits() else { return fail("expected a digit after the decimal point") }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard digits() else { return fail("expected a digit in the exponent") }
            }
            // A number runs into the next token only through a separator.
            if index < bytes.count, "0123456789.eE+-".utf8.contains(bytes[index]) {
                return fail("malformed number")
            }
            return nil
        }

        mutating func string() -> Failure? {
            index += 1
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""): index += 1; return nil
                case UInt8(ascii: "\\"):
                    guard index + 1 < bytes.count else { return fail("unexpected end of file inside a string") }
                    switch bytes[index + 1] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                         UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        index += 2
                    case UInt8(ascii: "u"):
                        let hex = (index + 2)..<(index + 6)
                        guard hex.upperBound <= bytes.count, bytes[hex].allSatisfy({ isHexDigit($0) }) else {
                            return fail("expected four hex digits after \\u")
                        }
                        index += 6
                    default:
                        index += 1
                        return fail("invalid escape sequence in a string")
                    }
                case 0..<0x20: return fail("control character inside a string")
                default: index += 1
                }
            }
            return fail("unexpected end of file inside a string")
        }

        func isHexDigit(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): return true
            default: return false
            }
        }

        mutating func array() -> Failure? {
            depth += 1
            guard depth < 512 else { return fail("nested too deeply") }
            index += 1
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; depth -= 1; return nil }
            while true {
                if let failure = value() { return failure }
                skipSpace()
                guard index < bytes.count else { return fail("unexpected end of file: ] or , expected") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; depth -= 1; return nil }
                return fail("expected , or ]")
            }
        }

        mutating func object() -> Failure? {
            depth += 1
            guard depth < 512 else { return fail("nested too deeply") }
            index += 1
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; depth -= 1; return nil }
            while true {
                skipSpace()
                guard index < bytes.count else { return fail("unexpected end of file: a field name was expected") }
                guard bytes[index] == UInt8(ascii: "\"") else { return fail("expected a field name in quotes") }
                if let failure = string() { return failure }
                skipSpace()
                guard index < bytes.count else { return fail("unexpected end of file: : expected") }
                guard bytes[index] == UInt8(ascii: ":") else { return fail("expected :") }
                index += 1
                if let failure = value() { return failure }
                skipSpace()
                guard index < bytes.count else { return fail("unexpected end of file: } or , expected") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; depth -= 1; return nil }
                return fail("expected , or }")
            }
        }
    }
}
