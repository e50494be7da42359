import Dispatch

/// Maps a large array on every core (encoding 100,000 contracts is CPU-bound and the
/// elements are independent). Order is kept.
public enum ParallelMap {
    public static func map<T: Sendable, R>(_ items: [T], chunk: Int = 2048, _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > chunk else { return items.map(transform) }
        let buffer = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        buffer.initialize(repeating: nil)
        defer { buffer.deallocate() }
        let output = Output(buffer: buffer)
        let chunks = (items.count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { part in
            // Each chunk writes only its own slots.
            for index in (part * chunk)..<min(items.count, (part + 1) * chunk) {
                output.buffer[index] = transform(items[index])
            }
        }
        return buffer.compactMap { $0 }
    }

    private final class Output<R>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<R?>
        init(buffer: UnsafeMutableBufferPointer<R?>) { self.buffer = buffer }
    }
}
