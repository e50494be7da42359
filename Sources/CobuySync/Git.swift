import Foundation

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

    /// Runs `git ARGS` and returns its output whatever the status.
    @discardableResult
    public func run(_ arguments: [String], input: String? = nil) throws(Failure) -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var variables = ProcessInfo.processInfo.environment
        // Never stop to ask on a terminal the user cannot see (sync runs under the UI too).
        variables["GIT_TERMINAL_PROMPT"] = variables["GIT_TERMINAL_PROMPT"] ?? "0"
        for (key, value) in environment { variables[key] = value }
        process.environment = variables
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input == nil ? FileHandle.nullDevice : inPipe
        do { try process.run() } catch {
            throw Failure(command: arguments.joined(separator: " "), output: "cannot run git: \(error.localizedDescription)")
        }
        if let input {
            // The throwing write: the old one traps if git has already closed its input.
            try? inPipe.fileHandleForWriting.write(contentsOf: Data(input.utf8))
            try? inPipe.fileHandleForWriting.close()
        }
        // Read both pipes while git runs: a full pipe would block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
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
