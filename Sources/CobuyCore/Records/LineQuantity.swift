/// How much of one requirement line a partner pledges to buy, in the line's unit.
public struct LineQuantity: Hashable, Sendable, Codable {
    /// The requirement line's number.
    public var line: Int
    public var quantity: Int

    /// The most a partner may pledge on one line: far above any real requirement, and low
    /// enough that the totals of every partner on every line stay exact.
    public static let maximum = Limits.quantity.range.upperBound

    public init(line: Int, quantity: Int) {
        self.line = line
        self.quantity = quantity
    }

    /// `1=40` pairs, separated by commas (repeated `--quantity` flags arrive joined this way).
    /// Returns `nil` for a bare number: that is the older single quantity, not per line.
    public static func parseList(_ text: String, flag: String) throws(ActionInputError) -> [LineQuantity]? {
        let pairs = text.split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
        guard pairs.contains(where: { $0.contains("=") }) else { return nil }
        var parsed: [LineQuantity] = []
        for pair in pairs {
            let parts = pair.split(separator: "=", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
            guard parts.count == 2, let line = Int(parts[0]), let quantity = Int(parts[1]) else {
                throw .invalid(flag, text, "LINE=N pairs such as 1=40 (the line's number, then the quantity)")
            }
            parsed.append(LineQuantity(line: line, quantity: quantity))
        }
        return parsed
    }

    /// `1=40,2=12`, as typed and as the audit trail records it.
    public static func text(_ quantities: [LineQuantity]) -> String {
        quantities.map { "\($0.line)=\($0.quantity)" }.joined(separator: ",")
    }
}
