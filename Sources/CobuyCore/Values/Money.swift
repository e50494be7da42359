/// An amount of money in whole minor units (cents) of an ISO 4217 currency.
///
/// Integers keep sums exact: cost shares must add up to the cent, and `Decimal` would drop
/// trailing zeros from the files. Every currency is taken to have two minor digits.
public struct Money: Hashable, Sendable, Codable, CustomStringConvertible {
    public var amount: Int
    public var currency: String

    public init(amount: Int, currency: String) {
        self.amount = amount
        self.currency = currency
    }

    public static func zero(_ currency: String) -> Money { Money(amount: 0, currency: currency) }

    /// Parses what an officer types: `125000`, `125,000.50`, `$1,200`, `1200.5 EUR`, `EUR 1200`.
    /// Returns `nil` for anything else, including negative amounts and more than two decimals.
    public init?(parsing text: String, defaultCurrency: String) {
        var body = text.trimmingSpaces
        var currency = defaultCurrency
        let words = body.split(separator: " ").map(String.init)
        if words.count == 2 {
            if Money.isCurrencyCode(words[0]) { currency = words[0]; body = words[1] }
            else if Money.isCurrencyCode(words[1]) { currency = words[1]; body = words[0] }
            else { return nil }
        } else if words.count != 1 {
            return nil
        }
        if body.hasPrefix("$") { body.removeFirst() }
        body = body.replacingAll(",", with: "")
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.count <= 15,
              whole.allSatisfy(\.isASCIIDigit), let units = Int(whole) else { return nil }
        var cents = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy(\.isASCIIDigit),
                  let value = Int(fraction) else { return nil }
            cents = fraction.count == 1 ? value * 10 : value
        }
        self.init(amount: units * 100 + cents, currency: currency)
    }

    /// Three capital letters, as ISO 4217 codes are.
    public static func isCurrencyCode(_ text: String) -> Bool {
        text.count == 3 && text.unicodeScalars.allSatisfy { $0.value >= 65 && $0.value <= 90 }
    }

    /// `$1,234.56` for US dollars, `1,234.56 EUR` otherwise.
    public var description: String {
        let sign = amount < 0 ? "-" : ""
        let magnitude = amount.magnitude
        let cents = magnitude % 100
        let number = "\((magnitude / 100).grouped).\(cents < 10 ? "0" : "")\(cents)"
        return currency == "USD" ? "\(sign)$\(number)" : "\(sign)\(number) \(currency)"
    }

    /// The amount as a plain decimal string without grouping, e.g. `1234.56` (for CSV and OCDS).
    public var plainAmount: String {
        let sign = amount < 0 ? "-" : ""
        let cents = amount.magnitude % 100
        return "\(sign)\(amount.magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation needed in the core).
    public func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
