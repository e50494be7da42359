/// A calendar day as a count of days since 1970-01-01 (proleptic Gregorian), with the
/// civil-from-days arithmetic of Howard Hinnant's date algorithms: no Calendar objects in a
/// loop that writes a hundred thousand releases, and no time zones to get wrong.
struct CivilDay: Comparable {
    var number: Int

    init(number: Int) {
        self.number = number
    }

    init(year: Int, month: Int, day: Int) {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        number = era * 146_097 + dayOfEra - 719_468
    }

    var components: (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
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
