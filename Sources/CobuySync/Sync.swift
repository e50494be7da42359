import CobuyCore
import CobuyStore
import Foundation

/// `cobuy sync`: commit what this officer did, fetch, merge record by record, check what
/// arrived, push; again when another member pushed first.
public struct Sync: Sendable {
    public let shared: SharedStore
    /// How many times to fetch and merge again when another member pushed in between.
    public var attempts = 8

    public init(shared: SharedStore) { self.shared = shared }

    /// Where a sync has got to, for a progress line.
    public enum Step: Sendable, Equatable {
        case committing, fetching, merging(attempt: Int), checking, pushing, indexing
        public var description: String {
            switch self {
            case .committing: return "committing your changes"
            case .fetching: return "fetching"
            case .merging(let attempt): return attempt > 1 ? "merging again (another member pushed first)" : "merging"
            case .checking: return "checking what arrived"
            case .pushing: return "pushing"
            case .indexing: return "re-indexing catalogs"
            }
        }
    }

    /// What a sync did.
    public struct Report: Sendable {
        /// Actions committed by this clone, one line each.
        public var sent: [String] = []
        /// Commits received from other members.
        public var received = 0
        /// Records now in conflict: each needs a decision.
        public var conflicts: [AnyRecord] = []
        /// Problems in what arrived, each naming the commit that brought it; nothing was merged.
        public var rejected: [ArrivalCheck.Finding] = []
        /// True when the problems are in this clone's own commits, which were not pushed.
        public var notSent = false
        /// How many fetch-merge-push rounds it took.
        public var rounds = 0

        public var summary: String {
            if !rejected.isEmpty {
                return notSent
                    ? "not sent: \(rejected.count) problem\(rejected.count == 1 ? "" : "s") in your own commits; the other members would refuse them"
                    : "not synced: \(rejected.count) problem\(rejected.count == 1 ? "" : "s") in what arrived; nothing was merged"
            }
            var parts = ["synced: \(sent.count) action\(sent.count == 1 ? "" : "s") sent, \(received) commit\(received == 1 ? "" : "s") received"]
            if !conflicts.isEmpty { parts.append("\(conflicts.count) record\(conflicts.count == 1 ? "" : "s") need\(conflicts.count == 1 ? "s" : "") a decision") }
            return parts.joined(separator: "; ")
        }
    }

