import CobuyCore

/// A calendar day as a count of days since 1970-01-01 (proleptic Gregorian), with the
/// core's calendar arithmetic (CalendarDate): no Calendar objects in a loop that writes a
/// hundred thousand releases, and no time zones to get wrong.
struct CivilDay: Comparable {
    var number: Int

    init(number: Int) {
        self.number = number
    }

    /// The generator's days lie within 2019–2031, well inside the calendar's years 1–9999.
    init(year: Int, month: Int, day: Int) {
        number = (CalendarDate(year: year, month: month, day: day) ?? CalendarDate(daysSinceEpoch: 0)).daysSinceEpoch
    }

    var components: (year: Int, month: Int, day: Int) {
        let date = CalendarDate(daysSinceEpoch: number)
        return (date.year, date.month, date.day)
    }

    var year: Int { components.year }

    func adding(days: Int) -> CivilDay { CivilDay(number: number + days) }

    /// The same day `years` later (day-of-month at most 28 in this generator, so always valid).
    func adding(years: Int, months: Int = 0) -> CivilDay {
        let (year, month, day) = components
        let total = (year + years) * 12 + (month - 1) + months
        return CivilDay(year: total / 12, month: total % 12 + 1, day: min(day, 28))
    }

    static func < (lhs: CivilDay, rhs: CivilDay) -> Bool { lhs.number < rhs.number }

    /// The catalog's reference day: the sample store's "today".
    static let today = CivilDay(year: 2026, month: 11, day: 23)
    /// Contract terms lie within 2019–2031.
    static let earliest = CivilDay(year: 2019, month: 1, day: 1)
    static let latest = CivilDay(year: 2031, month: 12, day: 31)
}
