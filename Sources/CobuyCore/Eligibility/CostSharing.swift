/// How the partners split the solicitation's own costs (advertising, evaluation, legal review).
public struct CostSharing: Hashable, Sendable, Codable {
    public enum Method: String, Codable, CaseIterable, Sendable {
        case equal
        case population
        case pooledSpend = "pooled-spend"
        /// By each partner's share of the quantities pledged, line by line.
        case quantity
    }

    public var method: Method
    public var total: Money

    public init(method: Method, total: Money) {
        self.method = method
        self.total = total
    }

    /// What a partner brings to the split.
    public struct Participant: Hashable, Sendable {
        public var party: String
        public var population: Int
        public var pooledSpend: Int
        /// The partner's share of the pooled quantities, in any consistent scale.
        public var pooledQuantity: Int

        public init(party: String, population: Int, pooledSpend: Int, pooledQuantity: Int = 0) {
            self.party = party
            self.population = population
            self.pooledSpend = pooledSpend
            self.pooledQuantity = pooledQuantity
        }
    }

    /// Shares in whole minor units that add up exactly to the total (largest remainder method;
    /// ties go to the partner listed first). When every weight is zero (no populations or spends
    /// recorded) the split falls back to equal shares rather than dividing by zero.
    public func shares(among participants: [Participant]) -> [CostShare] {
        guard !participants.isEmpty else { return [] }
        var weights: [Int]
        switch method {
        case .equal: weights = participants.map { _ in 1 }
        case .population: weights = participants.map { max(0, $0.population) }
        case .pooledSpend: weights = participants.map { max(0, $0.pooledSpend) }
        case .quantity: weights = participants.map { max(0, $0.pooledQuantity) }
        }
        var basis = method
        if weights.allSatisfy({ $0 == 0 }) {
            weights = participants.map { _ in 1 }
            basis = .equal
        }
        let amounts = CostSharing.apportion(total.amount, weights: weights)
        return zip(participants, amounts).map { participant, amount in
            CostShare(party: participant.party, amount: Money(amount: amount, currency: total.currency), basis: basis)
        }
    }

    /// Splits `total` in proportion to `weights` into integers that sum to `total`.
    public static func apportion(_ total: Int, weights: [Int]) -> [Int] {
        let (weights, weightSum) = summable(weights.map { max(0, $0) })
        guard weightSum > 0 else { return weights.map { _ in 0 } }
        var floors: [Int] = []
        var remainders: [(index: Int, remainder: Int)] = []
        for (index, weight) in weights.enumerated() {
            let product = total.magnitude.multipliedFullWidth(by: UInt(weight))
            let (quotient, remainder) = UInt(weightSum).dividingFullWidth(product)
            floors.append(Int(quotient) * (total < 0 ? -1 : 1))
            remainders.append((index, Int(remainder)))
        }
        var left = total.magnitude - floors.reduce(0) { $0 + $1.magnitude }
        let order = remainders.sorted { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index }
        var position = 0
        while left > 0, !order.isEmpty {
            floors[order[position % order.count].index] += total < 0 ? -1 : 1
            left -= 1
            position += 1
        }
        return floors
    }

    /// Weights whose sum fits in an `Int`, with that sum. Populations and spends come from
    /// user input and can be as large as `Int.max`; halving every weight until the sum fits
    /// keeps their proportions to within one part in 2^62 instead of trapping on overflow.
    static func summable(_ weights: [Int]) -> (weights: [Int], sum: Int) {
        var weights = weights
        while true {
            var sum = 0
            var overflowed = false
            for weight in weights {
                let (next, overflow) = sum.addingReportingOverflow(weight)
                if overflow { overflowed = true; break }
                sum = next
            }
            if !overflowed { return (weights, sum) }
            weights = weights.map { $0 >> 1 }
        }
    }
}

/// One partner's share of the costs.
public struct CostShare: Hashable, Sendable, Codable {
    public var party: String
    public var amount: Money
    /// The method actually used (equal when the chosen weights were all zero).
    public var basis: CostSharing.Method
}
