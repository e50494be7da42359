/// Why an action was not taken: the guard that failed, in words a procurement officer
/// understands, and what would unblock it.
public struct Refusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable identifier of the guard, e.g. `lead-designated`, for scripts and tests.
    public var guardName: String
    /// The unmet condition as a sentence.
    public var reason: String
    /// What would unblock it, as a sentence; may be empty when nothing can.
    public var remedy: String
    /// The failed checks one by one (`remaining-term: Only 12 days ...`), for a refusal that
    /// sums up a checklist; empty otherwise.
    public var unmet: [String]

    public init(_ guardName: String, _ reason: String, remedy: String = "", unmet: [String] = []) {
        self.guardName = guardName
        self.reason = reason
        self.remedy = remedy
        self.unmet = unmet
    }

    public var description: String {
        remedy.isEmpty ? reason : "\(reason) \(remedy)"
    }

    static func wrongState(_ action: String, status: String, allowed: [String]) -> Refusal {
        let list = allowed.count == 1 ? allowed[0] : allowed.dropLast().joined(separator: ", ") + " or " + (allowed.last ?? "")
        return Refusal("state", "\(action) is only possible when the record is \(list); it is \(status).")
    }

    static func emptyText(_ flag: String, _ what: String) -> Refusal {
        Refusal("\(flag)-required", "A \(what) is required.", remedy: "Give --\(flag) with some text.")
    }
}

extension Refusal {
    /// `party-known`: an id that names no party, with the parties it was probably meant to
    /// name (a near miss such as "marion" must not send the officer off to create a party
    /// that exists), else how to record it.
    static func unknownParty(_ id: String, lookup: any RecordLookup, guardName: String = "party-known",
                             role: String = "party", vendor: Bool = false) -> Refusal {
        let create = vendor ? "cobuy new party --kind vendor" : "cobuy new party"
        let remedy = DidYouMean.question(id, among: lookup.knownParties()).map { "\($0) Else record it with \(create)." }
            ?? "Create it with \(create)."
        return Refusal(guardName, "There is no \(role) \(id) in the store.", remedy: remedy)
    }
}
