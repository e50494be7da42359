import Foundation
import Testing

/// The command line tells the truth about time, names and paths: the sample's clock for every
/// command on it, "did you mean" for a near miss, and export paths as officers type them.
@Suite struct CommandLineWordsTests {
    @Test func theSampleStoresClockAppliesToEveryCommandRunOnIt() throws {
        let sandbox = try CobuySandbox()
        let realClock: [String: String?] = ["COBUY_NOW": nil]
        let made = sandbox.run(["init", "--sample"], environment: realClock)
        #expect(made.status == 0)
        #expect(made.stdout.contains("Its clock is the sample's reference day, 2026-11-23T15:00:00Z"), "\(made.stdout)")
        #expect(sandbox.run(["config", "clock"], environment: realClock).stdout.contains("fixed at 2026-11-23T15:00:00Z"))

        let created = sandbox.run(["new", "solicitation", "--title", "Road salt"], as: .salem, environment: realClock)
        #expect(created.status == 0, "\(created)")
        let id = created.lastLine.split(separator: " ").first.map(String.init) ?? ""
        let shown = sandbox.run(["show", id, "--format", "json"], environment: realClock)
        #expect(shown.stdout.contains("\"at\" : \"2026-11-23T15:00:00Z\""), "the audit trail has the demo's day: \(shown.stdout)")

        // $COBUY_NOW still wins; unsetting the clock puts the store on the real one.
        #expect(sandbox.run(["config", "clock", "--unset"], environment: realClock).status == 0)
        #expect(sandbox.run(["config", "clock"], environment: realClock).stdout == "the real clock\n")
        let later = sandbox.run(["new", "solicitation", "--title", "Fuel cards"], as: .salem, environment: realClock)
        let laterID = later.lastLine.split(separator: " ").first.map(String.init) ?? ""
        #expect(!sandbox.run(["show", laterID, "--format", "json"], environment: realClock).stdout.contains("2026-11-23T15:00:00Z"))
        #expect(sandbox.run(["config", "clock", "yesterday"]).status == 64)
    }

    @Test func theDemoStoreRunsOnTheSamplesDayForTheUIAndEveryCommand() throws {
        let sandbox = try CobuySandbox()
        let realClock: [String: String?] = ["COBUY_NOW": nil]
        // Not on a terminal, `cobuy demo` prints its dashboard: the demo's day.
        let demo = sandbox.run(["demo"], environment: realClock)
        #expect(demo.status == 0, "\(demo)")
        #expect(demo.stdout.contains("today 2026-11-23"), "\(demo.stdout)")
        let store = "\(sandbox.folder)/data/cobuy/demo-store"
        let created = sandbox.run(["new", "solicitation", "--title", "Body-worn cameras", "--store", store], as: .salem,
                                  environment: realClock)
        #expect(created.status == 0, "\(created)")
        let id = created.lastLine.split(separator: " ").first.map(String.init) ?? ""
        #expect(sandbox.run(["show", id, "--store", store, "--format", "json"], environment: realClock).stdout
            .contains("\"at\" : \"2026-11-23T15:00:00Z\""))
    }

    @Test func aNearMissIsAnsweredWithWhatWasProbablyMeant() throws {
        let sandbox = try CobuySandbox()
        #expect(sandbox.run(["init", "--sample"]).status == 0)
        let party = sandbox.run(["show", "marion"])
        #expect(party.status == 1)
        #expect(party.stderr == "cobuy: There is no party marion in the store. Did you mean marion-county?\n", "\(party.stderr)")
        let slip = sandbox.run(["show", "SOL-2026-003"])
        #expect(slip.status == 1)
        #expect(slip.stderr.hasSuffix("Did you mean SOL-2026-0003?\n"), "\(slip.stderr)")
        let nothing = sandbox.run(["show", "zzzz-qqqq"])
        #expect(nothing.stderr == "cobuy: There is no party zzzz-qqqq in the store.\n", "\(nothing.stderr)")

        // A refusal that names an unknown party suggests the one that exists instead of
        // sending the officer off to create it.
        let invite = sandbox.run(["do", "SOL-2026-0006", "invite", "--party", "marion"], as: Acting(name: "Kai Lee", party: "city-of-portland"))
        #expect(invite.status == 1)
        #expect(invite.stderr.contains("There is no party marion in the store. Did you mean marion-county (Marion County)?"),
                "\(invite.stderr)")
        #expect(invite.stderr.contains("[guard: party-known]"))
        let work = sandbox.run(["list", "work", "--for", "marion"])
        #expect(work.status == 64)
        #expect(work.stderr.contains("There is no party marion in the store. Did you mean marion-county (Marion County)?"), "\(work.stderr)")
    }

    @Test func exportPathsTakeATildeAndCreateFoldersOnlyWhenAsked() throws {
        let sandbox = try CobuySandbox()
        #expect(sandbox.run(["init", "--sample"]).status == 0)
        let home = "\(sandbox.folder)/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let missing = sandbox.run(["export", "addendum", "PA-2026-0002", "-o", "~/Drafts/2026/portland.md"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "cobuy: The folder ~/Drafts/2026 does not exist; nothing was written. Add --create-folders to create it, or choose another -o PATH.\n",
                "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(home)/Drafts"))

        let made = sandbox.run(["export", "addendum", "PA-2026-0002", "-o", "~/Drafts/2026/portland.md", "--create-folders"])
        #expect(made.status == 0, "\(made)")
        #expect(made.stdout == "\(home)/Drafts/2026/portland.md\n")
        let text = try String(contentsOfFile: "\(home)/Drafts/2026/portland.md", encoding: .utf8)
        #expect(text.contains("PA-2026-0002"))
        // Nothing temporary is left beside it, and an existing file is still kept.
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(home)/Drafts/2026") == ["portland.md"])
        #expect(sandbox.run(["export", "addendum", "PA-2026-0002", "-o", "~/Drafts/2026/portland.md"]).status == 1)

        let ocds = sandbox.run(["export", "ocds", "-o", "~/Open data/cobuy.json", "--create-folders"])
        #expect(ocds.status == 0, "\(ocds)")
        #expect(FileManager.default.fileExists(atPath: "\(home)/Open data/cobuy.json"))
    }

    @Test func theExportFolderIsTheOfficersOwnSetting() throws {
        let sandbox = try CobuySandbox()
        let home = "\(sandbox.folder)/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        #expect(sandbox.run(["config", "export-folder"]).stdout == "~ (from the home folder)\n")
        #expect(sandbox.run(["config", "export-folder"], environment: ["XDG_DOCUMENTS_DIR": "\(home)/Docs"]).stdout
            == "~/Docs (from XDG_DOCUMENTS_DIR)\n")
        #expect(sandbox.run(["config", "export-folder", "~/Addenda"]).status == 0)
        #expect(sandbox.run(["config", "export-folder"]).stdout == "~/Addenda (from the config file)\n")
        #expect(sandbox.run(["config", "export-folder", "a", "--unset"]).status == 64)
        #expect(sandbox.run(["config", "export-folder", "--unset"]).status == 0)
        #expect(sandbox.run(["config", "export-folder"]).stdout == "~ (from the home folder)\n")
    }
}
