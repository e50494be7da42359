import CobuyCore
import CobuyStore
import Foundation

/// Checks every commit a sync brings in before its work is kept: histories only appended
/// to, every new event taken for a party its commit's author acts for (per `members.json`),
/// files exactly as Cobuy writes them, no record deleted. A member cannot sign for another
/// party in its own clone and push it.
public struct ArrivalCheck: Sendable {
    public let shared: SharedStore

    public init(shared: SharedStore) { self.shared = shared }

    /// One problem, with the commit that brought it.
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        public var commit: String
        public var author: String
        public var path: String
        public var problem: String
        public var description: String { "commit \(commit.prefix(10)) by \(author): \(path): \(problem)" }
    }

    /// Problems in the commits reachable from `to` but not from `from`, oldest first.
    public func check(from: String, to: String) throws(Git.Failure) -> [Finding] {
        let log = try shared.git.check(["log", "--reverse", "--format=%H%x09%ae%x09%P", "\(from)..\(to)"])
        var findings: [Finding] = []
        for line in log.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { continue }
            let parents = fields[2].split(separator: " ").map(String.init)
            findings += try check(commit: fields[0], author: fields[1], parents: parents)
        }
        return findings
    }

    func check(commit: String, author: String, parents: [String]) throws(Git.Failure) -> [Finding] {
        guard let first = parents.first else { return [] }
        let members = Members.decode(Data(((try? shared.git.check(["show", "\(commit):\(Members.fileName)"])) ?? "").utf8)) ?? Members()
        let allowed = members.parties(forEmail: author)
        let changes = try shared.git.check(["diff", "--name-status", "--no-renames", first, commit])
        var findings: [Finding] = []
        func report(_ path: String, _ problem: String) {
            findings.append(Finding(commit: commit, author: author, path: path, problem: problem))
        }
        for line in changes.split(separator: "\n") {
            let parts = line.split(separator: "\t").map(String.init)
            guard parts.count == 2 else { continue }
            let (status, path) = (parts[0], parts[1])
            if path == Members.fileName {
                checkMembers(commit: commit, parents: parents, author: author).forEach { report(path, $0) }
                continue
            }
            let folders = path.split(separator: "/")
            guard folders.count == 2, let kind = RecordKind(folder: String(folders[0])), path.hasSuffix(".json") else { continue }
            if status == "D" {
                report(path, "a record was deleted; records are never deleted, only closed by an action")
                continue
            }
            guard let data = blob(commit, path) else { report(path, "cannot be read"); continue }
            let after: AnyRecord
            switch RecordFile.decode(kind: kind, data: data, path: path) {
            case .success(let record): after = record
            case .failure(let problem): report(path, "not a readable record: \(problem.message)"); continue
            }
            if !RecordFile.isCanonical(data, record: after) {
                report(path, "not written the way Cobuy writes records (edited by hand?)")
            }
            let befores = parents.compactMap { record(at: $0, path: path) }
            let afterIDs = Dictionary(after.record.history.map { ($0.eventID, $0) }, uniquingKeysWith: { first, _ in first })
            for before in befores {
                for event in before.record.history {
                    guard let kept = afterIDs[event.eventID] else {
                        report(path, "event \(event.eventID) (\(event.action) by \(event.actor)) was removed; histories may only grow")
                        continue
                    }
                    if !kept.recordsSameAct(as: event) {
                        report(path, "event \(event.eventID) (\(event.action) by \(event.actor)) was changed; histories may only grow")
                    }
                }
            }
            let known = Set(befores.flatMap { $0.record.history.map(\.eventID) })
            let added = after.record.history.filter { !known.contains($0.eventID) }
            if parents.count > 1 {
                // A merge only brings parents' events together; it takes no action of its own.
                for event in added {
                    report(path, "the merge added event \(event.eventID) (\(event.action) by \(event.actor)) that neither side had")
                }
                continue
            }
            for event in added where !mayAdd(event, kind: kind, allowed: allowed) {
                report(path, "\(event.action) by \(event.actor) for \(event.party) at \(event.at), but the commit's author (\(author)) "
                       + (allowed.isEmpty ? "is not a member in members.json" : "acts for \(allowed.sorted().joined(separator: ", "))"))
            }
        }
        return findings
    }

    /// Recording a party, or an import, is anyone's to do; every other event is its party's.
    func mayAdd(_ event: HistoryEntry, kind: RecordKind, allowed: Set<String>) -> Bool {
        if kind == .party, event.action == "create" { return !allowed.isEmpty }
        if event.action == "import", event.party.isEmpty { return !allowed.isEmpty }
        return allowed.contains(event.party)
    }

    /// A commit may add members with its author's own email; it may not change or drop others.
    func checkMembers(commit: String, parents: [String], author: String) -> [String] {
        guard let after = Members.decode(blob(commit, Members.fileName) ?? Data()) else { return ["members.json is not readable"] }
        var problems: [String] = []
        for parent in parents {
            guard let before = Members.decode(blob(parent, Members.fileName) ?? Data()) else { continue }
            for member in before.members where !after.members.contains(member) {
                problems.append("member \(member.code) (\(member.party)) was changed or removed")
            }
            if parents.count == 1 {
                for member in after.members where !before.members.contains(member) && member.email.lowercased() != author.lowercased() {
                    problems.append("member \(member.code) was added for \(member.email) by another author")
                }
            }
        }
        return problems
    }

    func blob(_ commit: String, _ path: String) -> Data? {
        guard let output = try? shared.git.run(["show", "\(commit):\(path)"]), output.succeeded else { return nil }
        return Data(output.stdout.utf8)
    }

    /// The record at `path` as of `commit`, or nil when it did not exist or does not read.
    func record(at commit: String, path: String) -> AnyRecord? {
        let folders = path.split(separator: "/")
        guard folders.count == 2, let kind = RecordKind(folder: String(folders[0])), let data = blob(commit, path),
              case .success(let record) = RecordFile.decode(kind: kind, data: data, path: path) else { return nil }
        return record
    }
}
