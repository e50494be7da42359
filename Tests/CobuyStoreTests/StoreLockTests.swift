import CobuyCore
import Foundation
import Testing
@testable import CobuyStore

/// A list that several threads append to.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [String] = []
    func append(_ event: String) { lock.lock(); events.append(event); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return events }

    /// Runs `work` on a thread of its own within `group`, logging `success` when it returns
    /// and the error when it throws.
    func thread(in group: DispatchGroup, logging success: String? = nil, _ work: @escaping @Sendable () throws -> Void) {
        group.enter()
        Thread.detachNewThread {
            defer { group.leave() }
            do {
                try work()
                if let success { self.append(success) }
            } catch {
                self.append("failed: \(error)")
            }
        }
    }
}

/// The store's `flock` makes writers take turns, in one process or many.
@Suite struct StoreLockTests {
    @Test(.timeLimit(.minutes(1)))
    func theLockSerialisesTwoTransactionsFromTwoThreads() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let id = try temporary.solicitation().id
        let start = try store.load(id).record.revision
        let log = EventLog()
        let firstIsInside = DispatchSemaphore(value: 0)
        let finished = DispatchGroup()

        /// Read, dawdle, write back what was read: without the lock the second writer would
        /// read the old revision and collide (or overwrite) when it writes.
        func readModifyWrite(_ name: String, pause: UInt32, signal: DispatchSemaphore?, change: @escaping @Sendable (inout JointSolicitation) -> Void) {
            log.thread(in: finished) {
                try store.transaction { transaction in
                    log.append("\(name) in")
                    signal?.signal()
                    guard case .solicitation(var record) = try transaction.load(id) else { return }
                    let readAt = record.revision
                    usleep(pause)
                    change(&record)
                    try transaction.update(.solicitation(record), readAt: readAt)
                    log.append("\(name) out")
                }
            }
        }
        readModifyWrite("A", pause: 300_000, signal: firstIsInside) { $0.title = "Title from A" }
        firstIsInside.wait()
        readModifyWrite("B", pause: 0, signal: nil) { $0.category = "Category from B" }
        finished.wait()

        #expect(log.all == ["A in", "A out", "B in", "B out"])
        guard case .solicitation(let record) = try store.load(id) else { Issue.record("not a solicitation"); return }
        #expect(record.revision == start + 2)
        #expect(record.title == "Title from A" && record.category == "Category from B", "neither write was lost")
    }

    @Test(.timeLimit(.minutes(1)))
    func manyThreadsAddingLinesLoseNothing() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let id = try temporary.solicitation().id
        let start = try store.load(id).record.revision
        let threads = 6, perThread = 10
        let log = EventLog()
        let finished = DispatchGroup()
        for thread in 0..<threads {
            log.thread(in: finished) {
                for index in 0..<perThread {
                    try temporary.addLine("line \(thread)-\(index)", to: id)
                    log.append("ok")
                }
            }
        }
        finished.wait()
        #expect(log.all.filter { $0 != "ok" } == [])
        guard case .solicitation(let record) = try store.load(id) else { Issue.record("not a solicitation"); return }
        #expect(record.lines.count == threads * perThread)
        #expect(Set(record.lines.map(\.text)).count == threads * perThread)
        #expect(record.revision == start + threads * perThread)
        #expect(store.leftoverTemporaries().isEmpty)
    }

    @Test(.timeLimit(.minutes(1)))
    func aWriterWaitsForALockHeldElsewhere() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let id = try temporary.solicitation().id
        // Hold the lock through a separate open file description, as another process would.
        let fd = open(store.lockPath, O_RDWR | O_CREAT, 0o644)
        try #require(fd >= 0)
        defer { close(fd) }
        try #require(flock(fd, LOCK_EX) == 0)
        let before = try temporary.bytes(.solicitation, id)
        let log = EventLog()
        let finished = DispatchGroup()
        log.thread(in: finished, logging: "written") { try temporary.addLine("waited", to: id) }
        usleep(400_000)
        #expect(log.all.isEmpty, "the writer must wait for the lock")
        #expect(try temporary.bytes(.solicitation, id) == before)
        flock(fd, LOCK_UN)
        finished.wait()
        #expect(log.all == ["written"])
    }

    @Test func aLockHeldTooLongIsReportedAsBusyNamingTheLockFile() throws {
        let temporary = try TemporaryStore()
        var held: StoreLock? = try StoreLock(path: temporary.store.lockPath)
        let started = Date()
        #expect(throws: StoreError.locked(path: temporary.store.lockPath)) { _ = try StoreLock(path: temporary.store.lockPath, timeout: 0.3) }
        #expect(Date().timeIntervalSince(started) >= 0.25, "it waited before giving up")
        #expect(StoreError.locked(path: temporary.store.lockPath).description.contains(".lock"))
        #expect(held != nil)
        held = nil
        // Released: the next writer gets it at once.
        #expect(throws: Never.self) { _ = try StoreLock(path: temporary.store.lockPath, timeout: 0.3) }
    }
}
