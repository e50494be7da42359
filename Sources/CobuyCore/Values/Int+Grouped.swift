extension BinaryInteger {
    /// `1,234,567`: digits grouped by thousands with commas, the same in every locale (a
    /// report reads the same on every officer's machine).
    public var grouped: String {
        let digits = String(self.magnitude)
        var result = self < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}

extension BinaryInteger {
    /// `1 day`, `2 days`, `0 records`: a count with its noun in the right number, so no
    /// output reads "1 record(s)". `plural` for nouns that do not just add an s.
    public func counted(_ singular: String, _ plural: String? = nil) -> String {
        "\(self) " + (self == 1 ? singular : plural ?? singular + "s")
    }
}
