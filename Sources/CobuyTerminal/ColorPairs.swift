/// Curses colour pairs handed out on demand: one per foreground/background combination seen,
/// up to the terminal's `COLOR_PAIRS`; past that, pair 0 (the default colours).
struct ColorPairs {
    private var numbers: [Int32: Int16] = [:]
    /// Pairs the terminal offers (pair 0 is fixed, so one fewer can be made).
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(0, min(capacity, Int(Int16.max)))
    }

    /// The pair for `foreground` on `background` (curses colour numbers, -1 for default), and
    /// whether it is new and so must be set up with `init_pair` first.
    mutating func pair(foreground: Int16, background: Int16) -> (number: Int16, isNew: Bool) {
        if foreground == -1, background == -1 { return (0, false) }
        let key = Int32(foreground) << 16 | Int32(UInt16(bitPattern: background))
        if let known = numbers[key] { return (known, false) }
        guard numbers.count + 1 < capacity else { return (0, false) }
        let number = Int16(numbers.count + 1)
        numbers[key] = number
        return (number, true)
    }

    /// Forgets every pair (after the terminal was reset).
    mutating func removeAll() { numbers.removeAll() }
}
