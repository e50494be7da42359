import Foundation
import Glibc

/// `$EDITOR` for long and multi-line text: the field's text goes into a temporary file, the
/// officer's editor runs on the terminal, and what was saved comes back.
enum ExternalEditor {
    enum Failure: Error, CustomStringConvertible {
        case noEditor
        case failed(command: String, status: Int32)
        case unreadable(String)

        var description: String {
            switch self {
            case .noEditor:
                return "No editor found: set $EDITOR (for example export EDITOR=nano) or install vi. The field is unchanged."
            case let .failed(command, status):
                return "The editor (\(command)) ended with status \(status); the field is unchanged."
            case .unreadable(let why):
                return "The edited text could not be read back (\(why)); the field is unchanged."
            }
        }
    }

    /// Editors tried, in order, when neither `$EDITOR` nor `$VISUAL` is set.
    static let fallbacks = ["vi", "nano"]

    /// `$EDITOR`, else `$VISUAL`, else the first fallback found on `$PATH`; nil when none is.
    static func command(environment: [String: String], isExecutable: (String) -> Bool) -> String? {
        for name in ["EDITOR", "VISUAL"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for editor in fallbacks {
            if let folder = folders.first(where: { isExecutable("\($0)/\(editor)") }) { return "\(folder)/\(editor)" }
        }
        return nil
    }

    /// Runs `command` on a temporary file holding `text` (readable by the officer only) and
    /// returns the saved text without the final line break editors add.
    static func edit(_ text: String, command: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cobuy-edit-\(UUID().uuidString).txt").path
        guard FileManager.default.createFile(atPath: path, contents: Data((text + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
            throw Failure.unreadable("no temporary file")
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Through the shell, so an $EDITOR with options ("code --wait", "vim -u NONE") works as in git.
        let status = try run(["/bin/sh", "-c", "\(command) \"$1\"", "cobuy-editor", path], command: command)
        guard status == 0 else { throw Failure.failed(command: command, status: status) }
        guard let data = FileManager.default.contents(atPath: path) else { throw Failure.unreadable("the file is gone") }
        guard let edited = String(data: data, encoding: .utf8) else { throw Failure.unreadable("not UTF-8") }
        return trimmed(edited)
    }

    /// Starts the editor in Cobuy's own process group — the terminal's foreground one, so it may
    /// read the keyboard (Foundation's `Process` starts a new group, and an editor there is
    /// stopped or refused input) — and waits for it. Returns its exit status.
    private static func run(_ arguments: [String], command: String) throws -> Int32 {
        var pid: pid_t = 0
        var pointers: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        let started = posix_spawn(&pid, arguments[0], nil, nil, &pointers, environ)
        guard started == 0 else { throw Failure.failed(command: command, status: 127) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw Failure.failed(command: command, status: 127) }
        }
        // WIFEXITED and WEXITSTATUS are macros Swift cannot import: a normal exit has no signal
        // bits; a signal counts as 128 + its number, as a shell says.
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Without the line breaks at the end (an editor's final newline); Windows line ends as plain ones.
    static func trimmed(_ text: String) -> String {
        var result = text.replacingOccurrences(of: "\r\n", with: "\n")
        while result.hasSuffix("\n") { result.removeLast() }
        return result
    }
}
