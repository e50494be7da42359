import Foundation

/// A record's fields as a flat map from path (`scope`, `contacts/0/name`) to the JSON text of
/// the value there: what lets a merge see which fields each member's work changed.
struct FieldPaths: Equatable {
    var values: [String: String]
    /// How many elements each list had, by the list's path: an index at or past it is an append.
    var counts: [String: Int]

    /// Fields that carry bookkeeping rather than anything an officer wrote.
    static let ignored: Set<String> = ["history", "revision", "conflict"]

    init(_ data: Data) {
        values = [:]
        counts = [:]
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any] else { return }
        for (key, value) in object where !FieldPaths.ignored.contains(key) { flatten(value, at: key) }
    }

    private mutating func flatten(_ value: Any, at path: String) {
        if let object = value as? [String: Any] {
            if object.isEmpty { values[path] = "{}" }
            for (key, child) in object { flatten(child, at: "\(path)/\(key)") }
        } else if let list = value as? [Any] {
            counts[path] = list.count
            if list.isEmpty { values[path] = "[]" }
            for (index, child) in list.enumerated() { flatten(child, at: "\(path)/\(index)") }
        } else {
            values[path] = FieldPaths.text(value)
        }
    }

    static func text(_ value: Any) -> String {
        if value is NSNull { return "null" }
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes]),
              let text = String(data: data, encoding: .utf8) else { return "\(value)" }
        return text
    }

    /// The fields whose value differs from `base`'s, each named by the field a member wrote:
    /// elements appended to a list are left out (two members adding lines commute), and a
    /// change inside an element names the element's field.
    func written(since base: FieldPaths) -> Set<String> {
        var written: Set<String> = []
        for path in Set(values.keys).union(base.values.keys) where values[path] != base.values[path] {
            if base.isAppend(path) { continue }
            written.insert(path)
        }
        return written
    }

    /// Whether `path` lies inside an element past the end of a list in this (older) version.
    func isAppend(_ path: String) -> Bool {
        let parts = path.split(separator: "/").map(String.init)
        var prefix = ""
        for (offset, part) in parts.enumerated() {
            if offset > 0, let index = Int(part) {
                if let count = counts[prefix], index >= count { return true }
                if counts[prefix] == nil, values[prefix] == nil || values[prefix] == "[]" { return true }
            }
            prefix = prefix.isEmpty ? part : "\(prefix)/\(part)"
        }
        return false
    }

    func value(_ path: String) -> String { values[path] ?? "null" }
}
