/// "Did you mean marion-county (Marion County)?" after an id that names nothing, for the
/// command line's errors and the machines' refusals alike. Near misses are what the pickers
/// find (a prefix, the words of a name) and, for typing slips, ids a couple of letters away.
public enum DidYouMean {
    /// At most `limit` picks close to `typed`, the closest first.
    public static func candidates(_ typed: String, among picks: [Pick], limit: Int = 3) -> [Pick] {
        let query = RecordSummary.fold(typed).trimmingSpaces
        guard !query.isEmpty, limit > 0 else { return [] }
        // The loosest picker rank (letters in order) is fine while typing, where the list
        // narrows as you go, but suggests nonsense after a finished word: left out here.
        var ranked = Pick.scored(picks, typed: typed).filter { $0.score < Pick.lettersInOrderRank }
            .map { (score: $0.score * 10, pick: $0.pick) }
        // Slips are looked for only when nothing matches as typed, and only the nearest of
        // them are offered: SOL-2026-003 means SOL-2026-0003, not every solicitation of 2026.
        if ranked.isEmpty {
            var allowed = max(1, min(3, query.count / 4))
            var slips: [(score: Int, pick: Pick)] = []
            for pick in picks {
                let distance = editDistance(Array(query), Array(RecordSummary.fold(pick.id)), atMost: allowed)
                guard distance <= allowed else { continue }
                if distance < allowed { slips.removeAll(); allowed = distance }
                slips.append((score: distance, pick: pick))
            }
            ranked = slips
        }
        return Array(ranked.sorted { $0.score != $1.score ? $0.score < $1.score : $0.pick.id < $1.pick.id }
            .prefix(limit).map(\.pick))
    }

    /// The question to add to an error, or nil when nothing is close.
    public static func question(_ typed: String, among picks: [Pick]) -> String? {
        question(naming: candidates(typed, among: picks).map { $0.label.isEmpty || $0.label == $0.id ? $0.id : "\($0.id) (\($0.label))" })
    }

    /// "Did you mean a, b or c?", or nil for none.
    public static func question(naming names: [String]) -> String? {
        guard let last = names.last else { return nil }
        return "Did you mean " + (names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " or " + last) + "?"
    }

    /// Optimal string alignment distance (a swap of two neighbours counts once), giving up
    /// as soon as every path is past `atMost`.
    static func editDistance(_ a: [Character], _ b: [Character], atMost limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var best = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, before[j - 2] + 1) }
                current[j] = value
                best = min(best, value)
            }
            if best > limit { return limit + 1 }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
