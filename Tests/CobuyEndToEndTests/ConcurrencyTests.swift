import CobuyStore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A list that several threads append to.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [RunOutput] = []
    func add(_ item: RunOutput) { lock.lock(); items.append(item); lock.unlock() }
    var all: [RunOutput] { lock.lock(); defer { lock.unlock() }; return items }
}

/// Several processes writing one record at once lose no update, and the kernel can kill a
/// writer at any moment without leaving a broken or half-updated record.
@Suite struct ConcurrencyTests {
    /// A draft solicitation with no lines yet; returns its id.
    static func emptyDraft(_ sandbox: CobuySandbox) throws -> String {
        sandbox.seed()
        let id = sandbox.must(["new", "solicitation", "--title", "Many hands", "--lead", "city-of-salem"], as: .salem).lastLine
        try #require(id.hasPrefix("SOL-"))
        return id
    }

    @Test(.timeLimit(.minutes(2)))
    func concurrentWritersLoseNoUpdate() throws {
        let sandbox = try CobuySandbox()
        let id = try Self.emptyDraft(sandbox)
        let created = try #require(sandbox.json(id)?["revision"] as? Int)
        let workers = 4, perWorker = 50
        let tally = Tally()
        let finished = DispatchGroup()
        for worker in 0..<workers {
            finished.enter()
            Thread.detachNewThread {
                defer { finished.leave() }
                for index in 0..<perWorker {
                    tally.add(sandbox.run(["do", id, "add-line", "--text", "line \(worker)-\(index)", "--quantity", "1", "--unit", "each"], as: .salem))
                }
            }
        }
        finished.wait()
        let results = tally.all
        let succeeded = results.filter { $0.status == 0 }
        let failed = results.filter { $0.status != 0 }
        #expect(failed.isEmpty, "every writer waits its turn: \(failed.prefix(3).map(\.description))")
        #expect(!results.contains { $0.crashed })

        let record = try #require(sandbox.json(id))
        let lines = try #require(record["lines"] as? [[String: Any]])
        #expect(lines.count == succeeded.count)
        #expect(record["revision"] as? Int == created + succeeded.count)
        let texts = lines.compactMap { $0["text"] as? String }
        #expect(Set(texts).count == texts.count, "no line written twice")
        let expected = Set(succeeded.map { $0.arguments[4] })
        #expect(Set(texts) == expected, "exactly the successful writes are in the record")
        let history = try #require(record["history"] as? [[String: Any]])
        #expect(history.filter { $0["action"] as? String == "add-line" }.count == succeeded.count)
        #expect(Store(root: sandbox.store).leftoverTemporaries().isEmpty)
        #expect(sandbox.run(["validate"]).status == 0)
    }

    @Test(.timeLimit(.minutes(1)))
    func concurrentCreatorsGetDistinctIDs() throws {
        let sandbox = try CobuySandbox()
        sandbox.seed()
        let tally = Tally()
        let finished = DispatchGroup()
        for worker in 0..<4 {
            finished.enter()
            Thread.detachNewThread {
                defer { finished.leave() }
                for index in 0..<10 {
                    tally.add(sandbox.run(["new", "solicitation", "--title", "Buy \(worker)-\(index)", "--lead", "city-of-salem"], as: .salem))
                }
            }
        }
        finished.wait()
        let results = tally.all
        #expect(results.allSatisfy { $0.status == 0 }, "\(results.filter { $0.status != 0 }.prefix(3).map(\.description))")
        let ids = results.map(\.lastLine)
        #expect(Set(ids).count == 40, "every new record has its own id")
        let rows = try sandbox.jsonRows(["list", "solicitations", "--format", "json"])
        #expect(Set(rows.compactMap { $0["id"] as? String }) == Set(ids))
        #expect(Set(rows.compactMap { $0["title"] as? String }).count == 40, "no record overwrote another")
    }

