import Foundation

/// What a person needs to fix a JSON file by hand: where it first breaks the grammar, by line
/// and column, and which keys it gives twice in one object. Foundation's decoder says only
/// that a text is not valid, and keeps one of two equal keys without a word. The grammar is
/// the scanner's: there is one reading of JSON in Cobuy.
public enum JSONSyntax {
    public struct Failure: Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    /// Where `data` first breaks the grammar; nil when it is one JSON value.
    public static func firstError(in data: Data) -> Failure? {
        data.withUnsafeBytes { bytes in
            do throws(JSONFailure) {
                _ = try JSONScanner.value(in: bytes, range: textRange(bytes))
                return nil
            } catch {
                let (line, column) = position(of: error.offset, in: bytes)
                let atEnd = error.offset >= bytes.count
                let message = atEnd && !error.message.contains("end of file") ? "unexpected end of file (\(error.message))" : error.message
                return Failure(line: line, column: column, message: message)
            }
        }
    }

    /// Every key given a second time in the same object, in document order; empty when there
    /// is none or when `data` is not JSON (`firstError` then says why).
    public static func duplicateKeys(in data: Data) -> [JSONDuplicateKey] {
        data.withUnsafeBytes { bytes in
            var scanner = JSONScanner(bytes, range: textRange(bytes))
            var path: [JSONDuplicateKey.Step] = []
            var found: [(path: [JSONDuplicateKey.Step], key: String, first: Int, again: Int)] = []
            scanner.skipSpace()
            do throws(JSONFailure) {
                try scanner.skipValue(depth: 0, path: &path, duplicates: &found)
            } catch {
                return []
            }
            return found.map { twice in
                let first = position(of: twice.first, in: bytes), again = position(of: twice.again, in: bytes)
                return JSONDuplicateKey(path: JSONDuplicateKey.text(of: twice.path), key: twice.key,
                                        firstLine: first.line, line: again.line, column: again.column)
            }
        }
    }

    /// The document without the byte order mark some editors put first (Foundation skips it).
    static func textRange(_ bytes: UnsafeRawBufferPointer) -> Range<Int> {
        let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
        return bytes.starts(with: mark) ? 3..<bytes.count : 0..<bytes.count
    }

    /// Line and column (in characters, from 1) of a byte offset.
    static func position(of offset: Int, in bytes: UnsafeRawBufferPointer) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}

/// A key given twice in one object. JSON leaves open which value counts (Foundation keeps the
/// first, most other tools the last), so a record holding one must not be read either way.
public struct JSONDuplicateKey: Sendable, Equatable, CustomStringConvertible {
    /// The object holding the key, as a field path (`lines[2]`); empty for the top level.
    public var path: String
    public var key: String
    /// The line of the key's first appearance.
    public var firstLine: Int
    /// Line and column of its second appearance.
    public var line: Int
    public var column: Int

    /// The key's own field path: `lines[2].price`.
    public var field: String { path.isEmpty ? key : "\(path).\(key)" }

    public var description: String { "\"\(key)\" given twice in \(path.isEmpty ? "the top object" : path) (lines \(firstLine) and \(line))" }

    enum Step {
        case key(String)
        case index(Int)
    }

    static func text(of steps: [Step]) -> String {
        var text = ""
        for step in steps {
            switch step {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }
}
