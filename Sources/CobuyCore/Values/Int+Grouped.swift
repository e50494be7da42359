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
