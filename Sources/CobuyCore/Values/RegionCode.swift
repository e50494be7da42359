/// A region as ISO 3166: a country (`US`) or a subdivision (`US-OR`).
public struct RegionCode: Hashable, Comparable, Sendable, TextCoded, CustomStringConvertible {
    public let code: String

    /// Accepts `CC` or `CC-SSS` (1–3 letters or digits after the dash), upper case.
    public init?(_ text: String) {
        if RegionCode.isCanonical(text) {
            code = text
            return
        }
        let code = text.trimmingSpaces.uppercased()
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        func letters(_ part: Substring, _ range: ClosedRange<Int>, digits: Bool) -> Bool {
            range.contains(part.count) && part.unicodeScalars.allSatisfy {
                ($0.value >= 65 && $0.value <= 90) || (digits && $0.value >= 48 && $0.value <= 57)
            }
        }
        guard (1...2).contains(parts.count), letters(parts[0], 2...2, digits: false) else { return nil }
        if parts.count == 2, !letters(parts[1], 1...3, digits: true) { return nil }
        self.code = code
    }

    /// `US` or `US-OR` as written already (two capitals, then a dash and one to three capitals
    /// or digits): taken as is, without trimming and upper-casing a copy.
    static func isCanonical(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 2 || (4...6).contains(bytes.count) else { return false }
        let capital = { (byte: UInt8) in (65...90).contains(byte) }
        guard capital(bytes[0]), capital(bytes[1]) else { return false }
        guard bytes.count > 2 else { return true }
        return bytes[2] == UInt8(ascii: "-") && bytes[3...].allSatisfy { capital($0) || (48...57).contains($0) }
    }

    /// For codes known to be valid at compile time.
    private init(verified code: String) {
        self.code = code
    }

    public static let unitedStates = RegionCode(verified: "US")
    /// ISO 3166's user-assigned "unknown": a publisher that gave no region.
    public static let unknown = RegionCode(verified: "ZZ")

    public var country: String { String(code.prefix(2)) }

    /// `US` contains `US-OR`; a code contains itself.
    public func contains(_ other: RegionCode) -> Bool {
        other.code == code || (!code.contains("-") && other.country == code)
    }

    public var description: String { code }

    public static func < (lhs: RegionCode, rhs: RegionCode) -> Bool { lhs.code < rhs.code }

    public var codedText: String { code }
    public static var expectedText: String { "a region such as US or US-OR" }
}
