import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a Word document into PDF with LibreOffice headless (`soffice --headless --convert-to
/// pdf`), in a scratch folder with a profile of its own (so a LibreOffice the officer has open
/// does not swallow the request), and gives up after `timeout`: a stuck converter is killed
/// with everything it started.
public struct LibreOfficeConverter: Sendable {
    public enum Failure: Error, CustomStringConvertible, Sendable, Equatable {
        case missing(String)
        case timedOut(seconds: Int)
        case failed(String)

        public var description: String {
            switch self {
            case .missing(let what):
                return "A PDF needs LibreOffice, and \(what). Install it (bash .ci/setup, or apt-get install libreoffice-writer-nogui), "
                    + "or export --format docx and convert that."
            case .timedOut(let seconds):
                return "LibreOffice did not finish the PDF within \(seconds) seconds and was stopped; nothing was written. "
                    + "Try again, or set COBUY_PDF_TIMEOUT to allow longer."
            case .failed(let message):
                return "LibreOffice could not convert the draft to PDF: \(message). Nothing was written."
            }
        }
    }

    /// The converter to run: a path, or a name looked up on `PATH`.
    public var command: String
    public var timeout: Int
    /// `PATH`, for finding `command` when it is a bare name.
    public var searchPath: String

    public static let defaultTimeout = 120

    public init(command: String = "soffice", timeout: Int = LibreOfficeConverter.defaultTimeout, searchPath: String = "/usr/bin:/bin") {
        self.command = command
        self.timeout = timeout
        self.searchPath = searchPath
    }

    /// From the environment: `COBUY_SOFFICE` (the converter), `COBUY_PDF_TIMEOUT` (seconds, 1 to
    /// 3600), `PATH`.
    public init(environment: [String: String]) {
        let command = environment["COBUY_SOFFICE"].flatMap { $0.isEmpty ? nil : $0 } ?? "soffice"
        let timeout = environment["COBUY_PDF_TIMEOUT"].flatMap(Int.init).map { min(max($0, 1), 3600) } ?? LibreOfficeConverter.defaultTimeout
        self.init(command: command, timeout: timeout, searchPath: environment["PATH"] ?? "/usr/bin:/bin")
    }

    /// The executable to run, or nil when there is none.
    public func executable() -> String? {
        if command.contains("/") { return access(command, X_OK) == 0 ? command : nil }
        for folder in searchPath.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(command)"
            var info = stat()
            if stat(candidate, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    public func pdf(fromWord docx: Data) throws(Failure) -> Data {
        guard let executable = executable() else {
            throw .missing(command.contains("/") ? "\(command) is not an executable program" : "\(command) is not on PATH")
        }
        let folder = NSTemporaryDirectory() + "cobuy-pdf-" + UUID().uuidString
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try docx.write(to: URL(fileURLWithPath: "\(folder)/draft.docx"))
        } catch {
            throw .failed("the scratch folder \(folder) cannot be written (\(error.localizedDescription))")
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let arguments = [executable, "-env:UserInstallation=file://\(folder)/profile", "--headless", "--norestore",
                         "--convert-to", "pdf", "--outdir", folder, "\(folder)/draft.docx"]
        let status = try run(arguments, log: "\(folder)/soffice.log")
        let output = "\(folder)/draft.pdf"
        guard let data = FileManager.default.contents(atPath: output), data.starts(with: Data("%PDF".utf8)) else {
            let log = (try? String(contentsOfFile: "\(folder)/soffice.log", encoding: .utf8)) ?? ""
            let said = log.split(separator: "\n").last.map { " (it said: \($0.prefix(200)))" } ?? ""
            throw .failed("it ended with status \(status) and wrote no PDF\(said)")
        }
        return data
    }

    /// Runs the converter in a process group of its own, so that on timeout the whole group
    /// (soffice starts soffice.bin) is killed; returns the exit status.
    func run(_ arguments: [String], log: String) throws(Failure) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw .failed("it could not be started (\(String(cString: strerror(spawned))))") }
        let deadline = Date().addingTimeInterval(TimeInterval(timeout))
        var status: Int32 = 0
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done < 0, errno != EINTR { break }
            if Date() >= deadline {
                kill(-pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw .timedOut(seconds: timeout)
            }
            usleep(50_000)
        }
        // Whatever the converter left running in its group is of no further use.
        kill(-pid, SIGKILL)
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
