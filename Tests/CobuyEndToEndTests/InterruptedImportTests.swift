import Foundation
import Testing

/// An import stopped in the middle (Ctrl-C, kill, a closed session): the store keeps what it had, and no half-written
/// temporary is left behind in it.
@Suite struct InterruptedImportTests {
    @Test func anImportInterruptedMidWayLeavesNoTemporaryAndNoCatalog() throws {
        let sandbox = try GeneratorTests.sandbox()
        sandbox.must(["init"])
        let path = "\(sandbox.folder)/big.json"
        let generated = sandbox.execute(GeneratorTests.generator(sandbox), ["--contracts", "20000", "-o", path], environment: sandbox.environment)
        try #require(generated.status == 0, "\(generated)")
        let catalogFolder = "\(sandbox.store)/catalog"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: sandbox.binary)
        process.arguments = ["import", "ocds", path]
        process.environment = sandbox.environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the catalog's temporary is being written, then interrupt.
        var sawTemporary = false
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: catalogFolder)) ?? []
            if names.contains(where: { $0.contains(".tmp-") }) {
                sawTemporary = true
                break
            }
            usleep(2_000)
        }
        try #require(sawTemporary, "the import ended before its catalog file was being written; nothing to interrupt")
        // SIGTERM, as a shell's kill or a closing session sends (a test runner may start its
        // children with SIGINT ignored, and an ignored signal is left ignored).
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM)
        let left = (try? FileManager.default.contentsOfDirectory(atPath: catalogFolder)) ?? []
        #expect(left.isEmpty, "\(left)")
        // The store is as it was: no catalog, nothing to list, and it validates.
        let listed = sandbox.run(["list", "contracts", "--format", "json"])
        let rows = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [Any]
        #expect(listed.status == 0 && rows?.isEmpty == true, "\(listed)")
    }
}
