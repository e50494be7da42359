import CobuyCore
import CobuyStore
import Foundation

/// A store that is a clone of the consortium's git repository: making it one, and the checks
/// every command on it shares.
public struct SharedStore: Sendable {
    public let store: Store
    public var git: Git

    public init(store: Store, environment: [String: String] = [:]) {
        self.store = store
        self.git = Git(folder: store.root, environment: environment)
    }

    /// What goes wrong setting up or syncing, in an officer's words.
    public enum Problem: Error, CustomStringConvertible, Sendable {
        case notShared(String)
        case driverMissing(String)
        case git(Git.Failure)
        case other(String)

        public var description: String {
            switch self {
            case .notShared(let root): return "\(root) is not a shared store; share it with cobuy share init --remote URL, or clone one with cobuy share clone URL --store DIR."
            case .driverMissing(let root): return "the record merge driver is not registered in \(root) (git would merge records line by line); run cobuy share register --store \(root)."
            case .git(let failure): return failure.description
            case .other(let message): return message
            }
        }
    }

    /// The record folders git merges with Cobuy's driver.
    public static let attributes = RecordKind.allCases.map { "\($0.folder)/*.json merge=\(MergeDriver.name)" }.joined(separator: "\n") + "\n"
    /// Derived and local files that stay out of git.
    public static let ignored = [".index/", ".lock", "*.tmp", ".*.tmp*"]

    public var isRepository: Bool { DurableFile.exists("\(store.root)/.git") }

    /// Whether git would run Cobuy's driver for record files here.
    public var driverRegistered: Bool { driverRegistered(driver: git.config("merge.\(MergeDriver.name).driver")) }

    /// Whether `driver` (the clone's `merge.cobuy.driver`) is Cobuy's and `.gitattributes` sends records to it.
    func driverRegistered(driver: String?) -> Bool {
        guard let driver, driver.contains("merge-driver") else { return false }
        guard let data = FileManager.default.contents(atPath: "\(store.root)/.gitattributes"),
              let text = String(data: data, encoding: .utf8) else { return false }
        return text.contains("merge=\(MergeDriver.name)")
    }

    /// Registers the driver in this clone's config (git never takes a driver from the repository).
    public func registerDriver(executable: String) throws(Problem) {
        let quoted = "'" + executable.replacingOccurrences(of: "'", with: "'\\''") + "'"
        do {
            try git.check(["config", "merge.\(MergeDriver.name).name", "Cobuy record merge (union of events, replayed)"])
            try git.check(["config", "merge.\(MergeDriver.name).driver", "\(quoted) merge-driver %O %A %B %P"])
        } catch { throw .git(error) }
    }

    /// `.gitattributes` and `.gitignore` as a shared store needs them (lines added, none removed).
    func writeRepositoryFiles() throws(Problem) {
        do {
            try appendMissingLines(SharedStore.attributes, to: "\(store.root)/.gitattributes")
            try appendMissingLines(SharedStore.ignored.joined(separator: "\n") + "\n", to: "\(store.root)/.gitignore")
        } catch { throw .other("cannot write the repository files: \(error)") }
    }

    private func appendMissingLines(_ lines: String, to path: String) throws {
        let existing = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let have = Set(existing.split(separator: "\n").map(String.init))
        let missing = lines.split(separator: "\n").map(String.init).filter { !have.contains($0) }
        guard !missing.isEmpty else { return }
        let text = (existing.isEmpty || existing.hasSuffix("\n") ? existing : existing + "\n") + missing.joined(separator: "\n") + "\n"
        try DurableFile.write(Data(text.utf8), to: path)
    }

    /// Records this clone as a member (code, party, email) and keeps its code in `.git`.
    func join(party: String, code requested: String?) throws(Problem) -> Members.Member {
        var members = Members.load(root: store.root)
        let email = authorEmail() ?? ""
        guard !email.isEmpty else {
            throw .other("git does not know your email: set it with git config --global user.email YOU@EXAMPLE.ORG (it tells members whose commits are whose).")
        }
        let member: Members.Member
        if let existing = members.members.first(where: { $0.email.lowercased() == email.lowercased() && $0.party == party
                                                          && (requested == nil || $0.code == requested) }) {
            member = existing
        } else {
            let code = requested ?? members.suggestedCode(for: party)
            guard IDPool.isValidMemberCode(code) else {
                throw .other("the member code \(code) is not usable: 2 to 6 capital letters or digits, starting with a letter.")
            }
            if let taken = members.member(code: code) {
                throw .other("the member code \(code) is taken by \(taken.party) (\(taken.email)); choose another with --member.")
            }
            member = Members.Member(code: code, party: party, email: email)
            members.members.append(member)
            do { try Members.save(member, root: store.root) } catch { throw .other("cannot write \(Members.folder)/\(code).json: \(error)") }
        }
        do { try DurableFile.write(Data((member.code + "\n").utf8), to: store.memberCodePath) } catch {
            throw .other("cannot write \(store.memberCodePath): \(error)")
        }
        return member
    }

