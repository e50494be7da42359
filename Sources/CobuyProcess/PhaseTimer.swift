import Foundation

/// `COBUY_IMPORT_TIMINGS=1`: how long each phase of an import took, on stderr. The catalog
/// benchmark reads these lines; they are off (and free) otherwise.
public struct PhaseTimer {
    public static let enabled = ProcessInfo.processInfo.environment["COBUY_IMPORT_TIMINGS"] == "1"
    private var last = DispatchTime.now().uptimeNanoseconds

    public init() {}

    public mutating func lap(_ phase: String) {
        guard PhaseTimer.enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        // The throwing write: the old one traps when standard error cannot be written.
        try? FileHandle.standardError.write(contentsOf: Data("cobuy: timing \(phase): \(String(format: "%.3f", Double(now - last) / 1e9)) s\n".utf8))
        last = now
    }
}
