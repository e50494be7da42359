/// The range a whole number may take, with the words that name it in a message.
///
/// Every whole number that comes from a flag or a file is checked against one of these before
/// it is used: a renewal count of 10^12 would otherwise allocate terabytes, and a score of
/// 2^63-1 overflows the weighted total. The ranges are far beyond any real solicitation,
/// contract or public body, and small enough that the arithmetic on them cannot overflow.
public struct Limit: Sendable, Hashable {
    /// What the number is, as in "renewal options" or "a criterion's weight".
    public let name: String
    public let range: ClosedRange<Int>

    public init(_ name: String, _ range: ClosedRange<Int>) {
        self.name = name
        self.range = range
    }

    public func contains(_ value: Int) -> Bool { range.contains(value) }

    /// Why `value` is refused, naming the limit, or nil when it is within it.
    public func problem(_ value: Int) -> String? {
        contains(value) ? nil : "\(value) is outside the limit for \(name) (\(rangeText))"
    }

    /// `0 to 20`, `1 to 1,000,000,000`.
    public var rangeText: String { "\(range.lowerBound.grouped) to \(range.upperBound.grouped)" }
}

/// The limits Cobuy sets; each is the one place its rule lives (the command line, the store's
/// reader and the action inputs all ask here).
public enum Limits {
    /// Renewal options on one contract.
    public static let renewalOptions = Limit("renewal options", 0...20)
    /// Months in one renewal option: up to ten years.
    public static let renewalMonths = Limit("months per renewal option", 1...120)
    /// A requirement line's or a partner's pooled quantity.
    public static let quantity = Limit("a quantity", 0...1_000_000_000)
    /// The population a public body serves: more than any country's.
    public static let population = Limit("a population", 0...10_000_000_000)
    /// A criterion's weight in percent as stored (the guard for new criteria asks 1–100).
    public static let weight = Limit("a criterion's weight", 0...100)
    /// A proposal's score on one criterion.
    public static let score = Limit("a score", 0...100)
    /// Proposals a solicitation must receive before it may close.
    public static let minimumProposals = Limit("the minimum number of proposals", 0...1_000)
    /// A record's revision and its history's sequence numbers (each write adds one).
    public static let revision = Limit("a revision or sequence number", 0...1_000_000_000)
    /// A requirement line's number.
    public static let lineNumber = Limit("a line number", 0...1_000_000)
    /// A number of days asked about (contracts expiring within N days, minimum remaining term):
    /// a hundred years.
    public static let days = Limit("a number of days", 0...36_525)
    /// The number at the end of a numbered id (`SOL-2026-0042`).
    public static let idNumber = Limit("the number in an id", 0...99_999_999)
    /// A count of records to skip or show.
    public static let count = Limit("a count of records", 0...1_000_000_000)
    /// Any other whole number typed for an action (its own guard then says what it allows).
    public static let actionNumber = Limit("a whole number", -1_000_000_000...1_000_000_000)
    /// An amount of money, in minor units: 9,999,999,999,999.99 either way.
    public static let moneyAmount = Limit("an amount of money", -Money.maximumAmount...Money.maximumAmount)

    /// The limit on an action's whole-number flag, by the flag's name.
    public static func forActionFlag(_ flag: String) -> Limit {
        switch flag {
        case "renewals": return renewalOptions
        case "renewal-months": return renewalMonths
        case "quantity": return quantity
        case "minimum": return minimumProposals
        default: return actionNumber
        }
    }
}
