/// A calendar day (`YYYY-MM-DD`) with no time zone, as contracts and tenders state them.
///
/// Arithmetic uses the proleptic Gregorian calendar through a day count since 1970-01-01, so it
/// needs no Foundation calendar and gives the same answer on every machine.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible, TextCoded {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date when the parts name a real day, else `nil`.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The day `days` after 1970-01-01 (negative before), held within years 1 to 9999 so that
    /// no input makes the arithmetic below overflow.
    public init(daysSinceEpoch unclamped: Int) {
        let days = min(max(unclamped, -719_162), 2_932_896)
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.year = y
        self.month = m
        self.day = d
    }

    /// Days since 1970-01-01.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The first and last days a date may be (years 1 to 9999, four digits in the files).
    public static let earliest = CalendarDate(daysSinceEpoch: -719_162)
    public static let latest = CalendarDate(daysSinceEpoch: 2_932_896)

    /// The day `days` later (earlier when negative), held at ``earliest`` or ``latest`` rather
    /// than overflowing: asking for contracts expiring within 2^63-1 days means "ever".
    public func adding(days: Int) -> CalendarDate {
        let (total, overflow) = daysSinceEpoch.addingReportingOverflow(days)
        if overflow { return days > 0 ? .latest : .earliest }
        return CalendarDate(daysSinceEpoch: total)
    }

    /// The same day `months` later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29),
    /// and held at ``earliest`` or ``latest`` beyond the calendar's years (checked arithmetic:
    /// a renewal of 2^63-1 months does not trap).
    public func adding(months: Int) -> CalendarDate {
        let (moved, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(months)
        let lastMonth = CalendarDate.latest.year * 12 + 11
        let firstMonth = CalendarDate.earliest.year * 12
        if overflow || moved > lastMonth { return .latest }
        if moved < firstMonth { return .earliest }
        let y = moved / 12
        let m = moved % 12 + 1
        let d = min(day, CalendarDate.daysIn(month: m, year: y))
        return CalendarDate(year: y, month: m, day: d) ?? self
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDate) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var description: String {
        guard (0...9999).contains(year) else {
            func pad(_ value: Int, _ width: Int) -> String {
                let text = String(value)
                return String(repeating: "0", count: max(0, width - text.count)) + text
            }
            return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        }
        // Digit by digit: written for every contract of a 100,000-contract import.
        let digits: [UInt8] = [
            UInt8(48 + year / 1000), UInt8(48 + year / 100 % 10), UInt8(48 + year / 10 % 10), UInt8(48 + year % 10), UInt8(ascii: "-"),
            UInt8(48 + month / 10 % 10), UInt8(48 + month % 10), UInt8(ascii: "-"), UInt8(48 + day / 10 % 10), UInt8(48 + day % 10),
        ]
        return String(decoding: digits, as: UTF8.self)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var codedText: String { description }
    public static var expectedText: String { "a date as YYYY-MM-DD" }
}
