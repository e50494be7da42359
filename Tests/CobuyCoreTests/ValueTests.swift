import Testing
@testable import CobuyCore

@Suite struct ValueTests {
    @Test func calendarDatesParseFormatAndCount() {
        #expect(CalendarDate("2000-03-01")?.daysSinceEpoch == 11_017)
        #expect(CalendarDate("1970-01-01")?.daysSinceEpoch == 0)
        #expect(CalendarDate(daysSinceEpoch: 11_017).description == "2000-03-01")
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2025-02-29") == nil)
        #expect(CalendarDate("2026-13-01") == nil)
        #expect(CalendarDate("26-01-01") == nil)
        #expect(CalendarDate("2026-1-01") == nil)
        #expect(CalendarDate("2024-02-28")!.adding(days: 2).description == "2024-03-01")
        #expect(CalendarDate("2026-01-31")!.adding(months: 1).description == "2026-02-28")
        #expect(CalendarDate("2024-01-31")!.adding(months: 1).description == "2024-02-29")
        #expect(CalendarDate("2026-11-23")!.adding(months: -11).description == "2025-12-23")
        #expect(CalendarDate("2026-11-23")!.days(until: CalendarDate("2027-01-20")!) == 58)
    }

    @Test func everyDayRoundTripsThroughItsDayCount() {
        for days in stride(from: -719_000, through: 2_900_000, by: 997) {
            let date = CalendarDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            #expect(CalendarDate(date.description) == date)
        }
    }

    @Test func timestampsParseISO8601AndPrintUTC() {
        #expect(Timestamp(iso8601: "2026-11-23T14:05:00Z")?.description == "2026-11-23T14:05:00Z")
        #expect(Timestamp(iso8601: "2026-11-23T14:05:09.123Z")?.description == "2026-11-23T14:05:09Z")
        #expect(Timestamp(iso8601: "2026-11-23T16:05:00+02:00")?.description == "2026-11-23T14:05:00Z")
        #expect(Timestamp(iso8601: "2026-11-23T00:30:00-08:00")?.description == "2026-11-23T08:30:00Z")
        #expect(Timestamp(iso8601: "2026-11-23")?.description == "2026-11-23T00:00:00Z")
        #expect(Timestamp(iso8601: "2026-11-23T14:05")?.description == "2026-11-23T14:05:00Z")
        #expect(Timestamp(iso8601: "yesterday") == nil)
        #expect(Timestamp(iso8601: "2026-11-23T25:00:00Z") == nil)
        #expect(Timestamp(iso8601: "2026-11-23T14:05:00Q") == nil)
        #expect(Timestamp(secondsSinceEpoch: -1).description == "1969-12-31T23:59:59Z")
    }

    @Test func moneyParsesWhatOfficersType() {
        #expect(Money(parsing: "125000", defaultCurrency: "USD") == Money(amount: 12_500_000, currency: "USD"))
        #expect(Money(parsing: "125,000.50", defaultCurrency: "USD")?.amount == 12_500_050)
        #expect(Money(parsing: "$1,200", defaultCurrency: "USD")?.amount == 120_000)
        #expect(Money(parsing: "1200.5 EUR", defaultCurrency: "USD") == Money(amount: 120_050, currency: "EUR"))
        #expect(Money(parsing: "EUR 7", defaultCurrency: "USD") == Money(amount: 700, currency: "EUR"))
        #expect(Money(parsing: "-5", defaultCurrency: "USD") == nil)
        #expect(Money(parsing: "1.234", defaultCurrency: "USD") == nil)
        #expect(Money(parsing: "abc", defaultCurrency: "USD") == nil)
        #expect(Money(parsing: "99999999999999999999", defaultCurrency: "USD") == nil)
        #expect(Money(amount: 123_456_789, currency: "USD").description == "$1,234,567.89")
        #expect(Money(amount: 5, currency: "EUR").description == "0.05 EUR")
        #expect(Money(amount: 120_050, currency: "EUR").plainAmount == "1200.50")
    }

    @Test func regionsContainTheirSubdivisions() {
        let us = RegionCode("US")!, oregon = RegionCode("us-or")!
        #expect(oregon.code == "US-OR")
        #expect(us.contains(oregon))
        #expect(!oregon.contains(us))
        #expect(!RegionCode("US-WA")!.contains(oregon))
        #expect(RegionCode("Oregon") == nil)
        #expect(RegionCode("U") == nil)
    }

    @Test func theIDPoolNeverHandsOutATakenID() {
        var pool = IDPool(existing: ["SOL-2026-0001", "SOL-2026-0007", "CON-2026-0002", "city-of-salem"])
        #expect(pool.next("SOL", year: 2026) == "SOL-2026-0008")
        #expect(pool.next("SOL", year: 2026) == "SOL-2026-0009")
        #expect(pool.next("SOL", year: 2027) == "SOL-2027-0001")
        #expect(pool.next("PA", year: 2026) == "PA-2026-0001")
    }

    @Test func partyIDsAreFileSafeSlugs() {
        #expect(Party.isValidID("city-of-salem"))
        #expect(!Party.isValidID("City of Salem"))
        #expect(!Party.isValidID("../etc"))
        #expect(!Party.isValidID("sol-2026-0001"))
        #expect(!Party.isValidID("-x"))
    }
}

@Suite struct CostSharingTests {
    @Test func largestRemainderSplitsACentFairly() {
        #expect(CostSharing.apportion(100, weights: [1, 1, 1]) == [34, 33, 33])
        #expect(CostSharing.apportion(1_000_000, weights: [177_000, 345_000]) == [339_080, 660_920])
    }

    @Test func sharesFollowTheMethod() {
        let participants = [CostSharing.Participant(party: "a", population: 100, pooledSpend: 0),
                            CostSharing.Participant(party: "b", population: 300, pooledSpend: 500)]
        let total = Money(amount: 10_000, currency: "USD")
        #expect(CostSharing(method: .equal, total: total).shares(among: participants).map(\.amount.amount) == [5_000, 5_000])
        #expect(CostSharing(method: .population, total: total).shares(among: participants).map(\.amount.amount) == [2_500, 7_500])
        #expect(CostSharing(method: .pooledSpend, total: total).shares(among: participants).map(\.amount.amount) == [0, 10_000])
    }

    @Test func allZeroWeightsFallBackToEqualShares() {
        let participants = [CostSharing.Participant(party: "a", population: 0, pooledSpend: 0),
                            CostSharing.Participant(party: "b", population: 0, pooledSpend: 0)]
        let shares = CostSharing(method: .pooledSpend, total: Money(amount: 101, currency: "USD")).shares(among: participants)
        #expect(shares.map(\.amount.amount) == [51, 50])
        #expect(shares.allSatisfy { $0.basis == .equal })
    }
}
