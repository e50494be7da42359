import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `cobuy-bench import OLD-COBUY FILE… [--runs N]`: `cobuy import ocds FILE` by another build
/// of Cobuy (a release build of an earlier commit) and by this one, side by side on the same
/// files. Runs alternate, old then new, each into a fresh store of its own binary, so that a
/// machine shared with other work slows both alike; CPU time (user + system) is reported
/// beside wall time because it varies less when cores are shared.
enum ImportBenchmark {
    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ arguments: [String]) throws {
        var files: [String] = []
        var runs = 3
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "--runs" {
                guard let text = rest.popFirst(), let count = Int(text), (1...50).contains(count) else {
                    throw UsageError(description: "--runs takes a whole number from 1 to 50")
                }
                runs = count
            } else {
                files.append(argument)
            }
        }
        guard files.count >= 2 else {
            throw UsageError(description: "usage: cobuy-bench import OLD-COBUY FILE… [--runs N] (OLD-COBUY: the cobuy binary to compare with)")
        }
        let old = URL(fileURLWithPath: files.removeFirst()).standardizedFileURL.path
        let new = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("cobuy").path
        for binary in [old, new] where !FileManager.default.isExecutableFile(atPath: binary) {
            throw UsageError(description: "\(binary) is not an executable (build with swift build -c release first)")
        }
        for file in files where !FileManager.default.isReadableFile(atPath: file) {
            throw UsageError(description: "\(file) cannot be read")
        }
        let folder = NSTemporaryDirectory() + "cobuy-import-bench-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let environment = ["COBUY_NOW": "2026-11-23T12:00:00Z", "HOME": folder, "XDG_CONFIG_HOME": "\(folder)/config",
                           "XDG_STATE_HOME": "\(folder)/state", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        print("Import benchmark: old \(old), new \(new); \(runs) runs each, alternating; \(ProcessInfo.processInfo.activeProcessorCount) cores\n")
        print("| file | build | wall s (min–max, median) | CPU s (min–max, median) | peak MB | new ÷ old (median wall, CPU) |")
        print("|---|---|---|---|---|---|")
        for file in files {
            var results: [String: [CatalogBenchmark.Run]] = ["old": [], "new": []]
            for round in 0..<runs {
                for (name, binary) in [("old", old), ("new", new)] {
                    let store = "\(folder)/\(name)-\(round)"
                    _ = CatalogBenchmark.spawn(binary, ["init", "--store", store], environment: environment)
                    let run = CatalogBenchmark.spawn(binary, ["import", "ocds", file, "--store", store], environment: environment)
                    if run.status != 0 { print("\(name) exited with status \(run.status) on \(file)") }
                    results[name, default: []].append(run)
                    try? FileManager.default.removeItem(atPath: store)
                }
            }
            func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
            let name = (file as NSString).lastPathComponent
            let oldRuns = results["old"] ?? [], newRuns = results["new"] ?? []
            for (build, list) in [("old", oldRuns), ("new", newRuns)] {
                let walls = list.map(\.seconds), cpus = list.map(\.cpuSeconds)
                var ratio = ""
                if build == "new", !oldRuns.isEmpty {
                    ratio = String(format: "%.2f, %.2f", median(walls) / max(median(oldRuns.map(\.seconds)), 0.001),
                                   median(cpus) / max(median(oldRuns.map(\.cpuSeconds)), 0.001))
                }
                print(String(format: "| %@ | %@ | %.2f–%.2f, %.2f | %.2f–%.2f, %.2f | %d | %@ |", name, build,
                             walls.min() ?? 0, walls.max() ?? 0, median(walls), cpus.min() ?? 0, cpus.max() ?? 0, median(cpus),
                             (list.map(\.peakKB).max() ?? 0) / 1024, ratio))
            }
        }
    }
}
