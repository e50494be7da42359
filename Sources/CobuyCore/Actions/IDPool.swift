/// Hands out record ids of the form `PREFIX-YYYY-NNNN`, never one that is already taken.
///
/// The store fills it from the folder listing while it holds the write lock, so two writers
/// cannot hand out the same id; the machines stay pure by taking it as a value.
public struct IDPool: Sendable, Hashable {
    private var highest: [String: Int]

    public init(existing ids: some Sequence<String>) {
        var highest: [String: Int] = [:]
        for id in ids {
            let parts = id.split(separator: "-")
            guard parts.count == 3, parts[1].count == 4, let number = Int(parts[2]) else { continue }
            let key = "\(parts[0])-\(parts[1])"
            highest[key] = max(highest[key] ?? 0, number)
        }
        self.highest = highest
    }

    /// The next free id, e.g. `SOL-2026-0004`.
    public mutating func next(_ prefix: String, year: Int) -> String {
        let key = "\(prefix)-\(year)"
        let number = (highest[key] ?? 0) + 1
        highest[key] = number
        let digits = String(number)
        return "\(key)-\(String(repeating: "0", count: max(0, 4 - digits.count)))\(digits)"
    }
}
