import CobuyCore
import CobuyStore
import Foundation

/// Checks every commit a sync brings in before its work is kept: histories only appended
/// to, every new event taken for a party its commit's author acts for (per `members.json`),
/// files exactly as Cobuy writes them, no record deleted. A member cannot sign for another
/// party in its own clone and push it.
public struct ArrivalCheck: Sendable {
    public let shared: SharedStore
    /// The members of each `members/` tree already read: a sync checks what arrives and then
    /// what it sends, mostly against the same members.
    private let known = KnownMembers()

    public init(shared: SharedStore) { self.shared = shared }

    final class KnownMembers: @unchecked Sendable {
        private let lock = NSLock()
        private var byTree: [String: Members] = [:]
        subscript(tree: String) -> Members? {
            get { lock.withLock { byTree[tree] } }
            set { lock.withLock { byTree[tree] = newValue } }
        }
    }

    /// One problem, with the commit that brought it.
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        public var commit: String
        public var author: String
        public var path: String
        public var problem: String
        public var description: String { "commit \(commit.prefix(10)) by \(author): \(path): \(problem)" }
    }

    /// One commit to check: who made it, its parents, and what it changed against its first
    /// parent (status letter and path).
    struct Commit {
        var id: String
        var author: String
        var parents: [String]
        var changes: [(status: String, path: String)] = []
    }

    /// Problems in the commits reachable from `to` but not from `from`, oldest first.
    ///
    /// A fixed handful of git processes whatever the number of commits and files: one `log`
    /// for the commits, one `diff-tree --stdin` for what each changed, one `cat-file
    /// --batch-check` for each commit's `members/` folder, one `ls-tree` per distinct such
    /// folder (members are only added, so there are few), and one `cat-file --batch` for every
    /// file version the checks read.
    public func check(from: String, to: String) throws(Git.Failure) -> [Finding] {
        let git = shared.git
        let log = try git.check(["log", "--reverse", "--format=%H%x09%ae%x09%P", "\(from)..\(to)"])
        var commits: [Commit] = log.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { return nil }
            let parents = fields[2].split(separator: " ").map(String.init)
            // A root commit brings the store itself; there is nothing it could have changed.
            return parents.isEmpty ? nil : Commit(id: fields[0], author: fields[1], parents: parents)
        }
        guard !commits.isEmpty else { return [] }
        try readChanges(into: &commits)
        let members = try membersByCommit(commits.map(\.id))
        var wanted: [String] = []
        for commit in commits {
            for change in commit.changes where isChecked(change.path) {
                if change.status != "D" { wanted.append("\(commit.id):\(change.path)") }
                if !change.path.hasPrefix("\(Members.folder)/") {
                    wanted += commit.parents.map { "\($0):\(change.path)" }
                }
            }
        }
        let files = try git.objects(wanted)
        return commits.flatMap { commit in
            check(commit, allowed: (members[commit.id] ?? Members()).parties(forEmail: commit.author), files: files)
        }
    }

    /// Record files and member files: what the checks look at.
    func isChecked(_ path: String) -> Bool {
        if path.hasPrefix("\(Members.folder)/") { return true }
        let folders = path.split(separator: "/")
        return folders.count == 2 && RecordKind(folder: String(folders[0])) != nil && path.hasSuffix(".json")
    }

    /// What each commit changed against its first parent, from one `git diff-tree --stdin`.
    func readChanges(into commits: inout [Commit]) throws(Git.Failure) {
        let input = commits.map { "\($0.id) \($0.parents[0])" }.joined(separator: "\n") + "\n"
        let output = try shared.git.runRaw(["diff-tree", "--stdin", "-r", "-z", "--no-renames", "--name-status"], input: Data(input.utf8))
        guard output.status == 0 else {
            throw Git.Failure(command: "diff-tree --stdin", output: String(decoding: output.stderr, as: UTF8.self))
        }
        let position = Dictionary(commits.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        // "COMMIT\0" then "STATUS\0PATH\0" for each file it changed.
        let tokens = output.stdout.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        var current: Int?
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if let found = position[token] {
                current = found
                index += 1
            } else if let current, index + 1 < tokens.count, !token.isEmpty {
                commits[current].changes.append((token, tokens[index + 1]))
                index += 2
            } else {
                index += 1
            }
        }
    }

    /// The members as of each commit: the `members/` folder's tree for every commit in one
    /// call, each distinct tree listed once, every member file read in one more.
    func membersByCommit(_ commits: [String]) throws(Git.Failure) -> [String: Members] {
        let input = commits.map { "\($0):\(Members.folder)" }.joined(separator: "\n") + "\n"
        let output = try shared.git.run(["cat-file", "--batch-check"], input: input)
        guard output.succeeded else { throw Git.Failure(command: "cat-file --batch-check", output: output.text) }
        var treeOf: [String: String] = [:]
        for (commit, line) in zip(commits, output.stdout.split(separator: "\n", omittingEmptySubsequences: false)) {
            let fields = line.split(separator: " ")
            if fields.count == 3, fields[1] == "tree" { treeOf[commit] = String(fields[0]) }
        }
        // Every tree not yet read, in one `cat-file --batch`: "MODE NAME\0" then the raw id.
        let unread = Array(Set(treeOf.values).filter { known[$0] == nil })
        let trees = try shared.git.objects(unread)
        var blobsOf: [String: [String]] = [:]
        for tree in unread {
            guard let data = trees[tree] else { continue }
            blobsOf[tree] = ArrivalCheck.treeEntries(data, idLength: tree.count / 2).filter { $0.mode.hasPrefix("100") && $0.name.hasSuffix(".json") }.map(\.id)
        }
        let blobs = try shared.git.objects(Array(Set(blobsOf.values.joined())))
        for (tree, ids) in blobsOf {
            known[tree] = Members(members: ids.compactMap { blobs[$0].flatMap(Members.decodeMember) })
        }
        return treeOf.compactMapValues { known[$0] }
    }

    /// The entries of a raw tree object: mode, name and object id (hex).
    static func treeEntries(_ data: Data, idLength: Int) -> [(mode: String, name: String, id: String)] {
        var entries: [(mode: String, name: String, id: String)] = []
        let bytes = [UInt8](data)
        var position = 0
        while position < bytes.count {
            guard let space = bytes[position...].firstIndex(of: 0x20), let nul = bytes[space...].firstIndex(of: 0),
                  nul + 1 + idLength <= bytes.count else { break }
            let mode = String(decoding: bytes[position..<space], as: UTF8.self)
            let name = String(decoding: bytes[(space + 1)..<nul], as: UTF8.self)
            let id = bytes[(nul + 1)..<(nul + 1 + idLength)].map { String(format: "%02x", $0) }.joined()
            entries.append((mode, name, id))
            position = nul + 1 + idLength
        }
        return entries
    }

    func check(_ commit: Commit, allowed: Set<String>, files: [String: Data]) -> [Finding] {
        let parents = commit.parents
        var findings: [Finding] = []
        func report(_ path: String, _ problem: String) {
            findings.append(Finding(commit: commit.id, author: commit.author, path: path, problem: problem))
        }
        for (status, path) in commit.changes {
            if path.hasPrefix("\(Members.folder)/") {
                if let problem = checkMember(status: status, path: path, data: files["\(commit.id):\(path)"],
                                             author: commit.author, merge: parents.count > 1) {
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
            guard let data = files["\(commit.id):\(path)"] else { report(path, "cannot be read"); continue }
            let after: AnyRecord
            switch RecordFile.decode(kind: kind, data: data, path: path) {
            case .success(let record): after = record
            case .failure(let problem): report(path, "not a readable record: \(problem.message)"); continue
            }
            if !RecordFile.isCanonical(data, record: after) {
                report(path, "not written the way Cobuy writes records (edited by hand?)")
            }
            let befores = parents.compactMap { parent in
                files["\(parent):\(path)"].flatMap { data -> AnyRecord? in
                    guard case .success(let record) = RecordFile.decode(kind: kind, data: data, path: path) else { return nil }
                    return record
                }
            }
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
                report(path, "\(event.action) by \(event.actor) for \(event.party) at \(event.at), but the commit's author (\(commit.author)) "
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
    func checkMember(status: String, path: String, data: Data?, author: String, merge: Bool) -> String? {
        guard status == "A" else { return "members are only ever added" }
        guard let member = data.flatMap(Members.decodeMember) else { return "not a readable member" }
        guard path == "\(Members.folder)/\(member.code).json" else { return "the file is not named after the member's code" }
        if !merge, member.email.lowercased() != author.lowercased() {
            return "member \(member.code) (\(member.email)) was added by another author"
        }
        return nil
    }
}
