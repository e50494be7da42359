/// SplitMix64 (Steele, Lea and Flood): a tiny generator that gives the same numbers on every
/// platform and Swift version, so a seed always makes the same file. Only integer arithmetic
/// is used on top of it (no floating point, whose library functions may differ by platform).
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// An independent stream for one contract: contract `n` of seed `s` is the same whatever
    /// the number of contracts asked for, so a small file is a prefix of a large one.
    init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(seed: seed ^ 0x5851_F42D_4C95_7F2D)
        let base = mixer.next()
        state = base ^ (stream &* 0xD1B5_4A32_D192_ED03)
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 0 ..< bound (bound ≥ 1), by multiplying rather than dividing (Lemire).
    mutating func below(_ bound: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(max(1, bound))).high)
    }

    mutating func within(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True `perMille` times in a thousand.
    mutating func chance(_ perMille: Int) -> Bool {
        below(1000) < perMille
    }

    mutating func pick<Element>(_ items: [Element]) -> Element {
        items[below(items.count)]
    }

    /// An index skewed towards the front: the product of two uniform draws, so the first few
    /// elements are drawn far more often than the last (the long tail of real catalogs, where
    /// a few leads and vendors hold many contracts and most hold one or two).
    mutating func skewed(_ count: Int) -> Int {
        let first = below(count), second = below(count)
        return count <= 1 ? 0 : first * second / (count - 1)
    }

    mutating func pickSkewed<Element>(_ items: [Element]) -> Element {
        items[skewed(items.count)]
    }

    /// An index drawn by integer weights.
    mutating func weighted(_ table: WeightTable) -> Int {
        table.index(of: below(table.total))
    }
}

/// Cumulative weights, for draws where each outcome has its own share.
struct WeightTable {
    private let cumulative: [Int]
    let total: Int

    init(_ weights: [Int]) {
        var running = 0
        cumulative = weights.map { weight in
            running += max(0, weight)
            return running
        }
        total = max(1, running)
    }

    func index(of draw: Int) -> Int {
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > draw { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
