import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `cobuy` binary under test could not be found.
struct CobuyBinaryMissing: Error, CustomStringConvertible {
    var description: String
}

/// Finds the `cobuy` executable built alongside this test bundle, whatever `--scratch-path` was used.
enum CobuyBinary {
    static let located: Result<String, CobuyBinaryMissing> = locate()

    static func path() throws -> String { try located.get() }

    /// The products folders this test bundle may live in, most specific first.
    static func productFolders() -> [URL] {
        var folders: [URL] = []
        func addBundle(_ url: URL) {
            // `…/debug/CobuyPackageTests.xctest` (a file on Linux, a bundle folder on macOS).
            var url = url.standardizedFileURL
            while url.path != "/", url.pathExtension != "xctest" { url.deleteLastPathComponent() }
            if url.pathExtension == "xctest" { folders.append(url.deletingLastPathComponent()) }
        }
        for bundle in Bundle.allBundles { addBundle(bundle.bundleURL) }
        for argument in CommandLine.arguments where argument.contains(".xctest") {
            addBundle(URL(fileURLWithPath: argument).resolvingSymlinksInPath())
        }
        if let executable = Bundle.main.executableURL { addBundle(executable.resolvingSymlinksInPath()) }
        if let first = CommandLine.arguments.first {
            folders.append(URL(fileURLWithPath: first).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        folders.append(Bundle.main.bundleURL)
        return folders
    }

    static func locate() -> Result<String, CobuyBinaryMissing> {
        let manager = FileManager.default
        if let override = ProcessInfo.processInfo.environment["COBUY_TEST_BINARY"], !override.isEmpty {
            return manager.isExecutableFile(atPath: override)
                ? .success(override) : .failure(CobuyBinaryMissing(description: "COBUY_TEST_BINARY=\(override) is not an executable"))
        }
        let folders = productFolders()
        for folder in folders {
            let candidate = folder.appendingPathComponent("cobuy").path
            if manager.isExecutableFile(atPath: candidate) { return .success(candidate) }
        }
        return .failure(CobuyBinaryMissing(description: """
            The cobuy executable is not beside the test bundle (looked in: \(folders.map(\.path).joined(separator: ", "))). \
            Build it in the same scratch folder first: swift build --scratch-path DIR, then swift test --scratch-path DIR.
            """))
    }
}

/// A person acting for a party: `--as NAME --for PARTY`.
struct Acting: Sendable, Hashable, CustomStringConvertible {
    var name: String
    var party: String
    var description: String { "\(name) for \(party)" }

    static let salem = Acting(name: "Ana Ruiz", party: "city-of-salem")
    static let marion = Acting(name: "Søren Olsen", party: "marion-county")
    static let bend = Acting(name: "Jo Park", party: "city-of-bend")
    static let austin = Acting(name: "Lucía Romero", party: "city-of-austin")
    static let acme = Acting(name: "Dana Whitfield", party: "acme-fleet")
}

/// What a run of the binary did.
struct RunOutput: Sendable, CustomStringConvertible {
    var arguments: [String]
    /// The exit status, or the signal number when `signalled`.
    var status: Int32
    var signalled: Bool
    var timedOut: Bool
    var stdout: String
    var stderr: String
    var elapsed: Double

    var lastLine: String { stdout.split(separator: "\n").last.map(String.init) ?? "" }
    var stderrLines: [Substring] { stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty } }

    var description: String {
        "cobuy \(arguments.joined(separator: " ")) → \(signalled ? "signal " : "exit ")\(status)\(timedOut ? " (timed out)" : "")"
            + (stdout.isEmpty ? "" : "\nstdout: \(stdout.prefix(2000))") + (stderr.isEmpty ? "" : "\nstderr: \(stderr.prefix(2000))")
    }

    /// A crash: killed by a signal, or Swift's fatal-error or backtrace text on stderr.
    var crashed: Bool {
        signalled || ["Stack trace", "Fatal error", "💣", "Backtrace", "Program crashed"].contains { stderr.contains($0) }
    }
}

/// A temporary folder with a store, config and data folders, and the real binary to run in it.
final class CobuySandbox: @unchecked Sendable {
    let folder: String
    let binary: String
    var store: String { "\(folder)/store" }
    /// `COBUY_NOW` for the next runs; change it only between runs.
    var now = "2026-01-05T09:00:00Z"

