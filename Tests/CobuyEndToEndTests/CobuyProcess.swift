import Foundation
import Testing

/// Runs the real `cobuy` binary in a temporary store.
final class CobuySandbox: @unchecked Sendable {
    let folder: String
    var store: String { "\(folder)/store" }
    var now = "2026-01-05T09:00:00Z"

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        var lastLine: String { stdout.split(separator: "\n").last.map(String.init) ?? "" }
    }

    init() {
        folder = NSTemporaryDirectory() + "cobuy-e2e-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// The built binary: beside the test bundle in the build's products folder.
    static let binary: String = {
        var candidates: [URL] = []
        let argument0 = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
        candidates.append(argument0.deletingLastPathComponent())
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        candidates.append(Bundle.main.bundleURL)
        for folder in candidates {
            var url = folder
            for _ in 0..<4 {
                let candidate = url.appendingPathComponent("cobuy").path
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
                url = url.deletingLastPathComponent()
            }
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/cobuy").path
    }()

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    var environment: [String: String] {
        [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": folder, "XDG_CONFIG_HOME": "\(folder)/config", "XDG_DATA_HOME": "\(folder)/data",
            "XDG_STATE_HOME": "\(folder)/state", "COBUY_STORE": store, "COBUY_NOW": now,
            "SWIFT_BACKTRACE": "enable=no", "LANG": "C.UTF-8",
        ]
    }

    @discardableResult
    func run(_ arguments: [String], as officer: (String, String)? = nil) -> Output {
        var arguments = arguments
        if let officer { arguments += ["--as", officer.0, "--for", officer.1] }
        return Self.execute(Self.binary, arguments, environment: environment)
    }

    static func execute(_ executable: String, _ arguments: [String], environment: [String: String]) -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { return Output(status: -1, stdout: "", stderr: "\(error)") }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    func file(_ kind: String, _ id: String) -> String { "\(store)/\(kind)/\(id).json" }

    func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    func json(_ id: String) -> [String: Any]? {
        let output = run(["show", id, "--format", "json"])
        return try? JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
    }

    /// A store with three Oregon bodies, a Texas city and two vendors.
    func seed() {
        run(["init"])
        for (id, name, kind, region) in [("city-of-salem", "City of Salem", "city", "US-OR"), ("marion-county", "Marion County", "county", "US-OR"),
                                         ("city-of-bend", "City of Bend", "city", "US-OR"), ("city-of-austin", "City of Austin", "city", "US-TX"),
                                         ("acme-fleet", "Acme Fleet", "vendor", "US-WA"), ("northwind", "Northwind", "vendor", "US-OR")] {
            let output = run(["new", "party", "--id", id, "--name", name, "--kind", kind, "--region", region, "--population", "1000"])
            #expect(output.status == 0, "\(output.stderr)")
        }
    }

    static let salem = ("Ana Ruiz", "city-of-salem")
    static let marion = ("Søren Olsen", "marion-county")
    static let bend = ("Jo Park", "city-of-bend")
    static let austin = ("Lucía Romero", "city-of-austin")
    static let acme = ("Dana Whitfield", "acme-fleet")
}
