import Foundation
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
        let command = arguments.joined(separator: " ")
        let scratch = NSTemporaryDirectory() + "cobuy-git-" + UUID().uuidString
        let outPath = scratch + ".out", errPath = scratch + ".err", inPath = scratch + ".in"
        defer { for path in [outPath, errPath, inPath] { unlink(path) } }
        if let input {
            guard FileManager.default.createFile(atPath: inPath, contents: Data(input.utf8)) else {
                throw Failure(command: command, output: "cannot write a temporary file in \(NSTemporaryDirectory())")
            }
        }
        var variables = ProcessInfo.processInfo.environment
        // Never stop to ask on a terminal the user cannot see (sync runs under the UI too).
        variables["GIT_TERMINAL_PROMPT"] = variables["GIT_TERMINAL_PROMPT"] ?? "0"
        for (key, value) in environment { variables[key] = value }
        // `-C` rather than a working folder for the child: portable across C libraries.
        let argv = ["/usr/bin/env", "git", "-C", folder] + arguments
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
                posix_spawn(&pid, "/usr/bin/env", &actions, nil, argvPointers, envPointers)
            }
        }
        guard spawned == 0 else {
            throw Failure(command: command, output: "cannot run git: \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exited = (status & 0x7f) == 0
        let code = exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let out = FileManager.default.contents(atPath: outPath) ?? Data()
        let err = FileManager.default.contents(atPath: errPath) ?? Data()
        return Output(status: code, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
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

    /// A config value of this clone, or nil.
    public func config(_ key: String) -> String? {
        guard let output = try? run(["config", "--get", key]), output.succeeded else { return nil }
        let value = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }
}
