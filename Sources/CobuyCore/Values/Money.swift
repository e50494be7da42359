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

    /// The largest amount Cobuy records, in minor units (9,999,999,999,999.99): more than any
    /// public contract, and a hundred thousand of them still add up without overflow.
    public static let maximumAmount = 999_999_999_999_999

    /// Parses what an officer types: `125000`, `125,000.50`, `$1,200`, `1200.5 EUR`, `EUR 1200`.
    /// Returns `nil` for anything else; ``parse(_:defaultCurrency:)`` says why.
    public init?(parsing text: String, defaultCurrency: String) {
        guard case .success(let money) = Money.parse(text, defaultCurrency: defaultCurrency) else { return nil }
        self = money
    }

    /// Parses an amount the same way everywhere (flags, forms, CSV and OCDS imports), refusing
    /// what could be read two ways: a comma separates thousands only in groups of three
    /// (`1,250.00`), and the decimal separator is a point with one or two digits after it.
    /// `12,50` (twelve and a half in much of Europe) and `$1,2,3` are refused, never guessed.
    public static func parse(_ text: String, defaultCurrency: String) -> Result<Money, AmountProblem> {
        var body = text.trimmingSpaces
        var currency = defaultCurrency
        let words = body.split(separator: " ").map(String.init)
        if words.count == 2 {
            if isCurrencyCode(words[0]) { currency = words[0]; body = words[1] }
            else if isCurrencyCode(words[1]) { currency = words[1]; body = words[0] }
            else { return .failure(.notAnAmount) }
        } else if words.count != 1 {
            return .failure(.notAnAmount)
        }
        if body.hasPrefix("$") { body.removeFirst() }
        if body.hasPrefix("-") { return .failure(.negative) }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty else { return .failure(.notAnAmount) }
        if parts.count == 2, parts[1].contains(",") { return .failure(.ambiguousSeparators) }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else {
            return .failure(groups.count > 1 && groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) ? .ambiguousSeparators : .notAnAmount)
        }
        if groups.count > 1, !(groups[0].count <= 3 && groups.dropFirst().allSatisfy({ $0.count == 3 })) {
            return .failure(.ambiguousSeparators)
        }
        let digits = groups.joined()
        // Sixteen digits or more cannot be within the limit; checked before converting.
        guard digits.count <= 15, let units = Int(digits) else { return .failure(.tooLarge) }
        var cents = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy(\.isASCIIDigit), let value = Int(fraction) else {
                return .failure(.fraction)
            }
            cents = fraction.count == 1 ? value * 10 : value
        }
        let (hundreds, overflow) = units.multipliedReportingOverflow(by: 100)
        guard !overflow, hundreds <= maximumAmount - cents else { return .failure(.tooLarge) }
        return .success(Money(amount: hundreds + cents, currency: currency))
    }

    /// Why a text is not an amount.
    public enum AmountProblem: Error, Sendable, Hashable, CustomStringConvertible {
        case notAnAmount
        case negative
        case ambiguousSeparators
        case fraction
        case tooLarge

        public var description: String {
            switch self {
            case .notAnAmount: return "not an amount"
            case .negative: return "amounts are not negative"
            case .ambiguousSeparators:
                return "ambiguous: a comma may only group thousands in threes (1,250.00) and the decimal separator is a point (12.50)"
            case .fraction: return "at most two digits after the decimal point"
            case .tooLarge: return "larger than the limit of \(Money(amount: Money.maximumAmount, currency: "USD").plainAmount)"
            }
        }
    }

    /// The sum, or nil when it would leave the range Cobuy records (checked, never a trap).
    public func adding(_ other: Money) -> Money? {
        guard other.currency == currency else { return nil }
        let (sum, overflow) = amount.addingReportingOverflow(other.amount)
        guard !overflow, Limits.moneyAmount.contains(sum) else { return nil }
        return Money(amount: sum, currency: currency)
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
