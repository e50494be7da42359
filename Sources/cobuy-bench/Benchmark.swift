import CobuyCore
import CobuyStore
import CobuyTerminal
import CobuyUI
import Foundation

/// `swift run -c release cobuy-bench [STORE]` (or `cobuy-bench catalog [N]`, see
/// ``CatalogBenchmark``; `cobuy-bench import OLD-COBUY FILE…`, see ``ImportBenchmark``): measures what the closing notes report —
/// one store write, one `cobuy do` as a whole process, the UI's first frame and its
/// per-keystroke handling and drawing — on a scratch copy of a store (the sample by default).
@main
enum Benchmark {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        if arguments.first == "sync" || arguments.first == "simulate" {
            do { try SyncBenchmark.run(Array(arguments)) } catch {
                print("cobuy-bench: \(error)")
                exit(1)
            }
            return
        }
        if arguments.first == "import" {
            do { try ImportBenchmark.run(Array(arguments.dropFirst())) } catch {
                print("cobuy-bench: \(error)")
                exit(64)
            }
            return
        }
        if arguments.first == "catalog" {
            let count = arguments.dropFirst().first.flatMap { Int($0) } ?? 100_000
            try CatalogBenchmark.run(contracts: max(1, count))
            return
        }
        let source = arguments.first ?? defaultSampleStore()
        let scratch = NSTemporaryDirectory() + "cobuy-bench-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: source, toPath: scratch)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let store = Store(root: scratch)
        let now = Timestamp(iso8601: "2026-11-23T15:00:00Z") ?? Timestamp(secondsSinceEpoch: 0)
        let officer = Officer(name: "Bench", party: "city-of-portland")

        print("Cobuy benchmark on \(source) (\(store.ids(of: .contract).count) contracts), \(ProcessInfo.processInfo.activeProcessorCount) cores")
        print("")

        // One durable 2 KB write: temporary, fsync, rename, fsync the folder.
        let payload = Data(repeating: 0x41, count: 2048)
        let writes = measure(200) { try? DurableFile.write(payload, to: "\(scratch)/bench.json") }
        report("durable 2 KB file write", writes)

        // One action committed through the store: lock, read, guard, write.
        let draft = try ActionRunner.create(officer: officer, now: now, in: store) { context in
            Creation.solicitation(title: "Bench", lead: "city-of-portland", category: "", description: "", in: context)
        }
        var counter = 0
        let actions = measure(200) {
            counter += 1
            _ = try? ActionRunner.perform("add-line", ActionArguments(["text": "line \(counter)", "quantity": "1", "unit": "each"]),
                                          on: draft.id, officer: officer, now: now, in: store)
        }
        report("one action committed (in process)", actions)

        // `cobuy do` as a whole process.
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("cobuy").path
        if FileManager.default.isExecutableFile(atPath: binary) {
            let processes = measure(40) {
                counter += 1
                run(binary, ["do", draft.id, "add-line", "--text", "p\(counter)", "--quantity", "1", "--unit", "each",
                             "--as", "Bench", "--for", "city-of-portland", "--store", scratch])
            }
            report("`cobuy do` whole process", processes)
        }

        // The UI: first frame (read the store, build the state, draw), then keystrokes.
        var state: AppState?
        let first = measure(20) {
            let catalog = store.catalogIndex()
            if catalog?.staleSources() == ["local"] { _ = try? catalog?.refresh() }
            let snapshot = StoreSnapshot.load(from: store, today: now.date, catalog: catalog)
            let built = AppState(snapshot: snapshot, now: now, officer: officer, storeName: scratch, width: 120, height: 40)
            _ = View.render(built, theme: .color)
            state = built
        }
        report("UI first frame (load + state + draw, 120x40)", first)
        guard var app = state else { return }
        let keys: [Key] = [.character("2"), .character("j"), .character("j"), .enter, .tab, .tab, .escape, .character("3"),
                           .character("/"), .character("o"), .character("f"), .character("f"), .escape, .character("J"),
                           .character("j"), .enter, .escape, .character("4"), .character("j"), .character("5"), .character("G"),
                           .character("g"), .character("1"), .character("j")]
        var timings: [Double] = []
        for _ in 0..<40 {
            for key in keys {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = app.update(.key(key))
                _ = View.render(app, theme: .color)
                timings.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            }
        }
        report("UI keystroke: update + draw (120x40)", timings)
    }

    static func defaultSampleStore() -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/sample-store").path
    }

    static func measure(_ count: Int, _ body: () -> Void) -> [Double] {
        (0..<count).map { _ in
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        }
    }

    static func run(_ binary: String, _ arguments: [String]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
        process.waitUntilExit()
    }

    static func report(_ label: String, _ samples: [Double]) {
        let sorted = samples.sorted()
        func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p))] }
        let padded = label.padding(toLength: 46, withPad: " ", startingAt: 0)
        print(padded + String(format: " median %8.3f ms   p99 %8.3f ms   (n=%d)", percentile(0.5), percentile(0.99), sorted.count))
    }
}
