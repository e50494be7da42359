import Foundation

/// One thing a reference field can take (a party, a contract, a proposal, a criterion): the id
/// the action is given, and the name the officer reads.
public struct Pick: Sendable, Equatable {
    public var id: String
    public var label: String
    /// Id and name, accents and case folded, for matching what is typed.
    let folded: String

    public init(id: String, label: String) {
        self.id = id
        self.label = label
        folded = RecordSummary.fold("\(id) \(label)")
    }

    /// The picks that match `typed`, best first: the id itself, then an id or a name word that
    /// starts with it, then every typed word somewhere, then the typed letters in order
    /// ("mrn cnty" finds marion-county). Accents and case are ignored.
    public static func ranked(_ picks: [Pick], typed: String) -> [Pick] {
        let query = RecordSummary.fold(typed).trimmingSpaces
        guard !query.isEmpty else { return picks }
        return scored(picks, typed: typed).sorted { $0.score != $1.score ? $0.score < $1.score : $0.pick.label < $1.pick.label }.map(\.pick)
    }

    /// Each matching pick with its rank: 0 the id itself, 1 an id that starts with what was
    /// typed, 2 every typed word starts a word, 3 every typed word somewhere, 4 the letters in order.
    static func scored(_ picks: [Pick], typed: String) -> [(score: Int, pick: Pick)] {
        let query = RecordSummary.fold(typed).trimmingSpaces
        guard !query.isEmpty else { return [] }
        let words = query.split(separator: " ").map(String.init)
        var scored: [(score: Int, pick: Pick)] = []
        for pick in picks {
            let id = RecordSummary.fold(pick.id)
            let nameWords = pick.folded.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "(" || $0 == "," })
            let score: Int
            if id == query { score = 0 }
            else if id.hasPrefix(query) { score = 1 }
            else if words.allSatisfy({ word in nameWords.contains { $0.hasPrefix(word) } }) { score = 2 }
            else if words.allSatisfy({ pick.folded.contains($0) }) { score = 3 }
            else if isSubsequence(query.filter { $0 != " " }, of: pick.folded) { score = 4 }
            else { continue }
            scored.append((score, pick))
        }
        return scored
    }

    private static func isSubsequence(_ needle: String, of haystack: String) -> Bool {
        var rest = Substring(haystack)
        for character in needle {
            guard let found = rest.firstIndex(of: character) else { return false }
            rest = rest[rest.index(after: found)...]
        }
        return true
    }
}
