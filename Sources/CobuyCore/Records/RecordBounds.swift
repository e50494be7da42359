/// A whole number in a record that is outside its ``Limit``: which field, and why.
public struct BoundsProblem: Sendable, Hashable {
    /// A field path such as `criteria[0].weight`.
    public var field: String
    public var message: String
}

/// Collects the whole numbers of a record that break their limits. A record read from a file
/// is checked before anything computes with it (a weight of 2^63-1 crashed `show`, a renewal
/// count of 10^7 made a 600 MB record), so that the rest of Cobuy can rely on the limits.
struct BoundsCheck {
    private(set) var problems: [BoundsProblem] = []

    mutating func check(_ value: Int?, _ limit: Limit, _ field: String) {
        guard let value, let message = limit.problem(value) else { return }
        problems.append(BoundsProblem(field: field, message: message))
    }

    mutating func check(_ money: Money?, _ field: String) {
        check(money?.amount, Limits.moneyAmount, "\(field).amount")
    }

    mutating func checkCount(_ count: Int, _ limit: Limit, _ field: String) {
        guard let message = limit.problem(count) else { return }
        problems.append(BoundsProblem(field: field, message: "\(count) entries: \(message)"))
    }

    mutating func checkCommon(_ record: some Record) {
        check(record.revision, Limits.revision, "revision")
        for (index, entry) in record.history.enumerated() { check(entry.sequence, Limits.revision, "history[\(index)].sequence") }
    }
}

extension Party {
    public func boundsProblems() -> [BoundsProblem] {
        var bounds = BoundsCheck()
        bounds.checkCommon(self)
        bounds.check(population, Limits.population, "population")
        return bounds.problems
    }
}

extension JointSolicitation {
    public func boundsProblems() -> [BoundsProblem] {
        var bounds = BoundsCheck()
        bounds.checkCommon(self)
        bounds.check(minimumProposals, Limits.minimumProposals, "minimumProposals")
        for (index, partner) in partners.enumerated() {
            bounds.check(partner.quantity, Limits.quantity, "partners[\(index)].quantity")
            bounds.check(partner.estimatedSpend, "partners[\(index)].estimatedSpend")
        }
        for (index, line) in lines.enumerated() {
            bounds.check(line.number, Limits.lineNumber, "lines[\(index)].number")
            bounds.check(line.quantity, Limits.quantity, "lines[\(index)].quantity")
        }
        for (index, criterion) in criteria.enumerated() { bounds.check(criterion.weight, Limits.weight, "criteria[\(index)].weight") }
        for (index, proposal) in proposals.enumerated() {
            bounds.check(proposal.price, "proposals[\(index)].price")
            for (name, score) in proposal.scores.sorted(by: { $0.key < $1.key }) {
                bounds.check(score, Limits.score, "proposals[\(index)].scores.\(name)")
            }
        }
        for (index, award) in awards.enumerated() { bounds.check(award.value, "awards[\(index)].value") }
        return bounds.problems
    }
}

extension CooperativeContract {
    public func boundsProblems() -> [BoundsProblem] {
        var bounds = BoundsCheck()
        bounds.checkCommon(self)
        bounds.checkCount(renewalOptions.count, Limits.renewalOptions, "renewalOptions")
        for (index, option) in renewalOptions.prefix(Limits.renewalOptions.range.upperBound + 1).enumerated() {
            bounds.check(option.months, Limits.renewalMonths, "renewalOptions[\(index)].months")
        }
        bounds.check(ceiling, "ceiling")
        bounds.check(awardedValue, "awardedValue")
        return bounds.problems
    }
}

extension ParticipatingAddendum {
    public func boundsProblems() -> [BoundsProblem] {
        var bounds = BoundsCheck()
        bounds.checkCommon(self)
        bounds.check(estimatedAnnualSpend, "estimatedAnnualSpend")
        return bounds.problems
    }
}
