import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The attacks of issue 14 (docs/ATTACKS.md), each against the real binary: every one ends
/// within seconds with a clear message and exit 0, 1 or 64; no crash, no hang, no lost output
/// reported as success, no record or special file changed.
@Suite(.timeLimit(.minutes(5))) struct AttackTests {
    /// A sandbox holding the bundled sample store (solicitations with criteria and proposals,
    /// contracts with renewal options, addenda).
    func sampleStore() throws -> CobuySandbox {
        let sandbox = try CobuySandbox()
        sandbox.must(["init", "--sample"])
        return sandbox
    }

    /// The attack ended as the bar asks: in time, not by a signal, no backtrace, status `status`.
    func expectClean(_ output: RunOutput, status: Int32, saying words: [String] = [], within seconds: Double = 20,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!output.crashed && !output.timedOut, "no crash, no hang: \(output)", sourceLocation: sourceLocation)
        #expect(output.status == status, "exit \(status): \(output)", sourceLocation: sourceLocation)
        #expect(output.elapsed < seconds, "within \(seconds) s: took \(output.elapsed) s", sourceLocation: sourceLocation)
        for word in words {
            #expect(output.stderr.contains(word) || output.stdout.contains(word), "the message says \"\(word)\": \(output)",
                    sourceLocation: sourceLocation)
        }
    }

    /// Rewrites one record file with `change` applied to its JSON.
    func edit(_ sandbox: CobuySandbox, _ folder: String, _ id: String, _ change: (inout [String: Any]) -> Void) throws {
        let path = sandbox.file(folder, id)
        let data = try #require(sandbox.bytes(path))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        change(&object)
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
    }

    func firstID(_ sandbox: CobuySandbox, _ folder: String, status: String? = nil) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: "\(sandbox.store)/\(folder)").filter { $0.hasSuffix(".json") }.sorted()
        for name in names {
            let id = String(name.dropLast(5))
            if let status, sandbox.json(id)?["status"] as? String != status { continue }
            return id
        }
        throw CobuyBinaryMissing(description: "no \(folder) record with status \(status ?? "any")")
    }

    // MARK: 1. Whole numbers

    @Test func hugeNumbersOnTheCommandLineAreRefusedNamingTheLimit() throws {
        let sandbox = try sampleStore()
        let before = sandbox.snapshot()
        let new = ["new", "contract", "--title", "T", "--lead", "city-of-salem", "--vendor", "acme-fleet", "--as", "A", "--for", "city-of-salem"]
        for renewals in ["1000000000000", "9223372036854775807", "10000000", "21"] {
            expectClean(sandbox.run(new + ["--renewals", renewals]), status: 64, saying: ["--renewals", "0 to 20"])
        }
        expectClean(sandbox.run(new + ["--renewal-months", "9223372036854775807"]), status: 64, saying: ["--renewal-months", "1 to 120"])
        expectClean(sandbox.run(new + ["--ceiling", "99999999999999999"]), status: 64, saying: ["--ceiling", "limit"])
        expectClean(sandbox.run(["list", "contracts", "--expiring", "9223372036854775807"]), status: 64, saying: ["--expiring", "36,525"])
        expectClean(sandbox.run(["list", "parties", "--limit", "9223372036854775807"]), status: 64, saying: ["--limit"])
        expectClean(sandbox.run(["new", "party", "--id", "big", "--name", "Big", "--kind", "city", "--region", "US-OR",
                                 "--population", "9223372036854775807", "--as", "A", "--for", "city-of-salem"]), status: 64,
                    saying: ["--population", "10,000,000,000"])
        let draft = try firstID(sandbox, "solicitations", status: "draft")
        expectClean(sandbox.run(["do", draft, "add-line", "--text", "Salt", "--quantity", "9223372036854775807", "--unit", "t"],
                                as: .salem), status: 64, saying: ["--quantity", "1,000,000,000"])
        #expect(sandbox.snapshot().filter { $0.key != ".lock" } == before.filter { $0.key != ".lock" }, "nothing was written")
    }

    @Test func hugeNumbersInARecordFileAreReportedNotComputedWith() throws {
        let sandbox = try sampleStore()
        let evaluating = try firstID(sandbox, "solicitations", status: "evaluating")
        try edit(sandbox, "solicitations", evaluating) { object in
            var criteria = object["criteria"] as? [[String: Any]] ?? []
            criteria[0]["weight"] = Int.max
            object["criteria"] = criteria
            var proposals = object["proposals"] as? [[String: Any]] ?? []
            if !proposals.isEmpty { proposals[0]["scores"] = [criteria[0]["name"] as? String ?? "Price": Int.max] }
            object["proposals"] = proposals
        }
        let contract = try firstID(sandbox, "contracts", status: "active")
        try edit(sandbox, "contracts", contract) { object in
            object["renewalOptions"] = [["exercised": false, "months": Int.max]]
        }
        let before = sandbox.snapshot()
        expectClean(sandbox.run(["show", evaluating]), status: 1, saying: ["criteria[0].weight", "0 to 100"])
        expectClean(sandbox.run(["actions", evaluating], as: .salem), status: 1, saying: ["criteria[0].weight"])
        expectClean(sandbox.run(["do", evaluating, "award", "--proposal", "x"], as: .salem), status: 1, saying: ["criteria[0].weight"])
        expectClean(sandbox.run(["show", contract]), status: 1, saying: ["renewalOptions[0].months", "1 to 120"])
        expectClean(sandbox.run(["do", contract, "renew"], as: .salem), status: 1, saying: ["renewalOptions[0].months"])
        let validate = sandbox.run(["validate"])
        expectClean(validate, status: 1, saying: ["criteria[0].weight", "renewalOptions[0].months"])
        #expect(!validate.stdout.contains("all valid"))
        expectClean(sandbox.run(["list", "solicitations"]), status: 0, saying: ["skipped", evaluating])
        #expect(sandbox.snapshot().filter { $0.key != ".lock" } == before.filter { $0.key != ".lock" }, "the bad files are reported, never rewritten")
    }

    // MARK: 2–4. Special, oversized and unreadable files

    @Test func aFIFONamedLikeARecordIsSkippedWithoutBlocking() throws {
        let sandbox = try sampleStore()
        let fifo = "\(sandbox.store)/addenda/PA-2099-0001.json"
        try #require(mkfifo(fifo, 0o644) == 0)
        try #require(mkfifo("\(sandbox.store)/catalog/fifo.json", 0o644) == 0)
        for arguments in [["list", "addenda"], ["validate"], ["show", "PA-2099-0001"], ["actions", "PA-2099-0001"],
                          ["export", "ocds"], ["list", "contracts"]] {
            let output = sandbox.run(arguments, environment: ["COBUY_ACTOR": "A", "COBUY_PARTY": "city-of-salem"])
            #expect(!output.crashed && !output.timedOut && output.elapsed < 20, "no hang: \(output)")
            #expect(output.status == 1 || (arguments == ["list", "contracts"] && output.status == 0), "\(output)")
            #expect(output.stderr.contains("FIFO") || output.stdout.contains("FIFO") || output.stderr.contains("not a regular file"), "\(output)")
        }
        let done = sandbox.run(["do", "PA-2099-0001", "submit"], as: .salem)
        expectClean(done, status: 1, saying: ["FIFO"])
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO is still a FIFO")
    }

    @Test func aFIFOAsTheConfigFileDoesNotHang() throws {
        let sandbox = try sampleStore()
        try FileManager.default.createDirectory(atPath: "\(sandbox.folder)/config/cobuy", withIntermediateDirectories: true)
        try #require(mkfifo("\(sandbox.folder)/config/cobuy/config.json", 0o644) == 0)
        expectClean(sandbox.run(["list", "parties"]), status: 0)
        expectClean(sandbox.run(["actions", try firstID(sandbox, "solicitations")]), status: 0)
    }

    @Test func aLinkToDevZeroIsNeverRead() throws {
        let sandbox = try sampleStore()
        try #require(symlink("/dev/zero", "\(sandbox.store)/parties/zero.json") == 0)
        let list = sandbox.run(["list", "parties"])
        expectClean(list, status: 1, saying: ["zero.json", "character device"], within: 10)
        expectClean(sandbox.run(["show", "zero"]), status: 1, saying: ["character device"], within: 10)
        expectClean(sandbox.run(["validate"]), status: 1, saying: ["zero.json"], within: 10)
        expectClean(sandbox.run(["import", "ocds", "/dev/zero"]), status: 1, saying: ["character device"], within: 10)
        expectClean(sandbox.run(["import", "csv", "/dev/zero"]), status: 1, saying: ["character device"], within: 10)
        try #require(mkfifo("\(sandbox.folder)/feed.json", 0o644) == 0)
        expectClean(sandbox.run(["import", "ocds", "\(sandbox.folder)/feed.json"]), status: 1, saying: ["FIFO"], within: 10)
    }

    @Test func anOversizedRecordIsSkippedBeforeItIsRead() throws {
        let sandbox = try sampleStore()
        let path = "\(sandbox.store)/parties/huge.json"
        try #require(FileManager.default.createFile(atPath: path, contents: nil))
        try #require(truncate(path, 9 << 20) == 0)
        expectClean(sandbox.run(["list", "parties"]), status: 1, saying: ["huge.json", "limit of 8 MB"])
        expectClean(sandbox.run(["validate"]), status: 1, saying: ["huge.json", "limit of 8 MB"])
    }

    @Test func aCSVOverTheLimitIsRefusedBeforeReading() throws {
        let sandbox = try sampleStore()
        let path = "\(sandbox.folder)/huge.csv"
        try #require(FileManager.default.createFile(atPath: path, contents: nil))
        try #require(truncate(path, 300 << 20) == 0)
        expectClean(sandbox.run(["import", "csv", path]), status: 1, saying: ["limit of 256 MB"], within: 5)
    }

    /// Runs `cobuy ARGUMENTS` as user `nobody` (a permission means nothing to root).
    func runAsNobody(_ sandbox: CobuySandbox, _ arguments: [String]) -> RunOutput {
        guard getuid() == 0 else { return sandbox.run(arguments) }
        return sandbox.execute("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", sandbox.binary] + arguments,
                               environment: sandbox.environment)
    }

    @Test func anUnreadableFolderFailsListAndValidate() throws {
        let sandbox = try sampleStore()
        if getuid() == 0 {
            try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "setpriv runs the binary as nobody")
            
            // nobody must reach the store, its output files and the binary.
            _ = chmod(sandbox.folder, 0o777)
            _ = chmod("\(sandbox.folder)/.io", 0o777)
            let enumerator = FileManager.default.enumerator(atPath: sandbox.store)
            while let relative = enumerator?.nextObject() as? String { _ = chmod("\(sandbox.store)/\(relative)", 0o777) }
            _ = chmod(sandbox.store, 0o777)
        }
        let addendum = try firstID(sandbox, "addenda")
        try #require(chmod("\(sandbox.store)/addenda", 0) == 0)
        defer { _ = chmod("\(sandbox.store)/addenda", 0o755) }
        let list = runAsNobody(sandbox, ["list", "addenda"])
        expectClean(list, status: 1, saying: ["addenda", "Permission denied"])
        #expect(!list.stdout.contains("No addenda match"), "no false all-clear: \(list)")
        let validate = runAsNobody(sandbox, ["validate"])
        expectClean(validate, status: 1, saying: ["Permission denied"])
        #expect(!validate.stdout.contains("all valid"), "\(validate)")
        let show = runAsNobody(sandbox, ["show", addendum])
        expectClean(show, status: 1, saying: ["cannot read the folder"])
    }

    // MARK: 5. Output that cannot be written

    func runToDevFull(_ sandbox: CobuySandbox, _ arguments: [String]) throws -> RunOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: sandbox.binary)
        process.arguments = arguments
        process.environment = sandbox.environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let errPath = "\(sandbox.folder)/.io/\(UUID().uuidString).err"
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        process.standardError = try #require(FileHandle(forWritingAtPath: errPath))
        let started = Date()
        try process.run()
        process.waitUntilExit()
        let stderr = String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
        return RunOutput(arguments: arguments, status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                         timedOut: false, stdout: "", stderr: stderr, elapsed: Date().timeIntervalSince(started))
    }

    @Test func outputToAFullDeviceFailsWithAMessage() throws {
        let sandbox = try sampleStore()
        let solicitation = try firstID(sandbox, "solicitations")
        for arguments in [["export", "ocds"], ["list", "parties"], ["list", "contracts"], ["list", "parties", "--format", "csv"],
                          ["list", "parties", "--format", "json"], ["show", solicitation], ["show", solicitation, "--format", "json"],
                          ["validate"], ["actions", solicitation, "--format", "json"]] {
            expectClean(try runToDevFull(sandbox, arguments), status: 1, saying: ["could not be written"])
        }
    }

    // MARK: 6. Never rename over a special file

    @Test func anExportNeverReplacesAFIFOOrAFolder() throws {
        let sandbox = try sampleStore()
        let addendum = try firstID(sandbox, "addenda")
        let fifo = "\(sandbox.folder)/out.md"
        try #require(mkfifo(fifo, 0o644) == 0)
        expectClean(sandbox.run(["export", "addendum", addendum, "-o", fifo, "--force"]), status: 1, saying: ["FIFO"])
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO is untouched")
        try FileManager.default.createDirectory(atPath: "\(sandbox.folder)/folder.md", withIntermediateDirectories: true)
        let folder = sandbox.run(["export", "addendum", addendum, "-o", "\(sandbox.folder)/folder.md", "--force"])
        #expect(folder.status == 1 && !folder.crashed, "\(folder)")
    }

    // MARK: 9–11. CSV in and out, money

    @Test func csvCellsThatASpreadsheetWouldRunAreQuoted() throws {
        let sandbox = try sampleStore()
        for (id, name) in [("eq", "=HYPERLINK(\"http://x\",\"y\")"), ("plus", "+1+1"), ("minus", "-2+3"), ("at", "@SUM(A1)"), ("tab", "\t=1")] {
            sandbox.must(["new", "party", "--id", id, "--name=\(name)", "--kind", "city", "--region", "US-OR", "--as", "A", "--for", "eq"])
        }
        let csv = sandbox.must(["list", "parties", "--format", "csv"]).stdout
        for quoted in ["'=HYPERLINK", "'+1+1", "'-2+3", "'@SUM(A1)", "tab,'=1"] {
            #expect(csv.contains(quoted), "\(quoted) in:\n\(csv)")
        }
        for line in csv.split(separator: "\n") {
            for cell in line.split(separator: ",") {
                let text = cell.hasPrefix("\"") ? cell.dropFirst() : cell[...]
                #expect(!(text.first.map { "=+-@".contains($0) } ?? false), "no cell begins a formula: \(line)")
            }
        }
    }

    @Test func ambiguousMoneyIsRefusedOnTheCommandLineAndInCSV() throws {
        let sandbox = try sampleStore()
        let new = ["new", "contract", "--title", "T", "--lead", "city-of-salem", "--vendor", "acme-fleet", "--as", "A", "--for", "city-of-salem"]
        for text in ["12,50", "$1,2,3", "1.250,00", "1,25"] {
            expectClean(sandbox.run(new + ["--ceiling", text]), status: 64, saying: ["ambiguous"])
        }
        for text in ["1,250.00", "1250", "1250.5"] {
            expectClean(sandbox.run(new + ["--ceiling", text]), status: 0)
        }
        let csv = "\(sandbox.folder)/list.csv"
        try """
        title,lead,vendor,start,end,value
        Comma decimal,City A,Vendor B,2026-01-01,2027-01-01,"12,50"
        Odd groups,City A,Vendor B,2026-01-01,2027-01-01,"$1,2,3"
        Grouped,City A,Vendor B,2026-01-01,2027-01-01,"1,250.00"
        """.write(toFile: csv, atomically: true, encoding: .utf8)
        let imported = sandbox.run(["import", "csv", csv])
        expectClean(imported, status: 0, saying: ["1 contract imported", "line 2", "line 3", "ambiguous"])
    }

    // MARK: 13. A newer store

    @Test func aStoreOfANewerFormatIsNeitherReadNorWritten() throws {
        let sandbox = try sampleStore()
        try #"{"format":"cobuy-store","version":99}"#.write(toFile: "\(sandbox.store)/cobuy.json", atomically: true, encoding: .utf8)
        let before = sandbox.snapshot()
        let solicitation = try firstID(sandbox, "solicitations")
        for arguments in [["list", "parties"], ["list", "contracts"], ["show", solicitation], ["actions", solicitation], ["validate"],
                          ["do", solicitation, "cancel", "--reason", "r"], ["export", "ocds"], ["init"], ["open"],
                          ["new", "party", "--id", "p", "--name", "P", "--kind", "city", "--region", "US-OR"]] {
            expectClean(sandbox.run(arguments, environment: ["COBUY_ACTOR": "Ana Ruiz", "COBUY_PARTY": "city-of-salem"]),
                        status: 1, saying: ["format version 99", "newer"])
        }
        #expect(sandbox.snapshot() == before, "nothing in the newer store changed")
    }

    // MARK: 14. Temporaries

    @Test func temporariesAreIgnoredByGitAndReportedByValidate() throws {
        let sandbox = try sampleStore()
        let ignore = try String(contentsOfFile: "\(sandbox.store)/.gitignore", encoding: .utf8)
        #expect(ignore.contains(".*.tmp-*"), "init writes the rule: \(ignore)")
        let temporary = "\(sandbox.store)/catalog/.big.json.tmp-123-456"
        try Data("partial".utf8).write(to: URL(fileURLWithPath: temporary))
        let validate = sandbox.run(["validate"])
        expectClean(validate, status: 0, saying: [".big.json.tmp-123-456", "temporary"])
        let git = sandbox.execute("/usr/bin/git", ["-C", sandbox.store, "init", "-q"], environment: sandbox.environment)
        if git.status == 0 {
            let checked = sandbox.execute("/usr/bin/git", ["-C", sandbox.store, "check-ignore", "-q", "catalog/.big.json.tmp-123-456"],
                                          environment: sandbox.environment)
            #expect(checked.status == 0, "git ignores the temporary: \(checked)")
        }
        // A store made before the rule gets it with its next write, keeping the officer's lines.
        try "# ours\n.index/\n".write(toFile: "\(sandbox.store)/.gitignore", atomically: true, encoding: .utf8)
        expectClean(sandbox.run(["validate"]), status: 0, saying: [".gitignore lacks"])
        sandbox.must(["new", "party", "--id", "later", "--name", "Later", "--kind", "city", "--region", "US-OR", "--as", "A", "--for", "later"])
        let after = try String(contentsOfFile: "\(sandbox.store)/.gitignore", encoding: .utf8)
        #expect(after.hasPrefix("# ours\n.index/\n") && after.contains(".*.tmp-*") && after.contains(".lock"), "\(after)")
    }
}
