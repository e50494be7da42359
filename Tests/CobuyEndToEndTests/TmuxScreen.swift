import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A private tmux server running a shell, for driving the real `cobuy` UI the way a person
/// does: keys in, screen text out. Every wait polls the screen until the text shows (or a
/// generous timeout passes on a loaded CI machine); nothing sleeps to synchronise.
final class TmuxScreen {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let socket = "cobuy-test-\(UUID().uuidString.prefix(8))"
    let sandbox: CobuySandbox

    /// Starts `bash` in a `width`×`height` window with the sandbox's environment (and `extra`).
    init(_ sandbox: CobuySandbox, width: Int = 100, height: Int = 30, environment extra: [String: String] = [:],
         command: String = "bash --norc --noprofile") throws {
        self.sandbox = sandbox
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
        else { throw Failure(description: "tmux is not installed: run .ci/setup (it installs tmux)") }
        var environment = sandbox.environment
        environment["TERM"] = "xterm-256color"
        for (name, value) in extra { environment[name] = value }
        var arguments = ["new-session", "-d", "-x", "\(width)", "-y", "\(height)"]
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(name)=\(value)"] }
        arguments += [command]
        let started = tmux(arguments)
        guard started.status == 0 else { throw Failure(description: "tmux did not start (status \(started.status))") }
        // A pane that outlives its program keeps its last screen and exit status readable.
        _ = tmux(["set-option", "-g", "remain-on-exit", "on"])
        try waitUntil("the shell's prompt") { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    deinit { _ = tmux(["kill-server"]) }

    /// Runs a tmux command. Not through Foundation's `Process`: the tmux server daemonises
    /// from the first client and inherits what `Process` watches to see its child end, so that
    /// wait never returns. `posix_spawn` and `waitpid` have no such catch.
    @discardableResult
    func tmux(_ arguments: [String]) -> (status: Int32, stdout: String) {
        let output = "\(sandbox.folder)/.io/tmux-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "tmux"
        let words: [String] = [tmux, "-L", socket, "-f", "/dev/null"] + arguments
        let variables: [String] = ["PATH=/usr/bin:/bin:/usr/local/bin", "HOME=\(sandbox.folder)", "LANG=C.UTF-8"]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { (word: String) in strdup(word) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = variables.map { (variable: String) in strdup(variable) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        // The tmux server, its shell and the app start with default signal actions and nothing
        // blocked, as under a terminal emulator (the test runner's own mask would otherwise be
        // inherited: an ignored SIGTSTP means no Ctrl-Z).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigdelset(&all, SIGKILL)
        sigdelset(&all, SIGSTOP)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        guard posix_spawn(&pid, tmux, &actions, &attributes, argv, envp) == 0 else { return (-1, "") }
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(20)
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                return (-1, "")
            }
            usleep(2000)
        }
        let text = String(decoding: FileManager.default.contents(atPath: output) ?? Data(), as: UTF8.self)
        return ((status & 0x7f) == 0 ? (status >> 8) & 0xff : -1, text)
    }

    /// Types text literally (no key names).
    func type(_ text: String) { tmux(["send-keys", "-t", "0", "-l", text]) }

    /// Sends tmux key names: `Enter`, `Escape`, `C-z`, `Down`, `Tab`...
    func press(_ keys: String...) {
        for key in keys { tmux(["send-keys", "-t", "0", key]) }
    }

    /// Types a command line into the shell and runs it, printing its exit status afterwards.
    func run(_ commandLine: String) {
        // `EXI""T` so that only the output, not the typed line, reads EXIT=.
        type(commandLine + "; echo EXI\"\"T=$?")
        press("Enter")
    }

    /// The visible screen as text (`escapes`: with the SGR sequences tmux draws it with).
    func screen(escapes: Bool = false) -> String {
        tmux(["capture-pane", "-p", "-t", "0"] + (escapes ? ["-e"] : [])).stdout
    }

    func value(_ format: String) -> String {
        tmux(["display-message", "-p", "-t", "0", format]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func resize(_ width: Int, _ height: Int) {
        tmux(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls until `text` is on screen; the error shows the screen it last saw.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 20, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitUntil("\"\(text)\" on screen", timeout: timeout) { $0.contains(text) }
    }

    @discardableResult
    func waitUntil(_ what: String, timeout: Double = 20, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = screen()
            if condition(last) { return last }
            usleep(50_000)
        }
        throw Failure(description: "timed out waiting for \(what); the screen was:\n\(last)")
    }
}
