import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A private tmux server running a shell, for driving the real `cobuy` UI the way a person
/// does: keys in, screen text out. Every wait polls the screen (every 50 ms) until the text
/// shows and the screen has settled, or a generous timeout passes on a loaded CI machine;
/// nothing sleeps to synchronise.
///
/// Call `kill()` in a `defer` right after making one; `deinit` kills the server too.
final class TmuxScreen {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The shell's prompt (set through `PS1`), so a test can tell the shell is back.
    static let prompt = "cobuy-test$"
    /// The shell every screen starts with unless a test names another command.
    static let shell = "env 'PS1=\(prompt) ' HISTFILE=/dev/null bash --norc --noprofile"

    let socket = "cobuy-test-\(UUID().uuidString.prefix(8))"
    let sandbox: CobuySandbox
    private let executable: String
    private var killed = false

    /// The tmux executable, or a failure that says how to install it.
    static func locate() throws -> String {
        guard let found = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { throw Failure(description: "tmux is not installed, and these tests drive the UI in it: run `bash .ci/setup` (it installs tmux) or `apt-get install tmux`") }
        return found
    }

    /// Starts `command` (a shell by default) in a `width`×`height` window of a new private
    /// server, with the sandbox's environment (and `extra`) and `TERM=xterm-256color`.
    init(_ sandbox: CobuySandbox, width: Int = 100, height: Int = 30, environment extra: [String: String] = [:],
         command: String = TmuxScreen.shell) throws {
        self.sandbox = sandbox
        executable = try Self.locate()
        var environment = sandbox.environment
        for (name, value) in extra { environment[name] = value }
        // tmux gives the pane `TERM` from `default-terminal` (a `-e TERM=` loses to it); a pane
        // that outlives its program keeps its last screen and exit status readable.
        var arguments = ["start-server", ";", "set-option", "-g", "default-terminal", "xterm-256color", ";",
                         "set-option", "-g", "remain-on-exit", "on", ";",
                         "new-session", "-d", "-x", "\(width)", "-y", "\(height)"]
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(name)=\(value)"] }
        arguments += [command]
        let started = tmux(arguments)
        guard started.status == 0 else { throw Failure(description: "tmux did not start (status \(started.status)): \(started.stdout)") }
        // Should the test runner die before `kill()` (stopped on a timeout, say), the server ends
        // too instead of lingering with its shell and app (this loop ends with the server).
        tmux(["run-shell", "-b", "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; '\(executable)' -L \(socket) kill-server"])
        if command == Self.shell { try waitFor(Self.prompt) }
        else { try waitUntil("the program's first output") { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } }
    }

    deinit { kill() }

    /// Ends the server with everything running in it. Safe to call more than once.
    func kill() {
        guard !killed else { return }
        killed = true
        tmux(["kill-server"])
    }

    /// Runs a tmux command against this server. Not through Foundation's `Process`: the tmux
    /// server daemonises from the first client and inherits what `Process` watches to see its
    /// child end, so that wait never returns. `posix_spawn` and `waitpid` have no such catch.
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
        let words: [String] = [executable, "-L", socket, "-f", "/dev/null"] + arguments
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
        guard posix_spawn(&pid, executable, &actions, &attributes, argv, envp) == 0 else { return (-1, "") }
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(20)
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline {
                Glibc.kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                return (-1, "")
            }
            usleep(2000)
        }
        let text = String(decoding: FileManager.default.contents(atPath: output) ?? Data(), as: UTF8.self)
        return ((status & 0x7f) == 0 ? (status >> 8) & 0xff : -1, text)
    }

    // MARK: Keys

    /// Types text literally (`send-keys -l`: no key names).
    func type(_ text: String) { tmux(["send-keys", "-t", "0", "-l", text]) }

    /// Sends tmux key names: `Enter`, `Escape`, `C-z`, `Down`, `Tab`...
    func press(_ keys: String...) {
        for key in keys { tmux(["send-keys", "-t", "0", key]) }
    }

    /// Types a command line into the shell and runs it, printing its exit status afterwards
    /// (read it with `waitForExitStatus()`).
    func run(_ commandLine: String) {
        // `EXI""T` so that only the output, not the typed line, reads EXIT=.
        type(commandLine + "; echo EXI\"\"T=$?")
        press("Enter")
    }

    // MARK: The screen

    /// The visible screen as text (`escapes`: with the SGR sequences tmux draws it with).
    func contents(escapes: Bool = false) -> String {
        tmux(["capture-pane", "-p", "-t", "0"] + (escapes ? ["-e"] : [])).stdout
    }

    /// The same as `contents(escapes:)`.
    func screen(escapes: Bool = false) -> String { contents(escapes: escapes) }

    /// A tmux format of the pane, e.g. `#{alternate_on}`.
    func value(_ format: String) -> String {
        tmux(["display-message", "-p", "-t", "0", format]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The pane's title (what an OSC 0/2 sequence would change).
    var title: String { value("#{pane_title}") }

    /// Sets the pane's title, as a terminal emulator's own title would be.
    func setTitle(_ title: String) { tmux(["select-pane", "-t", "0", "-T", title]) }

    /// Whether the alternate screen (where curses draws) is on.
    var alternateScreen: Bool { value("#{alternate_on}") == "1" }

    func resize(_ width: Int, _ height: Int) {
        tmux(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Whether the last non-empty line of `text` is the shell's prompt and nothing else.
    static func promptIsLast(_ text: String) -> Bool {
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return lines.last == prompt
    }

    // MARK: Waiting

    /// Polls until every one of `texts` is on screen and none of `absent` is, on two captures
    /// in a row that are the same (so a frame half drawn does not count); returns that screen.
    /// The error shows the screen it last saw.
    @discardableResult
    func waitFor(_ texts: String..., absent: [String] = [], timeout: Double = 20,
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let what = texts.map { "\"\($0)\"" }.joined(separator: ", ") + " on screen"
            + (absent.isEmpty ? "" : " without " + absent.map { "\"\($0)\"" }.joined(separator: ", "))
        return try waitUntil(what, timeout: timeout, sourceLocation: sourceLocation) { screen in
            texts.allSatisfy { screen.contains($0) } && !absent.contains { screen.contains($0) }
        }
    }

    /// Polls until `condition` holds on two captures in a row that are the same.
    @discardableResult
    func waitUntil(_ what: String, timeout: Double = 20, sourceLocation: SourceLocation = #_sourceLocation,
                   _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = "", previous: String?
        while Date() < deadline {
            last = contents()
            if condition(last) {
                if previous == last { return last }
                previous = last
            } else {
                previous = nil
            }
            usleep(50_000)
        }
        throw Failure(description: "\(sourceLocation): timed out after \(Int(timeout)) s waiting for \(what); the screen was:\n\(last)")
    }

    /// Waits for the `EXIT=N` line that `run(_:)` prints and returns N.
    func waitForExitStatus(timeout: Double = 20, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let text = try waitUntil("the command's exit status", timeout: timeout, sourceLocation: sourceLocation) {
            Self.exitStatus(in: $0) != nil && Self.promptIsLast($0)
        }
        return try #require(Self.exitStatus(in: text), sourceLocation: sourceLocation)
    }

    static func exitStatus(in text: String) -> Int? {
        guard let line = text.split(separator: "\n").last(where: { $0.hasPrefix("EXIT=") }) else { return nil }
        return Int(line.dropFirst("EXIT=".count).trimmingCharacters(in: .whitespaces))
    }
}
