/// Hands out record ids, never one that is already taken.
///
/// A store of its own numbers `PREFIX-YYYY-NNNN`. A store shared by a consortium through git
/// numbers per member, `PREFIX-YYYY-CODE-NNNN` (`SOL-2026-SAL-0003`), so that two members who
/// create a record at the same moment in their own clones can never take the same id; the
/// older ids stay as they are and are still read.
///
/// The store fills it from the folder listing while it holds the write lock, so two writers
/// of one clone cannot hand out the same id; the machines stay pure by taking it as a value.
public struct IDPool: Sendable, Hashable {
    private var highest: [String: Int]
    /// The clone's member code in a shared store, `nil` in a store of its own.
    public private(set) var member: String?

    public init(existing ids: some Sequence<String>, member: String? = nil) {
        var highest: [String: Int] = [:]
        for id in ids {
            guard let parsed = IDPool.parse(id) else { continue }
            highest[parsed.series] = max(highest[parsed.series] ?? 0, parsed.number)
        }
        self.highest = highest
        self.member = member.flatMap { IDPool.isValidMemberCode($0) ? $0 : nil }
    }

    /// The next free id, e.g. `SOL-2026-0004`, or `SOL-2026-SAL-0004` for member `SAL`.
    public mutating func next(_ prefix: String, year: Int) -> String {
        let key = member.map { "\(prefix)-\(year)-\($0)" } ?? "\(prefix)-\(year)"
        let number = (highest[key] ?? 0) + 1
        highest[key] = number
        let digits = String(number)
        return "\(key)-\(String(repeating: "0", count: max(0, 4 - digits.count)))\(digits)"
    }

    /// The numbered series an id belongs to (`SOL-2026` or `SOL-2026-SAL`) and its number;
    /// `nil` for ids that are not numbered (party slugs, imported contracts' own ids).
    public static func parse(_ id: String) -> (series: String, number: Int)? {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3 || parts.count == 4, parts[1].count == 4, Int(parts[1]) != nil,
              let last = parts.last, !last.isEmpty, last.allSatisfy(\.isASCIIDigit), let number = Int(last),
              // A number past the limit (a file named SOL-2026-9223372036854775807) is not in the
              // series: counting it would overflow the next id.
              Limits.idNumber.contains(number) else { return nil }
        if parts.count == 4, !isValidMemberCode(String(parts[2])) { return nil }
        return (parts.dropLast().joined(separator: "-"), number)
    }

    /// Two to six capital letters or digits, starting with a letter: short enough to read in an id.
    public static func isValidMemberCode(_ code: String) -> Bool {
        guard (2...6).contains(code.count), let first = code.unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
        return code.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }
}
