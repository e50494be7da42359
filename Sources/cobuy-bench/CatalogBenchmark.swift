import CobuyCore
import CobuyStore
import CobuyTerminal
import CobuyUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `cobuy-bench catalog [N]`: the catalog at scale, side by side in one run — generate N
/// contracts as OCDS, `jq length` and `cobuy import ocds` on the same file, cold
/// `cobuy list contracts --query Q --limit 50`, the UI's first frame and its per-keystroke
/// search on that store, one action committed, and peak memory.
enum CatalogBenchmark {
    struct Run {
        var seconds: Double
        var peakKB: Int
        var status: Int32
        /// User plus system time of the process and its threads (from `wait4`).
        var cpuSeconds: Double = 0
    }

    static func run(contracts: Int) throws {
        let folder = NSTemporaryDirectory() + "cobuy-catalog-bench-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer {
            if ProcessInfo.processInfo.environment["COBUY_BENCH_KEEP"] == nil { try? FileManager.default.removeItem(atPath: folder) }
            else { print("kept \(folder)") }
        }
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let cobuy = products.appendingPathComponent("cobuy").path
        let generator = products.appendingPathComponent("cobuy-generate").path
        for binary in [cobuy, generator] where !FileManager.default.isExecutableFile(atPath: binary) {
            print("missing \(binary): build with swift build -c release first")
            return
        }
        let environment = ["COBUY_NOW": "2026-11-23T12:00:00Z", "HOME": folder, "XDG_CONFIG_HOME": "\(folder)/config",
                           "XDG_STATE_HOME": "\(folder)/state", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        let file = "\(folder)/catalog.json"
        let store = "\(folder)/store"
        print("Catalog benchmark: \(contracts) contracts, \(ProcessInfo.processInfo.activeProcessorCount) cores\n")

        let generated = spawn(generator, ["--contracts", "\(contracts)", "--seed", "1", "-o", file], environment: environment)
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        print(String(format: "generated %.1f MB of OCDS in %.2f s", Double(size) / 1e6, generated.seconds))

        // One import makes the store that the searches, the UI and the action run on.
        _ = spawn(cobuy, ["init", "--store", store], environment: environment)
        let firstImport = spawn(cobuy, ["import", "ocds", file, "--store", store], environment: environment)
        print(String(format: "imported into the store in %.2f s", firstImport.seconds))

        // Let the import's writes reach the disk and the machine settle: searches racing the
        // kernel's writeback of 200 MB measure the disk, not the search.
        sync()
        Thread.sleep(forTimeInterval: 30)

        // Cold whole-process searches: a new process each time, reading the index from disk.
        let queries = ["road salt", "laptops", "body-worn cameras", "furniture installation", "fuel cards", "playground"]
        var listRuns: [Run] = []
        for round in 0..<5 {
            for query in queries {
                let run = spawn(cobuy, ["list", "contracts", "--store", store, "--query", query, "--limit", "50"], environment: environment)
                if round > 0 { listRuns.append(run) } // the first round warms the page cache
            }
        }

        // The UI, in this process, on the imported store.
        let catalogStore = Store(root: store)
        let now = Timestamp(iso8601: "2026-11-23T12:00:00Z") ?? Timestamp(secondsSinceEpoch: 0)
        let sample = Benchmark.defaultSampleStore()
        // An officer's party from the sample consortium, so "joinable by my party" means something.
        for name in ["parties"] {
            let from = "\(sample)/\(name)", to = "\(store)/\(name)"
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: from)) ?? [] {
                try? FileManager.default.copyItem(atPath: "\(from)/\(entry)", toPath: "\(to)/\(entry)")
            }
        }
        let officer = Officer(name: "Bench", party: "city-of-portland")
        var state: AppState?
        let firstFrame = Benchmark.measure(10) {
            // As the UI's App starts.
            let catalog = catalogStore.catalogIndex()
            if catalog?.staleSources() == ["local"] { _ = try? catalog?.refresh() }
            catalog?.prefetch()
            let snapshot = StoreSnapshot.load(from: catalogStore, today: now.date, catalog: catalog)
            var built = AppState(snapshot: snapshot, now: now, officer: officer, storeName: store, width: 120, height: 40)
            _ = built.update(.key(.character("3")))
            _ = View.render(built, theme: .color)
            state = built
        }
        guard var app = state else { return }
        var keystrokes: [Double] = [], otherKeys: [Double] = []
        var slowest: [(ms: Double, what: String)] = []
        func press(_ key: Key, _ what: String, search: Bool = false) {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = app.update(.key(key))
            _ = View.render(app, theme: .color)
            let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            if search { keystrokes.append(ms) } else { otherKeys.append(ms) }
            slowest.append((ms, what))
        }
        for query in queries + ["s", "sa", "salt", "laptop", "x"] {
            press(.character("/"), "/")
            var typed = ""
            for character in query {
                typed.append(character)
                press(.character(character), "typing \"\(typed)\"", search: true)
            }
            for _ in 0..<min(3, query.count) { press(.backspace, "backspace", search: true) }
            for character in query.suffix(min(3, query.count)) { press(.character(character), "retyping", search: true) }
            for (key, what) in [(Key.enter, "Enter"), (.character("j"), "j"), (.character("G"), "G (last row)"),
                                (.character("g"), "g"), (.character("c"), "c (clear)")] {
                press(key, "\(what) after \"\(query)\"")
            }
        }
        for (key, what) in [(Key.character("J"), "J (joinable by my party)"), (.character("G"), "G with J"), (.character("J"), "J off"),
                            (.character("e"), "e (expiring)"), (.character("e"), "e off"), (.character("s"), "s (sort)")] {
            press(key, what)
        }
        slowest.sort { $0.ms > $1.ms }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let uiPeakKB = Int(usage.ru_maxrss)

        // One action committed on the big store: draft an addendum on a catalog contract.
        let catalog = catalogStore.catalogIndex()
        var joinable = CatalogQuery()
        if let party = try? catalogStore.load(Party.self, id: "city-of-portland") {
            joinable.joinableBy = CatalogQuery.JoiningParty(party: party, addenda: [])
        }
        let targets = (try? catalog?.search(joinable, today: now.date, limit: 40).contracts.map(\.id)) ?? []
        var index = 0
        let actions = Benchmark.measure(min(40, targets.count)) {
            _ = try? ActionRunner.create(officer: officer, now: now, in: catalogStore) { context in
                AddendumMachine.draft(contract: targets[index], party: officer.party, in: context)
            }
            index += 1
        }

        // jq and the import alternate, three times each, into stores of their own: this
        // machine's timings drift when a large process has just freed its memory, so the
        // medians are compared.
        var jqRuns: [Run] = [], importRuns: [Run] = []
        let jq = ["/usr/bin/jq", "/usr/local/bin/jq"].first { FileManager.default.isExecutableFile(atPath: $0) }
        for round in 0..<3 {
            let scratch = "\(folder)/import-\(round)"
            if let jq { jqRuns.append(spawn(jq, ["length", file], environment: environment)) }
            _ = spawn(cobuy, ["init", "--store", scratch], environment: environment)
            importRuns.append(spawn(cobuy, ["import", "ocds", file, "--store", scratch], environment: environment))
            try? FileManager.default.removeItem(atPath: scratch)
        }

        func median(_ runs: [Run]) -> Run? {
            runs.sorted { $0.seconds < $1.seconds }.dropFirst(runs.count / 2).first
        }
        func percentile(_ samples: [Double], _ p: Double) -> Double {
            let sorted = samples.sorted()
            return sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p))]
        }
        print("")
        print("| measure | result | bar |")
        print("|---|---|---|")
        if let jqRun = median(jqRuns), let importRun = median(importRuns) {
            print(String(format: "| `jq length` (median of 3) | %.2f s, %d MB peak | |", jqRun.seconds, jqRun.peakKB / 1024))
            print(String(format: "| `cobuy import ocds` (median of 3) | %.2f s, %d MB peak | |", importRun.seconds, importRun.peakKB / 1024))
            print(String(format: "| import ÷ jq | %.2f | ≤ 1.0 |", importRun.seconds / max(jqRun.seconds, 0.001)))
        } else if let importRun = median(importRuns) {
            print(String(format: "| `cobuy import ocds` (median of 3; jq not installed) | %.2f s, %d MB peak | |", importRun.seconds, importRun.peakKB / 1024))
        }
        let listTimes = listRuns.map(\.seconds)
        print(String(format: "| cold `cobuy list contracts --query Q --limit 50` | p50 %.0f ms, p99 %.0f ms, %d MB peak | ≤ 100 ms |",
                     percentile(listTimes, 0.5) * 1000, percentile(listTimes, 0.99) * 1000, (listRuns.map(\.peakKB).max() ?? 0) / 1024))
        print(String(format: "| UI first frame (open index, load, state, draw 120×40) | first %.1f ms, then p50 %.1f ms | ≤ 200 ms |",
                     firstFrame.first ?? 0, percentile(Array(firstFrame.dropFirst()), 0.5)))
        print(String(format: "| UI search keystroke: typing in `/` (update + query + draw, %d keys) | p50 %.2f ms, p99 %.2f ms | p99 ≤ 16 ms |",
                     keystrokes.count, percentile(keystrokes, 0.5), percentile(keystrokes, 0.99)))
        print(String(format: "| UI other keys: moves, G to the last row, sort, J and e filters (%d keys) | p50 %.2f ms, p99 %.2f ms | |",
                     otherKeys.count, percentile(otherKeys, 0.5), percentile(otherKeys, 0.99)))
        print(String(format: "| peak memory, UI with the catalog open | %d MB | ≤ 200 MB |", uiPeakKB / 1024))
        print(String(format: "| one action committed (addendum on a catalog contract) | p50 %.2f ms, p99 %.2f ms | ≤ 5 ms |",
                     percentile(actions, 0.5), percentile(actions, 0.99)))
        print("\nslowest keystrokes: " + slowest.prefix(6).map { String(format: "%@ %.1f ms", $0.what, $0.ms) }.joined(separator: "; "))
        // Every file of the index: rows and sort orders, full text, their logs.
        let indexFolder = "\(store)/.index"
        let indexSize = ((try? FileManager.default.contentsOfDirectory(atPath: indexFolder)) ?? []).reduce(0) { total, name in
            total + ((try? FileManager.default.attributesOfItem(atPath: "\(indexFolder)/\(name)")[.size] as? Int) ?? 0)
        }
        print(String(format: "\nindex: %.0f MB on disk; %d contracts", Double(indexSize) / 1e6, catalog?.contractCount ?? 0))
    }

    /// Runs a program to its end: wall time and its peak resident memory (from `wait4`).
    static func spawn(_ path: String, _ arguments: [String], environment: [String: String]) -> Run {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, path, &actions, nil, argv, envp) == 0 else { return Run(seconds: 0, peakKB: 0, status: -1) }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        func cpu(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return Run(seconds: seconds, peakKB: Int(usage.ru_maxrss), status: status,
                   cpuSeconds: cpu(usage.ru_utime) + cpu(usage.ru_stime))
    }
}
