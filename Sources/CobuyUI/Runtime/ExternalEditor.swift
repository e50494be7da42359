import Foundation

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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(command) \"$1\"", "cobuy-editor", path]
        do {
            try process.run()
        } catch {
            throw Failure.failed(command: command, status: 127)
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure.failed(command: command, status: process.terminationStatus) }
        guard let data = FileManager.default.contents(atPath: path) else { throw Failure.unreadable("the file is gone") }
        guard let edited = String(data: data, encoding: .utf8) else { throw Failure.unreadable("not UTF-8") }
        return trimmed(edited)
    }

    /// Without the line breaks at the end (an editor's final newline); Windows line ends as plain ones.
    static func trimmed(_ text: String) -> String {
        var result = text.replacingOccurrences(of: "\r\n", with: "\n")
        while result.hasSuffix("\n") { result.removeLast() }
        return result
    }
}