    @Test(.timeLimit(.minutes(1)))
    func aWriterWaitsWhileAnotherProcessHoldsTheLock() throws {
        let sandbox = try CobuySandbox()
        let id = try Self.emptyDraft(sandbox)
        let lockPath = "\(sandbox.store)/.lock"
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o644)
        try #require(fd >= 0)
        defer { close(fd) }
        try #require(flock(fd, LOCK_EX) == 0)
        let file = sandbox.file("solicitations", id)
        let before = sandbox.bytes(file)
        let tally = Tally()
        let finished = DispatchGroup()
        finished.enter()
        Thread.detachNewThread {
            defer { finished.leave() }
            tally.add(sandbox.run(["do", id, "add-line", "--text", "patient", "--quantity", "1", "--unit", "each"], as: .salem))
        }
        usleep(700_000)
        #expect(tally.all.isEmpty, "the writer is still waiting for the lock")
        #expect(sandbox.bytes(file) == before)
        flock(fd, LOCK_UN)
        finished.wait()
        let output = try #require(tally.all.first)
        #expect(output.status == 0, "\(output)")
        #expect(output.elapsed >= 0.6)
        #expect((sandbox.json(id)?["lines"] as? [Any])?.count == 1)
    }

    @Test(.timeLimit(.minutes(2)))
    func killingWritersAtRandomMomentsNeverBreaksARecord() throws {
        let sandbox = try CobuySandbox()
        let id = try Self.emptyDraft(sandbox)
        let started = Date()
        var completedBeforeKill: [String] = []
        var killed = 0
        let iterations = 300
        for iteration in 0..<iterations {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: sandbox.binary)
            process.arguments = ["do", id, "add-line", "--text", "line \(iteration)", "--quantity", "1", "--unit", "each",
                                 "--as", "Ana Ruiz", "--for", "city-of-salem"]
            process.environment = sandbox.environment
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0...30_000))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killed += 1 }
            else if process.terminationStatus == 0 { completedBeforeKill.append("line \(iteration)") }
            else { Issue.record("iteration \(iteration) exited \(process.terminationStatus)") }
            if Date().timeIntervalSince(started) > 50 { break }  // keep the suite fast on a slow machine
        }
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed < 60)

        let validate = sandbox.run(["validate"])
        #expect(validate.status == 0, "\(validate)")
        // Every record decodes, through the library as well as the binary.
        let report = Store(root: sandbox.store).validate()
        #expect(report.problems.isEmpty, "\(report.problems)")
        for kind in ["parties", "solicitations"] {
            #expect(sandbox.run(["list", kind, "--format", "json"]).stderr.isEmpty)
        }
        let record = try #require(sandbox.json(id))
        let lines = try #require(record["lines"] as? [[String: Any]]).compactMap { $0["text"] as? String }
        let history = try #require(record["history"] as? [[String: Any]])
        let addLines = history.filter { $0["action"] as? String == "add-line" }
        #expect(lines.count == addLines.count, "lines and their audit entries were written together")
        #expect(lines == addLines.compactMap { ($0["details"] as? [String: String])?["text"] }, "in the same order")
        #expect(record["revision"] as? Int == history.count)
        #expect(history.enumerated().allSatisfy { $0.element["sequence"] as? Int == $0.offset + 1 }, "no gap in the sequence")
        #expect(Set(lines).count == lines.count)
        #expect(Set(completedBeforeKill).isSubset(of: Set(lines)), "a write that finished is never lost")
        print("kill -9 loop: \(killed) killed, \(completedBeforeKill.count) completed, \(lines.count) lines, \(String(format: "%.1f", elapsed)) s,"
              + " \(report.warnings.count) leftover temporaries")
    }

    /// `complete` writes the partners' new addenda first and the solicitation last. A kill
    /// between those renames leaves the solicitation `awarded`; running `complete` again must not
    /// give a partner a second open addendum on the same contract.
    @Test func retryingAfterACrashMidCompleteDoesNotDuplicateAddenda() throws {
        let sandbox = try CobuySandbox()
        let ids = Scenario(name: "active", steps: Stage.active).run(in: sandbox)
        let solicitation = try #require(ids["SOL"]), contract = try #require(ids["CON"])
        let path = sandbox.file("solicitations", solicitation)
        let beforeComplete = try #require(sandbox.bytes(path))
        sandbox.must(["do", solicitation, "complete"], as: .salem)
        // What a SIGKILL after the addendum's rename and before the solicitation's leaves behind.
        try beforeComplete.write(to: URL(fileURLWithPath: path))
        #expect(sandbox.json(solicitation)?["status"] as? String == "awarded")
        let retry = sandbox.run(["do", solicitation, "complete"], as: .salem)
        #expect(retry.status == 0 && !retry.crashed, "\(retry)")
        let open = try sandbox.jsonRows(["list", "addenda", "--format", "json"]).filter {
            $0["contract"] as? String == contract && $0["party"] as? String == "marion-county"
                && ["draft", "submitted", "approved", "executed"].contains($0["status"] as? String ?? "")
        }
        #expect(open.count == 1, "marion-county's open addenda on \(contract): \(open.compactMap { $0["id"] as? String })")
        #expect(sandbox.run(["validate"]).status == 0)
        // A duplicate that only a hand edit or a merge could make is reported by validate.
        let kept = try #require(open.first?["id"] as? String)
        let text = try #require(String(data: sandbox.bytes(sandbox.file("addenda", kept)) ?? Data(), encoding: .utf8))
        try text.replacingOccurrences(of: kept, with: "PA-2026-9999")
            .write(toFile: sandbox.file("addenda", "PA-2026-9999"), atomically: true, encoding: .utf8)
        let validate = sandbox.run(["validate"])
        #expect(validate.status == 1 && validate.stdout.contains("PA-2026-9999") && validate.stdout.contains("already has addendum \(kept)"),
                "\(validate)")
    }
}
