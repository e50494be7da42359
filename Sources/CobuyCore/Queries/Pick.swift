import Foundation

/// One thing a reference field can take (a party, a contract, a proposal, a criterion): the id
/// the action is given, and the name the officer reads.
public struct Pick: Sendable, Equatable {
    public var id: String
    public var label: String
    /// Id and name, accents and case folded, for matching what is typed.
    let folded: String
    /// The id folded, and the name's whole words folded ("Salem-Keizer" is one word): folded
    /// once here, not at every key typed.
    let foldedID: String
    let wholeWords: [String]

    public init(id: String, label: String) {
        self.id = id
        self.label = label
        folded = RecordSummary.fold("\(id) \(label)")
        foldedID = RecordSummary.fold(id)
        wholeWords = RecordSummary.fold(label).split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "," })
            .map { $0.trimmingCharacters(in: .punctuationCharacters) }
    }

    /// The picks that match `typed`, best first: the id itself, then a pick with a name word
    /// equal to each typed word ("salem" is the City of Salem's), then an id that starts with
    /// it, then an id or a name word that starts with it, then every typed word somewhere, then
    /// the typed letters in order ("mrn cnty" finds marion-county), those at word starts and
    /// close together first. Accents and case are ignored.
    public static func ranked(_ picks: [Pick], typed: String) -> [Pick] {
        let query = RecordSummary.fold(typed).trimmingSpaces
        guard !query.isEmpty else { return picks }
        return scored(picks, typed: typed).sorted { left, right in
            if left.score != right.score { return left.score < right.score }
            if left.closeness != right.closeness { return left.closeness < right.closeness }
            return left.pick.label < right.pick.label
        }.map(\.pick)
    }

    /// The rank of a match on the letters in order only: the loosest, kept out of suggestions
    /// made after a finished word (``DidYouMean``).
    static let lettersInOrderRank = 5

    /// Each matching pick with its rank: 0 the id itself, 1 every typed word is a whole word of
    /// the name, 2 an id that starts with what was typed, 3 every typed word starts a word,
    /// 4 every typed word somewhere, 5 the letters in order. `closeness` orders picks of the
    /// same rank (lower first): for letters in order, more of them at word starts, then the
    /// shortest stretch they span.
    static func scored(_ picks: [Pick], typed: String) -> [(score: Int, closeness: Int, pick: Pick)] {
        let query = RecordSummary.fold(typed).trimmingSpaces
        guard !query.isEmpty else { return [] }
        let words = query.split(separator: " ").map(String.init)
        let letters = Array(query.filter { $0 != " " })
        var scored: [(score: Int, closeness: Int, pick: Pick)] = []
        for pick in picks {
            let id = pick.foldedID
            let nameWords = pick.folded.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "(" || $0 == "," })
            var closeness = 0
            let score: Int
            if id == query { score = 0 }
            // Whole words of the name as written: "salem" is the City of Salem's word and only
            // the start of Salem-Keizer's.
            else if words.allSatisfy({ pick.wholeWords.contains($0) }) { score = 1 }
            else if id.hasPrefix(query) { score = 2 }
            else if words.allSatisfy({ word in nameWords.contains { $0.hasPrefix(word) } }) { score = 3 }
            else if words.allSatisfy({ pick.folded.contains($0) }) { score = 4 }
            else if let match = lettersInOrder(letters, in: Array(pick.folded)) {
                score = lettersInOrderRank
                closeness = (letters.count - match.atWordStarts) * 1000 + match.span
            } else { continue }
            scored.append((score, closeness, pick))
        }
        return scored
    }

    /// Where `needle`'s letters sit in order in `haystack`, best placement first: from each place
    /// the first letter occurs, each next letter at its next occurrence; the placement with more
    /// letters at word starts wins, then the shorter. Nil when they are not all there in order.
    static func lettersInOrder(_ needle: [Character], in haystack: [Character]) -> (atWordStarts: Int, span: Int)? {
        guard let first = needle.first else { return (0, 0) }
        func isWordStart(_ index: Int) -> Bool {
            index == 0 || !(haystack[index - 1].isLetter || haystack[index - 1].isNumber)
        }
        var best: (atWordStarts: Int, span: Int)?
        for start in haystack.indices where haystack[start] == first {
            var position = start
            var atWordStarts = isWordStart(start) ? 1 : 0
            var found = true
            for letter in needle.dropFirst() {
                var next = position + 1
                while next < haystack.count, haystack[next] != letter { next += 1 }
                guard next < haystack.count else { found = false; break }
                position = next
                if isWordStart(next) { atWordStarts += 1 }
            }
            guard found else { break }
            let candidate = (atWordStarts: atWordStarts, span: position - start + 1)
            if let current = best, current.atWordStarts > candidate.atWordStarts
                || (current.atWordStarts == candidate.atWordStarts && current.span <= candidate.span) { continue }
            best = candidate
        }
        return best
    }
}