    /// The email git will put on this clone's commits (config or `GIT_AUTHOR_EMAIL`).
    public func authorEmail() -> String? {
        guard let output = try? git.run(["var", "GIT_AUTHOR_IDENT"]), output.succeeded,
              let open = output.stdout.firstIndex(of: "<"), let close = output.stdout.firstIndex(of: ">"), open < close else { return nil }
        let email = String(output.stdout[output.stdout.index(after: open)..<close])
        return email.isEmpty ? nil : email
    }

    /// `cobuy share init --remote URL`: the store becomes a repository, pushed to `remote`.
    public func initialize(remote: String, party: String, code: String?, executable: String) throws(Problem) -> Members.Member {
        do {
            if !isRepository {
                try git.check(["init", "--quiet"])
                try git.check(["symbolic-ref", "HEAD", "refs/heads/main"])
            }
            try registerDriver(executable: executable)
            try writeRepositoryFiles()
            let member = try join(party: party, code: code)
            try git.check(["add", "-A"])
            if !(try git.run(["diff", "--cached", "--quiet"]).succeeded) {
                try git.check(["commit", "--quiet", "-m", "Share the store (member \(member.code) for \(party))"])
            }
            if git.config("remote.origin.url") == nil {
                try git.check(["remote", "add", "origin", remote])
            } else {
                try git.check(["remote", "set-url", "origin", remote])
            }
            let branch = try currentBranch()
            try git.check(["push", "--quiet", "-u", "origin", "\(branch):\(branch)"])
            return member
        } catch let problem as Problem {
            throw problem
        } catch let failure as Git.Failure {
            throw .git(failure)
        } catch {
            throw .other("\(error)")
        }
    }

    /// `cobuy share clone URL --store DIR`: a member's own copy, driver registered, joined.
    public static func clone(url: String, into folder: String, party: String, code: String?, executable: String,
                             environment: [String: String] = [:]) throws(Problem) -> (SharedStore, Members.Member) {
        let parent = (folder as NSString).deletingLastPathComponent
        let outer = Git(folder: parent.isEmpty ? "." : parent, environment: environment)
        do { try outer.check(["clone", "--quiet", url, folder]) } catch { throw .git(error) }
        let shared = SharedStore(store: Store(root: folder), environment: environment)
        guard DurableFile.exists(shared.store.markerPath) else {
            throw .other("\(url) holds no Cobuy store (no cobuy.json at its root).")
        }
        try shared.registerDriver(executable: executable)
        do { try Store.initialize(at: folder) } catch { throw .other(error.description) }
        try shared.writeRepositoryFiles()
        let member = try shared.join(party: party, code: code)
        do {
            try shared.git.check(["add", "-A"])
            if !(try shared.git.run(["diff", "--cached", "--quiet"]).succeeded) {
                try shared.git.check(["commit", "--quiet", "-m", "Join the consortium (member \(member.code) for \(party))"])
            }
        } catch { throw .git(error) }
        return (shared, member)
    }

    func currentBranch() throws(Git.Failure) -> String {
        // `.git/HEAD` names the branch itself ("ref: refs/heads/main"): no process needed.
        if let data = try? DurableFile.read("\(store.root)/.git/HEAD", limit: 4096),
           let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
           text.hasPrefix("ref: refs/heads/") {
            let name = String(text.dropFirst("ref: refs/heads/".count))
            if !name.isEmpty { return name }
        }
        let name = try git.check(["symbolic-ref", "--short", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        return name.isEmpty ? "main" : name
    }

    /// Records in conflict at HEAD's working files, found by the marker's key without reading
    /// every record.
    public func recordsInConflict() -> [AnyRecord] {
        guard let output = try? git.run(["grep", "-l", "-F", "\"conflict\" : {", "--"] + RecordKind.allCases.map { "\($0.folder)/*.json" }),
              output.succeeded else { return [] }
        return output.stdout.split(separator: "\n").compactMap { path -> AnyRecord? in
            let parts = path.split(separator: "/")
            guard parts.count == 2, let kind = RecordKind(folder: String(parts[0])),
                  let data = FileManager.default.contents(atPath: "\(store.root)/\(path)"),
                  case .success(let record) = RecordFile.decode(kind: kind, data: data, path: String(path)),
                  record.record.conflict != nil else { return nil }
            return record
        }.sorted { $0.id < $1.id }
    }
}
