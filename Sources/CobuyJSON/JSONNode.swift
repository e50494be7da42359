import Foundation

/// A JSON value: one inside a parsed tape, or an object or array put together from such
/// values (compiling several releases of one process merges them without copying the rest).
public indirect enum JSONNode: Sendable {
    case tape(JSONTape, Int)
    case object([String: JSONNode])
    case array([JSONNode])

    public var kind: JSONTape.Kind {
        switch self {
        case .tape(let tape, let index): return tape.kind(index)
        case .object: return .object
        case .array: return .array
        }
    }

    public var isObject: Bool { kind == .object }

    /// The member `key` of an object; nil for anything else.
    public subscript(key: String) -> JSONNode? {
        switch self {
        case .tape(let tape, let index): return tape.member(key, of: index).map { .tape(tape, $0) }
        case .object(let members): return members[key]
        case .array: return nil
        }
    }

    /// An object's members in document order; nil for anything else.
    public var members: [(key: String, value: JSONNode)]? {
        switch self {
        case .tape(let tape, let index):
            guard tape.kind(index) == .object else { return nil }
            return tape.children(of: index).map { (tape.text($0.key ?? 0), .tape(tape, $0.value)) }
        case .object(let members): return members.map { ($0.key, $0.value) }
        case .array: return nil
        }
    }

    /// An array's elements; nil for anything else.
    public var elements: [JSONNode]? {
        switch self {
        case .tape(let tape, let index):
            guard tape.kind(index) == .array else { return nil }
            return tape.children(of: index).map { .tape(tape, $0.value) }
        case .array(let elements): return elements
        case .object: return nil
        }
    }

    /// The elements that are objects (others are skipped); empty for a non-array.
    public var objects: [JSONNode] { (elements ?? []).filter(\.isObject) }

    /// The elements when every one is a string.
    public var strings: [String]? {
        guard let elements else { return nil }
        var result: [String] = []
        for element in elements {
            guard let text = element.string else { return nil }
            result.append(text)
        }
        return result
    }

    /// The elements when every one is an object.
    public var objectArray: [JSONNode]? {
        guard let elements, elements.allSatisfy(\.isObject) else { return nil }
        return elements
    }

    /// A string's text; nil for anything else.
    public var string: String? {
        guard case .tape(let tape, let index) = self, tape.kind(index) == .string else { return nil }
        return tape.text(index)
    }

    /// A number as written (`12`, `1.50`, `2e3`); nil for anything else.
    public var numberText: String? {
        guard case .tape(let tape, let index) = self, tape.kind(index) == .number else { return nil }
        return tape.text(index)
    }

    public var bool: Bool? {
        switch kind {
        case .true: return true
        case .false: return false
        default: return nil
        }
    }

    /// The bytes of a value in a tape, in the document it was read from.
    public var byteRange: Range<Int>? {
        guard case .tape(let tape, let index) = self else { return nil }
        return tape.range(index)
    }

    /// The same value as Foundation's `JSONSerialization` reads it (`[String: Any]`, `[Any]`,
    /// `String`, `NSNumber`, `Bool`, `NSNull`).
    public var foundationValue: Any {
        switch kind {
        case .object: return Dictionary((members ?? []).map { ($0.key, $0.value.foundationValue) }, uniquingKeysWith: { _, last in last })
        case .array: return (elements ?? []).map(\.foundationValue)
        case .string: return string ?? ""
        case .number:
            let text = numberText ?? "0"
            if let whole = Int(text) { return NSNumber(value: whole) }
            return NSNumber(value: Double(text) ?? 0)
        case .true: return true
        case .false: return false
        case .null: return NSNull()
        }
    }
}
