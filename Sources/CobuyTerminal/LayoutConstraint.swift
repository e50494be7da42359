/// The direction ``Rect/split(_:_:gap:)`` cuts along: `horizontal` lays pieces side by side,
/// `vertical` stacks them.
public enum LayoutAxis: Hashable, Sendable {
    case horizontal, vertical
}

/// How much of a split one piece takes. Fixed and percentage pieces are served first (cut
/// from the last one backwards when they do not fit); `min` pieces get their minimum next; what
/// is left is shared among `fill` and `min` pieces by weight (`min` weighs 1). Space nobody
/// claims stays unused at the end.
public enum LayoutConstraint: Hashable, Sendable {
    /// Exactly this many cells.
    case fixed(Int)
    /// This percentage of the length (after gaps), rounded down.
    case percent(Int)
    /// At least this many cells, growing like `fill(1)`.
    case min(Int)
    /// A share of what is left, in proportion to the weight.
    case fill(Int)

    /// The size of each piece along a line of `length` cells with `gap` cells between pieces.
    public static func sizes(_ constraints: [LayoutConstraint], length: Int, gap: Int = 0) -> [Int] {
        guard !constraints.isEmpty else { return [] }
        let available = Swift.max(0, length - Swift.max(0, gap) * (constraints.count - 1))
        var sizes = constraints.map { constraint -> Int in
            switch constraint {
            case .fixed(let cells): return Swift.max(0, cells)
            case .percent(let percent): return available * Swift.min(Swift.max(0, percent), 100) / 100
            case .min(let cells): return Swift.max(0, cells)
            case .fill: return 0
            }
        }
        // Too much asked: take it back from the last pieces first.
        var excess = sizes.reduce(0, +) - available
        var index = sizes.count - 1
        while excess > 0, index >= 0 {
            let cut = Swift.min(excess, sizes[index])
            sizes[index] -= cut
            excess -= cut
            index -= 1
        }
        var remaining = available - sizes.reduce(0, +)
        let weights = constraints.map { constraint -> Int in
            switch constraint {
            case .fixed, .percent: return 0
            case .min: return 1
            case .fill(let weight): return Swift.max(0, weight)
            }
        }
        let totalWeight = weights.reduce(0, +)
        guard remaining > 0, totalWeight > 0 else { return sizes }
        let share = remaining
        for (index, weight) in weights.enumerated() where weight > 0 {
            let extra = share * weight / totalWeight
            sizes[index] += extra
            remaining -= extra
        }
        // Rounding leftovers go to the first growable pieces, one cell each.
        for (index, weight) in weights.enumerated() where weight > 0 && remaining > 0 {
            sizes[index] += 1
            remaining -= 1
        }
        return sizes
    }
}
