/// An instant in UTC, whole seconds, written as ISO 8601 (`2026-11-23T14:05:00Z`).
///
/// The audit trail needs instants that read the same everywhere and sort as text, so the
/// representation is seconds since 1970 and formatting is done here rather than by a formatter
/// whose output depends on the platform.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let secondsSinceEpoch: Int

    public init(secondsSinceEpoch: Int) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    /// Midnight UTC at the start of `date`.
    public init(date: CalendarDate, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        secondsSinceEpoch = date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]` followed by `Z`, `±HH:MM` or nothing (UTC).
    public init?(iso8601 text: String) {
        if let exact = Timestamp(zulu: text) {
            self = exact
            return
        }
        let trimmed = text.trimmingSpaces
        guard trimmed.count >= 10, let date = CalendarDate(String(trimmed.prefix(10))) else { return nil }
        var rest = Substring(trimmed.dropFirst(10))
        if rest.isEmpty {
            self.init(date: date)
            return
        }
        guard let separator = rest.first, separator == "T" || separator == "t" || separator == " " else { return nil }
        rest = rest.dropFirst()
        func twoDigits() -> Int? {
            guard rest.count >= 2, let value = Int(rest.prefix(2)), rest.prefix(2).allSatisfy(\.isASCIIDigit) else { return nil }
            rest = rest.dropFirst(2)
            return value
        }
        guard let hour = twoDigits(), hour < 24, rest.first == ":" else { return nil }
        rest = rest.dropFirst()
        guard let minute = twoDigits(), minute < 60 else { return nil }
        var second = 0
        if rest.first == ":" {
            rest = rest.dropFirst()
            guard let value = twoDigits(), value < 61 else { return nil }
            second = min(value, 59)
            if rest.first == "." || rest.first == "," {
                rest = rest.dropFirst()
                let digits = rest.prefix(while: \.isASCIIDigit)
                guard !digits.isEmpty else { return nil }
                rest = rest.dropFirst(digits.count)
            }
        }
        var offset = 0
        if rest == "Z" || rest == "z" || rest.isEmpty {
            offset = 0
        } else if let sign = rest.first, sign == "+" || sign == "-" {
            rest = rest.dropFirst()
            guard let oh = twoDigits() else { return nil }
            if rest.first == ":" { rest = rest.dropFirst() }
            let om = rest.isEmpty ? 0 : (twoDigits() ?? -1)
            guard om >= 0, rest.isEmpty else { return nil }
            offset = (oh * 3600 + om * 60) * (sign == "+" ? 1 : -1)
        } else {
            return nil
        }
        self.init(secondsSinceEpoch: Timestamp(date: date, hour: hour, minute: minute, second: second).secondsSinceEpoch - offset)
    }

    /// `2026-11-23T14:05:00Z` exactly, read from its bytes: the form Cobuy and most publishers
    /// write, met 100,000 times in an import. Anything else is left to the general reader.
    private init?(zulu text: String) {
        var text = text
        let seconds: Int? = text.withUTF8 { bytes in
            guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
                  bytes[19] == UInt8(ascii: "Z") else { return nil }
            func two(_ at: Int) -> Int? {
                let high = Int(bytes[at]) - 48, low = Int(bytes[at + 1]) - 48
                guard (0...9).contains(high), (0...9).contains(low) else { return nil }
                return high * 10 + low
            }
            guard let hour = two(11), hour < 24, let minute = two(14), minute < 60, let second = two(17), second < 61,
                  let date = CalendarDate(String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<10]), as: UTF8.self)) else { return nil }
            return Timestamp(date: date, hour: hour, minute: minute, second: min(second, 59)).secondsSinceEpoch
        }
        guard let seconds else { return nil }
        self.init(secondsSinceEpoch: seconds)
    }

    /// The UTC calendar day this instant falls on.
    public var date: CalendarDate {
        CalendarDate(daysSinceEpoch: Int((Double(secondsSinceEpoch) / 86_400).rounded(.down)))
    }

    public func adding(seconds: Int) -> Timestamp {
        Timestamp(secondsSinceEpoch: secondsSinceEpoch + seconds)
    }

    public var description: String {
        let day = date
        var seconds = secondsSinceEpoch - day.daysSinceEpoch * 86_400
        let hour = seconds / 3600
        seconds -= hour * 3600
        let minute = seconds / 60
        seconds -= minute * 60
        // Digit by digit: every record's history writes one per entry.
        var bytes = Array(day.description.utf8)
        for (separator, value) in [(UInt8(ascii: "T"), hour), (UInt8(ascii: ":"), minute), (UInt8(ascii: ":"), seconds)] {
            bytes += [separator, UInt8(48 + value / 10), UInt8(48 + value % 10)]
        }
        bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Timestamp(iso8601: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected an ISO 8601 instant such as 2026-11-23T14:05:00Z, found \"\(text)\"")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines (no Foundation needed).
    public var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
