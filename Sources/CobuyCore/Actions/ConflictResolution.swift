import Foundation

/// `resolve`: an officer decides a conflict a merge left on a record — keeps the provisional
/// value, or one member's version — and the decision goes into the audit trail like any
/// action. Any kind of record can be in conflict, so the rule lives here once, and
/// ``RecordActions`` offers it on every record.
public enum ConflictResolution {
    public static let name = "resolve"

    public static let spec = ActionSpec(name, "Decide a conflict left by a sync: keep a version", parameters: [
        ParameterSpec("keep", "EVENT|provisional", "The event id of the version to keep (see cobuy show), or provisional (the default)",
                      required: false),
    ])

    /// Refuses unless the record is in conflict and the officer's party took part in it.
    public static func precheck<R: Record>(on record: R, in context: ActionContext) -> Refusal? {
        guard let conflict = record.conflict else {
            return Refusal("in-conflict", "\(record.id) has no conflict to resolve.")
        }
        let parties = conflict.parties(in: record.history)
        guard parties.isEmpty || parties.contains(context.officer.party) else {
            return Refusal("role", "Only a party whose work conflicts may decide (\(parties.sorted().joined(separator: " or "))); you act for \(context.officer.party).",
                           remedy: parties.sorted().first.map { "Act with --for \($0)." } ?? "")
        }
        return nil
    }

    /// Clears the conflict, first writing back the kept version's values when one is named.
    public static func apply<R: Record>(to record: R, keep: String?, in context: ActionContext) -> Result<Outcome<R>, Refusal> {
        if let refusal = precheck(on: record, in: context) { return .failure(refusal) }
        let choice = keep?.trimmingSpaces ?? ""
        var next = record
        if !choice.isEmpty, choice != "provisional" {
            let fields = (record.conflict?.fields ?? []).compactMap { field in
                field.versions.first { $0.event == choice }.map { (field.field, $0.value) }
            }
            guard !fields.isEmpty else {
                return .failure(Refusal("keep-known", "No version of \(record.id)'s conflict was written by event \(choice).",
                                        remedy: "Give one of: provisional, \((record.conflict?.fields ?? []).flatMap { $0.versions.map(\.event) }.joined(separator: ", "))."))
            }
            guard let written = setting(fields, in: record) else {
                return .failure(Refusal("keep-applies", "The kept version's values no longer fit \(record.id)."))
            }
            next = written
        }
        next.conflict = nil
        let status = record.statusName ?? "recorded"
        let event = context.entry(for: record, action: name, from: record.history.last?.to ?? status, to: record.history.last?.to ?? status,
                                  details: ["keep": choice.isEmpty ? "provisional" : choice])
        next.history.append(event)
        return .success(Outcome(record: next, event: event))
    }

    /// `record` with each path set to its JSON value, or nil when the result does not decode.
    static func setting<R: Record>(_ fields: [(path: String, value: String)], in record: R) -> R? {
        guard let data = try? JSONEncoder().encode(record),
              var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return nil }
        for (path, value) in fields {
            guard let parsed = try? JSONSerialization.jsonObject(with: Data(value.utf8), options: [.fragmentsAllowed]) else { return nil }
            let keys = path.split(separator: "/").map(String.init)
            guard let updated = set(parsed, at: keys[...], in: object) as? [String: Any] else { return nil }
            object = updated
        }
        guard let encoded = try? JSONSerialization.data(withJSONObject: object) else { return nil }
        return try? JSONDecoder().decode(R.self, from: encoded)
    }

    private static func set(_ value: Any, at keys: ArraySlice<String>, in container: Any?) -> Any? {
        guard let key = keys.first else { return value is NSNull ? nil : value }
        let rest = keys.dropFirst()
        if var list = container as? [Any], let index = Int(key), index >= 0 {
            if index < list.count {
                if let child = set(value, at: rest, in: list[index]) { list[index] = child } else { list.remove(at: index) }
            } else if let child = set(value, at: rest, in: nil) {
                list.append(child)
            }
            return list
        }
        var object = (container as? [String: Any]) ?? [:]
        object[key] = set(value, at: rest, in: object[key])
        return object
    }
}