    /// Local commits not yet pushed plus uncommitted record changes, and remote commits not
    /// yet merged (as of the last fetch): the status bar's "3 changes to sync" and "2 behind".
    public func pending() -> (ahead: Int, behind: Int) {
        let git = shared.git
        let changed = (try? git.run(["status", "--porcelain", "--"] + RecordKind.allCases.map(\.folder)))?.stdout
            .split(separator: "\n").count ?? 0
        guard let branch = try? shared.currentBranch(),
              let counts = try? git.run(["rev-list", "--left-right", "--count", "HEAD...origin/\(branch)"]), counts.succeeded else {
            return (changed, 0)
        }
        let numbers = counts.stdout.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).compactMap { Int($0) }
        guard numbers.count == 2 else { return (changed, 0) }
        return (changed + numbers[0], numbers[1])
    }

    public func run(progress: (Step) -> Void = { _ in }) throws(SharedStore.Problem) -> Report {
        guard shared.isRepository, shared.git.config("remote.origin.url") != nil else { throw .notShared(shared.store.root) }
        guard shared.driverRegistered else { throw .driverMissing(shared.store.root) }
        do {
            return try shared.store.transaction { _ in try runLocked(progress: progress) }
        } catch let problem as SharedStore.Problem {
            throw problem
        } catch let failure as Git.Failure {
            throw .git(failure)
        } catch {
            throw .other("\(error)")
        }
    }

    private func runLocked(progress: (Step) -> Void) throws -> Report {
        let git = shared.git
        var report = Report()
        // A merge a killed sync left half done is redone from the start.
        if try git.run(["rev-parse", "--verify", "--quiet", "MERGE_HEAD"]).succeeded {
            try git.check(["merge", "--abort"])
        }
        progress(.committing)
        report.sent = try commitLocalWork()
        let branch = try shared.currentBranch()
        for attempt in 1...attempts {
            report.rounds = attempt
            progress(.fetching)
            try git.check(["fetch", "--quiet", "origin"])
            let remoteRef = "refs/remotes/origin/\(branch)"
            let hasRemote = try git.run(["rev-parse", "--verify", "--quiet", remoteRef]).succeeded
            if hasRemote {
                let before = try git.check(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
                let incoming = try git.check(["rev-list", "--count", "HEAD..\(remoteRef)"]).trimmingCharacters(in: .whitespacesAndNewlines)
                if incoming != "0" {
                    // What arrives is checked commit by commit before anything is merged, so
                    // an interrupted sync can never leave unchecked work in this clone.
                    progress(.checking)
                    let findings = try ArrivalCheck(shared: shared).check(from: before, to: remoteRef)
                    if !findings.isEmpty {
                        report.rejected = findings
                        return report
                    }
                    progress(.merging(attempt: attempt))
                    let merge = try git.run(["merge", "--quiet", "--no-edit", "-m", "Sync: merge other members' work", remoteRef])
                    if !merge.succeeded {
                        let unmerged = (try? git.check(["diff", "--name-only", "--diff-filter=U"]))?
                            .split(separator: "\n").joined(separator: ", ") ?? ""
                        _ = try? git.run(["merge", "--abort"])
                        throw SharedStore.Problem.other("the merge stopped\(unmerged.isEmpty ? "" : " on \(unmerged)"): \(merge.text)")
                    }
                    report.received += Int(incoming) ?? 0
                }
            }
            let ahead = hasRemote ? try git.check(["rev-list", "--count", "\(remoteRef)..HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines) : "1"
            if ahead == "0" { break }
            // The same checks on what this clone is about to send: the others would refuse it.
            if hasRemote {
                let outgoing = try ArrivalCheck(shared: shared).check(from: remoteRef, to: "HEAD")
                if !outgoing.isEmpty {
                    report.rejected = outgoing
                    report.notSent = true
                    return report
                }
            }
            progress(.pushing)
            let push = try git.run(["push", "--quiet", "origin", "HEAD:refs/heads/\(branch)"])
            if push.succeeded { break }
            if attempt == attempts {
                throw SharedStore.Problem.other("other members kept pushing first; \(attempts) tries: \(push.text)")
            }
        }
        progress(.indexing)
        if let index = shared.store.catalogIndex() { _ = try? index.refresh() }
        report.conflicts = shared.recordsInConflict()
        return report
    }

    /// Commits every record change this clone made, the message listing the actions.
    func commitLocalWork() throws -> [String] {
        let git = shared.git
        try git.check(["add", "-A"])
        if try git.run(["diff", "--cached", "--quiet"]).succeeded { return [] }
        let hasHead = try git.run(["rev-parse", "--verify", "--quiet", "HEAD"]).succeeded
        let changed = try git.check(["diff", "--cached", "--name-only", "--no-renames"] + (hasHead ? ["HEAD"] : []))
            .split(separator: "\n").map(String.init)
        var lines: [String] = []
        for path in changed {
            let parts = path.split(separator: "/")
            guard parts.count == 2, let kind = RecordKind(folder: String(parts[0])), path.hasSuffix(".json"),
                  let data = FileManager.default.contents(atPath: "\(shared.store.root)/\(path)"),
                  case .success(let record) = RecordFile.decode(kind: kind, data: data, path: path) else { continue }
            let before = hasHead ? ArrivalCheck(shared: shared).record(at: "HEAD", path: path) : nil
            let known = Set(before?.record.history.map(\.eventID) ?? [])
            for event in record.record.history where !known.contains(event.eventID) {
                lines.append("\(record.id) \(event.action) by \(event.actor) for \(event.party.isEmpty ? "-" : event.party)")
            }
        }
        let subject = lines.isEmpty ? "Store files (members, settings)" : lines.count == 1 ? lines[0] : "\(lines.count) actions"
        let message = ([subject, ""] + lines).joined(separator: "\n")
        try git.check(["commit", "--quiet", "-F", "-"], input: message)
        return lines
    }
}
