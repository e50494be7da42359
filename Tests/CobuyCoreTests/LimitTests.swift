import Testing
@testable import CobuyCore

/// Issue 14: whole numbers bounded, date arithmetic checked, money read one unambiguous way.
@Suite struct LimitTests {
    @Test func dateArithmeticHoldsAtTheCalendarsEndsInsteadOfTrapping() throws {
        let today = try #require(CalendarDate("2026-12-01"))
        #expect(today.adding(days: Int.max) == CalendarDate.latest)
        #expect(today.adding(days: Int.min) == CalendarDate.earliest)
        #expect(today.adding(months: Int.max) == CalendarDate.latest)
        #expect(today.adding(months: Int.min) == CalendarDate.earliest)
        #expect(CalendarDate.latest.description == "9999-12-31")
        #expect(CalendarDate.earliest.description == "0001-01-01")
        #expect(CalendarDate(daysSinceEpoch: Int.max) == CalendarDate.latest)
        #expect(try #require(CalendarDate("9999-06-30")).adding(months: 120) == CalendarDate.latest)
    }

    @Test func moneyWithAmbiguousSeparatorsIsRefusedSayingWhy() {
        for text in ["12,50", "$1,2,3", "1.250,00", "1,25", "1,2345", ",5", "12,"] {
            #expect(Money.parse(text, defaultCurrency: "USD") == .failure(.ambiguousSeparators) || Money(parsing: text, defaultCurrency: "USD") == nil,
                    "\(text) is refused")
        }
        #expect(Money.parse("12,50", defaultCurrency: "USD") == .failure(.ambiguousSeparators))
        #expect(Money.parse("$1,2,3", defaultCurrency: "USD") == .failure(.ambiguousSeparators))
        #expect(Money(parsing: "1,250.00", defaultCurrency: "USD")?.amount == 125_000)
        #expect(Money(parsing: "1250", defaultCurrency: "USD")?.amount == 125_000)
        #expect(Money(parsing: "1250.5", defaultCurrency: "USD")?.amount == 125_050)
        #expect(Money(parsing: "$1,234,567.89", defaultCurrency: "USD")?.amount == 123_456_789)
        #expect(Money(parsing: "EUR 1200", defaultCurrency: "USD") == Money(amount: 120_000, currency: "EUR"))
        #expect(Money.parse("-5", defaultCurrency: "USD") == .failure(.negative))
        #expect(Money.parse("1.234", defaultCurrency: "USD") == .failure(.fraction))
    }

    @Test func moneyBeyondTheLimitIsRefusedAndSumsAreChecked() {
        #expect(Money(parsing: "9,999,999,999,999.99", defaultCurrency: "USD")?.amount == Money.maximumAmount)
        #expect(Money.parse("10,000,000,000,000", defaultCurrency: "USD") == .failure(.tooLarge))
        #expect(Money.parse("999999999999999999999999", defaultCurrency: "USD") == .failure(.tooLarge))
        let most = Money(amount: Money.maximumAmount, currency: "USD")
        #expect(most.adding(Money(amount: 1, currency: "USD")) == nil)
        #expect(Money(amount: Int.max, currency: "USD").adding(most) == nil)
        #expect(Money(amount: 5, currency: "USD").adding(Money(amount: 7, currency: "USD"))?.amount == 12)
    }

    @Test func limitsNameThemselvesInTheirMessages() {
        #expect(Limits.renewalOptions.problem(21) == "21 is outside the limit for renewal options (0 to 20)")
        #expect(Limits.renewalOptions.problem(20) == nil)
        #expect(Limits.days.problem(Int.max)?.contains("36,525") == true)
    }

    @Test func aRecordWithNumbersBeyondTheLimitsNamesTheField() {
        var solicitation = JointSolicitation(id: "SOL-2026-0001", title: "Salt", leadParty: nil, partners: [])
        solicitation.criteria = [EvaluationCriterion(name: "Price", weight: Int.max)]
        var proposal = Proposal(id: "P1", vendor: "acme", price: Money(amount: Int.max, currency: "USD"), receivedOn: CalendarDate.earliest)
        proposal.scores = ["Price": Int.max]
        solicitation.proposals = [proposal]
        let fields = solicitation.boundsProblems().map(\.field)
        #expect(fields.contains("criteria[0].weight") && fields.contains("proposals[0].price.amount") && fields.contains("proposals[0].scores.Price"))
        #expect(solicitation.weightedScore(of: proposal) == nil, "an overflowing score is no score, not a trap")
        #expect(solicitation.criteriaWeightTotal == Int.max)

        var contract = CooperativeContract(id: "CON-1", title: "T", source: ContractSource(kind: .solicitation), leadParty: "a", vendor: "b",
                                           cooperativeClause: .closed)
        contract.renewalOptions = Array(repeating: RenewalOption(months: 12), count: 21) + [RenewalOption(months: Int.max)]
        #expect(contract.boundsProblems().map(\.field).contains("renewalOptions"))
    }
}

@Test func anIdNumberedPastTheLimitDoesNotOverflowTheNextId() {
    var pool = IDPool(existing: ["SOL-2026-9223372036854775807", "SOL-2026-0007"])
    #expect(pool.next("SOL", year: 2026) == "SOL-2026-0008")
}
