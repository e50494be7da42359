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
        guard shared.isRepository else { throw .notShared(shared.store.root) }
        // Both settings from one `git config` call.
        let settings = shared.git.configValues(["remote.origin.url", "merge.\(MergeDriver.name).driver"])
        guard settings["remote.origin.url"] != nil else { throw .notShared(shared.store.root) }
        guard shared.driverRegistered(driver: settings["merge.\(MergeDriver.name).driver"]) else { throw .driverMissing(shared.store.root) }
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

    /// One sync costs a fixed number of git processes, whatever the store's size and however
    /// many commits arrive: a dozen or so, plus the merge driver for each record both sides
    /// changed. Files are read through `cat-file --batch`, never one `git show` each.
    private func runLocked(progress: (Step) -> Void) throws -> Report {
        let git = shared.git
        var report = Report()
        // A merge a killed sync left half done is redone from the start.
        if DurableFile.exists("\(shared.store.root)/.git/MERGE_HEAD") {
            try git.check(["merge", "--abort"])
        }
        progress(.committing)
        report.sent = try commitLocalWork()
        let branch = try shared.currentBranch()
        let remoteRef = "refs/remotes/origin/\(branch)"
        var arrived: Set<String> = []
        let checks = ArrivalCheck(shared: shared)
        for attempt in 1...attempts {
            report.rounds = attempt
            progress(.fetching)
            try git.check(["fetch", "--quiet", "origin"])
            // Commits only here and commits only there, in one call; it fails when the
            // remote has no branch yet (the first push).
            let counts = try git.run(["rev-list", "--left-right", "--count", "HEAD...\(remoteRef)"])
            let numbers = counts.stdout.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).compactMap { Int($0) }
            let hasRemote = counts.succeeded && numbers.count == 2
            var ahead = hasRemote ? numbers[0] : 1
            let incoming = hasRemote ? numbers[1] : 0
            if incoming > 0 {
                let before = try git.check(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
                // What arrives is checked commit by commit before anything is merged, so
                // an interrupted sync can never leave unchecked work in this clone.
                progress(.checking)
                let findings = try checks.check(from: before, to: remoteRef)
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
                report.received += incoming
                // What the merge changed here: the files to look at afterwards, and no others.
                let changed = try git.runRaw(["diff", "--name-only", "-z", "--no-renames", before, "HEAD"])
                for path in changed.stdout.split(separator: 0) { arrived.insert(String(decoding: path, as: UTF8.self)) }
                // Fast-forwarded when nothing was ours; otherwise a merge commit to send.
                if ahead > 0 { ahead += 1 }
            }
            if ahead == 0 { break }
            // The same checks on what this clone is about to send: the others would refuse it.
            if hasRemote {
                let outgoing = try checks.check(from: remoteRef, to: "HEAD")
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
        // Only a catalog that arrived needs the index brought up to date.
        if arrived.contains(where: { !isRecordOrMember($0) }) {
            progress(.indexing)
            if let index = shared.store.catalogIndex() { _ = try? index.refresh() }
        }
        report.conflicts = shared.recordsInConflict()
        return report
    }

    /// A record file or a member file: never a catalog.
    func isRecordOrMember(_ path: String) -> Bool {
        let folders = path.split(separator: "/")
        guard folders.count == 2 else { return false }
        return folders[0] == Members.folder[...] || RecordKind(folder: String(folders[0])) != nil
    }

    /// Commits every record change this clone made, the message listing the actions: one
    /// `add -A`, one `diff` for the paths, one `cat-file --batch` for their committed versions.
    func commitLocalWork() throws -> [String] {
        let git = shared.git
        try git.check(["add", "-A"])
        var listing = try git.runRaw(["diff", "--cached", "--name-only", "-z", "--no-renames", "HEAD"])
        let hasHead = listing.status == 0
        if !hasHead {
            // No commit yet: everything staged is new.
            listing = try git.runRaw(["diff", "--cached", "--name-only", "-z", "--no-renames"])
        }
        let changed = listing.stdout.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        if changed.isEmpty { return [] }
        let committed = hasHead ? try git.objects(changed.map { "HEAD:\($0)" }) : [:]
        var lines: [String] = []
        for path in changed {
            let parts = path.split(separator: "/")
            guard parts.count == 2, let kind = RecordKind(folder: String(parts[0])), path.hasSuffix(".json"),
                  let data = FileManager.default.contents(atPath: "\(shared.store.root)/\(path)"),
                  case .success(let record) = RecordFile.decode(kind: kind, data: data, path: path) else { continue }
            var known: Set<String> = []
            if let before = committed["HEAD:\(path)"], case .success(let old) = RecordFile.decode(kind: kind, data: before, path: path) {
                known = Set(old.record.history.map(\.eventID))
            }
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
