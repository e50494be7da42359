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
        let allowed = members(at: commit).parties(forEmail: author)
        let changes = try shared.git.check(["diff", "--name-status", "--no-renames", first, commit])
        var findings: [Finding] = []
        func report(_ path: String, _ problem: String) {
            findings.append(Finding(commit: commit, author: author, path: path, problem: problem))
        }
        for line in changes.split(separator: "\n") {
            let parts = line.split(separator: "\t").map(String.init)
            guard parts.count == 2 else { continue }
            let (status, path) = (parts[0], parts[1])
            if path.hasPrefix("\(Members.folder)/") {
                if let problem = checkMember(status: status, path: path, commit: commit, author: author, merge: parents.count > 1) {
                    report(path, problem)
                }
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

    /// A commit may add its own author as a member; no one changes or removes a member.
    func checkMember(status: String, path: String, commit: String, author: String, merge: Bool) -> String? {
        guard status == "A" else { return "members are only ever added" }
        guard let member = blob(commit, path).flatMap(Members.decodeMember) else { return "not a readable member" }
        guard path == "\(Members.folder)/\(member.code).json" else { return "the file is not named after the member's code" }
        if !merge, member.email.lowercased() != author.lowercased() {
            return "member \(member.code) (\(member.email)) was added by another author"
        }
        return nil
    }

    /// The members as of `commit`.
    func members(at commit: String) -> Members {
        guard let listing = try? shared.git.run(["ls-tree", "--name-only", "\(commit):\(Members.folder)"]), listing.succeeded else {
            return Members()
        }
        return Members(members: listing.stdout.split(separator: "\n").compactMap { name in
            blob(commit, "\(Members.folder)/\(name)").flatMap(Members.decodeMember)
        })
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