    init() throws {
        binary = try CobuyBinary.path()
        folder = NSTemporaryDirectory() + "cobuy-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: "\(folder)/.io", withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// The offline OCDS validator: `$COBUY_OCDS_VALIDATOR`, else `../shared/tools/ocds-validate`
    /// beside the repository (where CI has it). Nil on a machine without it: the tests that
    /// need it are then skipped, saying why, instead of failing a new clone elsewhere.
    static var ocdsValidator: String? {
        let candidates: [String?] = [ProcessInfo.processInfo.environment["COBUY_OCDS_VALIDATOR"],
                          repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/tools/ocds-validate").path]
        return candidates.compactMap { $0 }.first { FileManager.default.fileExists(atPath: $0) }
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    var environment: [String: String] {
        [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": "\(folder)/home", "XDG_CONFIG_HOME": "\(folder)/config", "XDG_DATA_HOME": "\(folder)/data",
            "XDG_STATE_HOME": "\(folder)/state", "XDG_CACHE_HOME": "\(folder)/cache",
            "COBUY_STORE": store, "COBUY_NOW": now, "SWIFT_BACKTRACE": "enable=no", "LANG": "C.UTF-8",
        ]
    }

    /// Runs `cobuy ARGUMENTS [--as NAME --for PARTY]` and waits for it.
    @discardableResult
    func run(_ arguments: [String], as acting: Acting? = nil, environment extra: [String: String?] = [:]) -> RunOutput {
        var arguments = arguments
        if let acting { arguments += ["--as", acting.name, "--for", acting.party] }
        var environment = self.environment
        for (name, value) in extra { environment[name] = value }
        return execute(binary, arguments, environment: environment)
    }

    /// Runs any executable with output captured in files (no pipe can fill up and stall it).
    func execute(_ executable: String, _ arguments: [String], environment: [String: String], timeout: Double = 120) -> RunOutput {
        let token = UUID().uuidString
        let outPath = "\(folder)/.io/\(token).out", errPath = "\(folder)/.io/\(token).err"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        guard let out = FileHandle(forWritingAtPath: outPath), let err = FileHandle(forWritingAtPath: errPath) else {
            return RunOutput(arguments: arguments, status: -1, signalled: false, timedOut: false, stdout: "", stderr: "cannot capture output", elapsed: 0)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        let started = Date()
        do { try process.run() } catch {
            return RunOutput(arguments: arguments, status: -1, signalled: false, timedOut: false, stdout: "", stderr: "\(error)", elapsed: 0)
        }
        var timedOut = false
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            exited.wait()
        }
        process.waitUntilExit()
        try? out.close()
        try? err.close()
        let stdout = FileManager.default.contents(atPath: outPath) ?? Data()
        let stderr = FileManager.default.contents(atPath: errPath) ?? Data()
        return RunOutput(arguments: arguments, status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                         timedOut: timedOut, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self),
                         elapsed: Date().timeIntervalSince(started))
    }

    /// Runs a command that must succeed.
    @discardableResult
    func must(_ arguments: [String], as acting: Acting? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> RunOutput {
        let output = run(arguments, as: acting)
        #expect(output.status == 0 && !output.signalled, "\(output)", sourceLocation: sourceLocation)
        return output
    }

    func file(_ folderName: String, _ id: String) -> String { "\(store)/\(folderName)/\(id).json" }

    func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// Every file in the store with its bytes.
    func snapshot() -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: store)
        while let relative = enumerator?.nextObject() as? String {
            // The catalog index is derived data, rebuilt at will; the records are what count.
            if relative.hasPrefix(".index/") { continue }
            var isFolder: ObjCBool = false
            let full = "\(store)/\(relative)"
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                files[relative] = FileManager.default.contents(atPath: full)
            }
        }
        return files
    }

    /// `cobuy show ID --format json`, decoded.
    func json(_ id: String) -> [String: Any]? {
        let output = run(["show", id, "--format", "json"])
        return try? JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
    }

    /// A JSON array printed by a command such as `list ... --format json`.
    func jsonRows(_ arguments: [String]) throws -> [[String: Any]] {
        let output = run(arguments)
        try #require(output.status == 0, "\(output)")
        return try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]], "\(output)")
    }

    /// A new store with three Oregon bodies, a Texas city, a school district and two vendors.
    func seed() {
        must(["init"])
        for (id, name, kind, region) in [
            ("city-of-salem", "City of Salem", "city", "US-OR"), ("marion-county", "Marion County", "county", "US-OR"),
            ("city-of-bend", "City of Bend", "city", "US-OR"), ("city-of-austin", "City of Austin", "city", "US-TX"),
            ("salem-keizer-sd", "Salem-Keizer School District", "school-district", "US-OR"),
            ("acme-fleet", "Acme Fleet", "vendor", "US-WA"), ("northwind", "Northwind Motors", "vendor", "US-OR"),
        ] {
            let output = must(["new", "party", "--id", id, "--name", name, "--kind", kind, "--region", region, "--population", "1000"])
            #expect(output.lastLine == id)
        }
    }
}

extension RunOutput {
    /// Refused properly: exit 1 and exactly one line on stderr, no crash.
    func expectRefusal(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!crashed, "\(self)", sourceLocation: sourceLocation)
        #expect(status == 1, "\(self)", sourceLocation: sourceLocation)
        #expect(stderrLines.count == 1, "\(self)", sourceLocation: sourceLocation)
    }
}
