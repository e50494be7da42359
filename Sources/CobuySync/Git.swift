import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the `git` command in a clone, so the user's credentials, ssh, hooks and config apply.
public struct Git: Sendable {
    /// The clone's working folder.
    public let folder: String
    /// Extra environment for every call (tests pin author and dates).
    public var environment: [String: String]

    public init(folder: String, environment: [String: String] = [:]) {
        self.folder = folder
        self.environment = environment
    }

    /// What a call printed and how it ended.
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var succeeded: Bool { status == 0 }
        /// Both streams' text, for messages.
        public var text: String { [stdout, stderr].filter { !$0.isEmpty }.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// A git call that failed: the command and what git said.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var command: String
        public var output: String
        public var description: String { "git \(command) failed: \(output.isEmpty ? "no message" : output)" }
    }

    /// Runs `git ARGS` and returns its output whatever the status. Spawned directly and
    /// waited for with `waitpid`, output through temporary files: Foundation's `Process`
    /// polls for the child's exit, which cost 50-100 ms a call, and a sync makes a dozen.
    @discardableResult
    public func run(_ arguments: [String], input: String? = nil) throws(Failure) -> Output {
        let raw = try runRaw(arguments, input: input.map { Data($0.utf8) })
        return Output(status: raw.status, stdout: String(decoding: raw.stdout, as: UTF8.self), stderr: String(decoding: raw.stderr, as: UTF8.self))
    }

    /// How many git processes this process has started (the sync benchmark reports it per sync).
    public static var spawned: Int { spawnCount.load(ordering: .relaxed) }
    private static let spawnCount = Atomic<Int>(0)

    /// `run` with the output as bytes (`cat-file --batch` sizes its objects in bytes).
    func runRaw(_ arguments: [String], input: Data? = nil) throws(Failure) -> (status: Int32, stdout: Data, stderr: Data) {
        let command = arguments.joined(separator: " ")
        let scratch = NSTemporaryDirectory() + "cobuy-git-" + UUID().uuidString
        let outPath = scratch + ".out", errPath = scratch + ".err", inPath = scratch + ".in"
        defer { for path in [outPath, errPath, inPath] { unlink(path) } }
        if let input {
            guard FileManager.default.createFile(atPath: inPath, contents: input) else {
                throw Failure(command: command, output: "cannot write a temporary file in \(NSTemporaryDirectory())")
            }
        }
        var variables = ProcessInfo.processInfo.environment
        // Never stop to ask on a terminal the user cannot see (sync runs under the UI too).
        variables["GIT_TERMINAL_PROMPT"] = variables["GIT_TERMINAL_PROMPT"] ?? "0"
        for (key, value) in environment { variables[key] = value }
        // `-C` rather than a working folder for the child: portable across C libraries.
        let argv = ["git", "-C", folder] + arguments
        let envp = variables.map { "\($0.key)=\($0.value)" }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input == nil ? "/dev/null" : inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var pid: pid_t = 0
        let spawned = withCStrings(argv) { argvPointers in
            withCStrings(envp) { envPointers in
                // Found on PATH as a shell would (no `env` in between: one process a call, not two).
                posix_spawnp(&pid, "git", &actions, nil, argvPointers, envPointers)
            }
        }
        guard spawned == 0 else {
            throw Failure(command: command, output: "cannot run git: \(String(cString: strerror(spawned)))")
        }
        Git.spawnCount.add(1, ordering: .relaxed)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exited = (status & 0x7f) == 0
        let code = exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let out = FileManager.default.contents(atPath: outPath) ?? Data()
        let err = FileManager.default.contents(atPath: errPath) ?? Data()
        return (code, out, err)
    }

    /// Many objects (`REV:PATH` or an object id each) read by one `git cat-file --batch`
    /// rather than one `git show` apiece: a sync reads hundreds. Missing ones are absent.
    public func objects(_ names: [String]) throws(Failure) -> [String: Data] {
        let wanted = Array(Set(names.filter { !$0.isEmpty && !$0.contains("\n") })).sorted()
        guard !wanted.isEmpty else { return [:] }
        let output = try runRaw(["cat-file", "--batch"], input: Data((wanted.joined(separator: "\n") + "\n").utf8))
        guard output.status == 0 else {
            throw Failure(command: "cat-file --batch", output: String(decoding: output.stderr, as: UTF8.self))
        }
        var found: [String: Data] = [:]
        let bytes = output.stdout
        var position = bytes.startIndex
        // Answers come in the order asked: "ID TYPE SIZE\n" CONTENT "\n", or "NAME missing\n".
        for name in wanted {
            guard let newline = bytes[position...].firstIndex(of: 0x0A) else { break }
            let header = String(decoding: bytes[position..<newline], as: UTF8.self)
            position = bytes.index(after: newline)
            let fields = header.split(separator: " ")
            guard fields.count == 3, let size = Int(fields[2]), size >= 0,
                  bytes.distance(from: position, to: bytes.endIndex) >= size else { continue }
            let end = bytes.index(position, offsetBy: size)
            found[name] = Data(bytes[position..<end])
            position = end < bytes.endIndex ? bytes.index(after: end) : end
        }
        return found
    }

    private func withCStrings(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> Int32) -> Int32 {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        return pointers.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return EINVAL }
            return body(base)
        }
    }

    /// Runs `git ARGS` and throws unless it succeeds; returns stdout.
    @discardableResult
    public func check(_ arguments: [String], input: String? = nil) throws(Failure) -> String {
        let output = try run(arguments, input: input)
        guard output.succeeded else { throw Failure(command: arguments.joined(separator: " "), output: output.text) }
        return output.stdout
    }

    /// Several config values of this clone from one `git config --list` (absent when unset).
    public func configValues(_ keys: Set<String>) -> [String: String] {
        guard let output = try? runRaw(["config", "--list", "-z"]), output.status == 0 else { return [:] }
        var values: [String: String] = [:]
        // "KEY\nVALUE\0" each; the last one wins, as git's own lookup does.
        for entry in output.stdout.split(separator: 0) {
            let text = String(decoding: entry, as: UTF8.self)
            let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0]).lowercased()
            guard keys.contains(where: { $0.lowercased() == key }) else { continue }
            let value = parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespacesAndNewlines) : ""
            if !value.isEmpty { values[keys.first { $0.lowercased() == key } ?? key] = value }
        }
        return values
    }

    /// A config value of this clone, or nil.
    public func config(_ key: String) -> String? {
        guard let output = try? run(["config", "--get", key]), output.succeeded else { return nil }
        let value = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }
}
