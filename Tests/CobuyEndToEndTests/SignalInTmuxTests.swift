import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// One SIGTERM, SIGINT or SIGHUP sent to the real binary's UI in tmux ends it at once, and a
/// crash signal does too; either way the terminal is given back whole: canonical mode and
/// echo (read with `stty -F` on the pane's terminal after the program is gone), the normal
/// screen, mouse reporting off. The program runs as the pane's only process (no shell that
/// could repair the terminal after it).
@Suite(.serialized, .timeLimit(.minutes(3))) struct SignalInTmuxTests {
    struct Ended {
        var seconds: Double
        /// The exit status as `sh` reports it: 128 + signal for a process a signal ended.
        var status: Int?
        var modes: String
        var alternateScreen: Bool
        var mouseReporting: String
    }

    /// Starts `cobuy demo` under a plain `sh` (which leaves the terminal's modes as the program
    /// left them, unlike an interactive shell), sends `signal` once it draws, and reads what it
    /// left behind: its exit status and `stty -a`, both written by that `sh` after it ends.
    func sendToUI(_ signal: Int32) throws -> Ended {
        let sandbox = try CobuySandbox()
        let out = "\(sandbox.folder)/.io"
        let command = "/bin/sh -c \"'\(sandbox.binary)' demo; echo \\$? > \(out)/status; stty -a > \(out)/modes; sleep 600\""
        let screen = try TmuxScreen(sandbox, environment: UIInTmuxTests.salem, command: command)
        defer { screen.kill() }
        try screen.waitFor("1 Dashboard")
        #expect(screen.alternateScreen, "the UI is on the alternate screen before the signal")
        let shell = try #require(Int32(screen.value("#{pane_pid}")))
        let pid = try #require(Self.child(of: shell), "the cobuy process under the pane's sh")
        let started = Date()
        kill(pid, signal)
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: "\(out)/modes"), Date() < deadline { usleep(20_000) }
        let seconds = Date().timeIntervalSince(started)
        usleep(100_000)
        func read(_ name: String) -> String { (try? String(contentsOfFile: "\(out)/\(name)", encoding: .utf8)) ?? "" }
        return Ended(seconds: seconds, status: Int(read("status").trimmingCharacters(in: .whitespacesAndNewlines)),
                     modes: read("modes"), alternateScreen: screen.alternateScreen,
                     mouseReporting: screen.value("#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}#{mouse_sgr_flag}"))
    }

    /// The first process whose parent is `parent` (from /proc).
    static func child(of parent: Int32) -> Int32? {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
                guard let pid = Int32(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                      let close = stat.lastIndex(of: ")") else { continue }
                let fields = stat[stat.index(after: close)...].split(separator: " ")
                if fields.count > 1, Int32(fields[1]) == parent { return pid }
            }
            usleep(50_000)
        }
        return nil
    }

    /// The flags `stty -a` prints, as words (`icanon`, `-echo`, ...).
    static func modes(_ text: String) -> Set<String> {
        Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
    }

    func expectRestored(_ ended: Ended, after name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let modes = Self.modes(ended.modes)
        #expect(modes.contains("icanon") && !modes.contains("-icanon"), "canonical mode after \(name): \(ended.modes)", sourceLocation: sourceLocation)
        #expect(modes.contains("echo") && !modes.contains("-echo"), "echo after \(name): \(ended.modes)", sourceLocation: sourceLocation)
        #expect(!ended.alternateScreen, "out of the alternate screen after \(name)", sourceLocation: sourceLocation)
        #expect(ended.mouseReporting.allSatisfy { $0 == "0" }, "mouse reporting off after \(name): \(ended.mouseReporting)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [SIGTERM, SIGINT, SIGHUP])
    func oneInterruptingSignalEndsTheUIAtOnceWithTheTerminalRestored(_ signal: Int32) throws {
        let ended = try sendToUI(signal)
        #expect(ended.seconds < 3, "one signal \(signal) ends the UI within the grace (took \(ended.seconds) s)")
        #expect(ended.status == Int(128 + signal), "exit status 128 + \(signal): \(String(describing: ended.status))")
        expectRestored(ended, after: "signal \(signal)")
    }

    @Test(arguments: [SIGILL, SIGABRT, SIGSEGV])
    func aCrashSignalRestoresTheTerminalToo(_ signal: Int32) throws {
        let ended = try sendToUI(signal)
        #expect(ended.seconds < 5, "a crash signal \(signal) ends the UI (took \(ended.seconds) s)")
        #expect(ended.status == Int(128 + signal), "the process died of signal \(signal): \(String(describing: ended.status))")
        expectRestored(ended, after: "crash signal \(signal)")
    }
}
