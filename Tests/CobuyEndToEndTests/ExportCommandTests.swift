import Foundation
import Testing

/// `cobuy export` and the store's ocid prefix, through the real binary.
@Suite struct ExportCommandTests {
    @Test func theOCIDPrefixIsAStoreSettingAndThePlaceholderIsNeverUsedSilently() throws {
        let sandbox = try CobuySandbox()
        #expect(sandbox.run(["init", "--sample"]).status == 0)
        let placeholder = sandbox.run(["export", "ocds"])
        #expect(placeholder.status == 0)
        #expect(placeholder.stderr.contains("warning: the ocids use the placeholder prefix ocds-cobuy0"), "\(placeholder.stderr)")
        #expect(placeholder.stdout.contains("\"ocid\" : \"ocds-cobuy0-SOL-2025-0001\""))

        #expect(sandbox.run(["config", "ocid-prefix", "ocds-abc123"]).status == 0)
        #expect(sandbox.run(["config", "ocid-prefix"]).stdout == "ocds-abc123\n")
        let marker = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(sandbox.store)/cobuy.json"))) as? [String: Any])
        #expect(marker["ocidPrefix"] as? String == "ocds-abc123")
        #expect(marker["format"] as? String == "cobuy-store")
        let set = sandbox.run(["export", "ocds"])
        #expect(set.status == 0)
        #expect(set.stderr.isEmpty, "\(set.stderr)")
        #expect(set.stdout.contains("\"ocid\" : \"ocds-abc123-SOL-2025-0001\""))
        // The flag still wins for one export; a malformed prefix is a usage error that names the rule.
        #expect(sandbox.run(["export", "ocds", "--ocid-prefix", "ocds-zzz999"]).stdout.contains("ocds-zzz999-SOL-2025-0001"))
        let bad = sandbox.run(["config", "ocid-prefix", "OCDS-ABC"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("ocds- followed by six lowercase letters or digits"))
        #expect(sandbox.run(["validate"]).status == 0)

        let fresh = try CobuySandbox()
        #expect(fresh.run(["init", "--ocid-prefix", "ocds-q1w2e3"]).status == 0)
        #expect(fresh.run(["config"]).stdout.contains("ocid-prefix    ocds-q1w2e3"))
        #expect(fresh.run(["init", "--ocid-prefix", "nope"]).status == 64)
    }

    @Test func anEmptyStoreIsRefusedWithAReasonAndNothingWritten() throws {
        let sandbox = try CobuySandbox()
        #expect(sandbox.run(["init", "--ocid-prefix", "ocds-abc123"]).status == 0)
        let path = "\(sandbox.folder)/empty.json"
        let output = sandbox.run(["export", "ocds", "-o", path])
        #expect(output.status == 1)
        #expect(output.stderr.contains("nothing to publish"), "\(output.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(sandbox.run(["export", "ocds"]).stdout.isEmpty)
    }

    @Test func exportPathsReplaceOnlyRegularFiles() throws {
        let sandbox = try CobuySandbox()
        #expect(sandbox.run(["init", "--sample", "--ocid-prefix", "ocds-abc123"]).status == 0)
        // A dangling link is something at the path: not replaced without --force, nor with it.
        let dangling = "\(sandbox.folder)/dangling.md"
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "\(sandbox.folder)/nowhere.md")
        for extra in [[], ["--force"]] {
            let output = sandbox.run(["export", "addendum", "PA-2026-0002", "-o", dangling] + extra)
            #expect(output.status == 1, "\(extra)")
            #expect(output.stderr.contains("symbolic link"), "\(output.stderr)")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dangling) == "\(sandbox.folder)/nowhere.md")
            #expect(!FileManager.default.fileExists(atPath: "\(sandbox.folder)/nowhere.md"))
        }
        // A FIFO and a device are never replaced, even with --force, and nothing blocks on them.
        let fifo = "\(sandbox.folder)/pipe.json"
        #expect(mkfifo(fifo, 0o644) == 0)
        for (command, path) in [(["export", "ocds"], fifo), (["export", "addendum", "PA-2026-0002"], "/dev/null")] {
            let output = sandbox.run(command + ["-o", path, "--force"])
            #expect(output.status == 1, "\(command) \(path)")
            #expect(output.stderr.contains("not a regular file"), "\(output.stderr)")
            #expect(output.elapsed < 30)
        }
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
        #expect(lstat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
        // A regular file is replaced only with --force.
        let regular = "\(sandbox.folder)/draft.txt"
        #expect(sandbox.run(["export", "addendum", "PA-2026-0002", "--format", "txt", "-o", regular]).status == 0)
        #expect(sandbox.run(["export", "addendum", "PA-2026-0002", "--format", "txt", "-o", regular]).status == 1)
        #expect(sandbox.run(["export", "addendum", "PA-2026-0002", "--format", "txt", "-o", regular, "--force"]).status == 0)
    }

    @Test func aPDFNeedsLibreOfficeAndSaysSoWhenItIsMissing() throws {
        let sandbox = try CobuySandbox()
        #expect(sandbox.run(["init", "--sample"]).status == 0)
        let path = "\(sandbox.folder)/draft.pdf"
        let missing = sandbox.run(["export", "addendum", "PA-2026-0002", "--format", "pdf", "-o", path],
                                  environment: ["COBUY_SOFFICE": "\(sandbox.folder)/no-such-soffice"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("A PDF needs LibreOffice"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(sandbox.run(["export", "addendum", "PA-2026-0002", "--format", "pdf", "-o", "-"]).status == 64)
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice") else { return }
        let made = sandbox.run(["export", "addendum", "PA-2026-0002", "--format", "pdf", "-o", path])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(FileManager.default.contents(atPath: path)?.starts(with: Data("%PDF".utf8)) == true)
    }
}
