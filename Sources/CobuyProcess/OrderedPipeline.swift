import Foundation

/// Work items computed on every core, handed out one by one in their own order while later
/// ones are still being computed: an import converts slices of releases in parallel while the
/// catalog file and index take the finished ones. At most `window` results wait at a time,
/// so memory stays bounded however far the workers run ahead.
public final class OrderedPipeline<Result: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var results: [Int: Result] = [:]
    private var nextToStart = 0
    private var nextToTake = 0
    private var stopped = false
    private var running = 0
    private let count: Int
    private let window: Int

    public init(count: Int, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                window: Int? = nil, work: @escaping @Sendable (Int) -> Result) {
        self.count = count
        self.window = max(1, window ?? workers * 4)
        let workerCount = max(1, min(workers, count))
        running = workerCount
        for _ in 0..<workerCount {
            let thread = Thread { [self] in
                while let item = self.claim() {
                    self.deliver(item, work(item))
                }
                self.condition.lock()
                self.running -= 1
                self.condition.broadcast()
                self.condition.unlock()
            }
            thread.stackSize = 4 << 20
            thread.start()
        }
    }

    deinit { stop() }

    private func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped, nextToStart < count, nextToStart >= nextToTake + window { condition.wait() }
        guard !stopped, nextToStart < count else { return nil }
        nextToStart += 1
        return nextToStart - 1
    }

    private func deliver(_ item: Int, _ result: Result) {
        condition.lock()
        if !stopped { results[item] = result }
        condition.broadcast()
        condition.unlock()
    }

    /// The next result in order, waiting for it if need be; nil after the last (or a stop).
    public func next() -> Result? {
        condition.lock()
        defer { condition.unlock() }
        guard nextToTake < count else { return nil }
        while !stopped, results[nextToTake] == nil { condition.wait() }
        guard !stopped, let result = results.removeValue(forKey: nextToTake) else { return nil }
        nextToTake += 1
        condition.broadcast()
        return result
    }

    /// Tells the workers to take nothing more and waits for the ones still working.
    public func stop() {
        condition.lock()
        stopped = true
        results.removeAll()
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }
}
