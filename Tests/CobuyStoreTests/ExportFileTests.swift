import Foundation
import Testing
import CobuyCore
@testable import CobuyStore

/// Exports go through one writer: relative to the current folder, never over an existing file
/// unless asked, and only into a folder that exists.
@Suite struct ExportFileTests {
    @Test func writesARelativePathFromTheCurrentFolderAndKeepsAnExistingFile() throws {
        let scratch = try TemporaryStore()
        let written = try ExportFile.write(Data("one".utf8), to: "draft.md", replacing: false, from: scratch.folder)
        #expect(written == "\(scratch.folder)/draft.md")
        #expect(FileManager.default.contents(atPath: written) == Data("one".utf8))

        #expect(throws: ExportFile.Refusal.exists(path: "draft.md")) {
            try ExportFile.write(Data("two".utf8), to: "draft.md", replacing: false, from: scratch.folder)
        }
        #expect(FileManager.default.contents(atPath: written) == Data("one".utf8), "nothing was written")

        try ExportFile.write(Data("three".utf8), to: written, replacing: true)
        #expect(FileManager.default.contents(atPath: written) == Data("three".utf8))
    }

    @Test func aMissingFolderIsNamedAndNothingIsCreated() throws {
        let scratch = try TemporaryStore()
        #expect(throws: ExportFile.Refusal.noFolder("drafts/2026")) {
            try ExportFile.write(Data("x".utf8), to: "drafts/2026/a.md", replacing: false, from: scratch.folder)
        }
        #expect(!FileManager.default.fileExists(atPath: "\(scratch.folder)/drafts"))
        #expect(ExportFile.Refusal.noFolder("drafts").description == "The folder drafts does not exist; nothing was written.")
    }
}

extension ExportFileTests {
    @Test func aLinkOrAFolderIsNeverReplacedEvenWhenAsked() throws {
        let scratch = try TemporaryStore()
        try FileManager.default.createSymbolicLink(atPath: "\(scratch.folder)/link.md", withDestinationPath: "\(scratch.folder)/nowhere.md")
        #expect(throws: ExportFile.Refusal.symbolicLink(path: "link.md")) {
            try ExportFile.write(Data("x".utf8), to: "link.md", replacing: true, from: scratch.folder)
        }
        #expect(!FileManager.default.fileExists(atPath: "\(scratch.folder)/nowhere.md"), "the dangling link was not followed")
        try FileManager.default.createDirectory(atPath: "\(scratch.folder)/drafts", withIntermediateDirectories: false)
        #expect(throws: ExportFile.Refusal.notAFile(path: "drafts", what: "a folder")) {
            try ExportFile.check("drafts", replacing: true, from: scratch.folder)
        }
    }
}

@Suite struct FileNamesTests {
    @Test func catalogNamesReplaceEachUnsafeCharacterOneForOne() {
        #expect(FileNames.replacingEachUnsafe("releases.json") == "releases-json")
        #expect(FileNames.replacingEachUnsafe("Contratos 2024 (v2).csv") == "Contratos-2024--v2--csv")
        #expect(FileNames.replacingEachUnsafe("café_list") == "caf-_list")
        #expect(CatalogFile.fileName(forSource: "/data/feeds/releases.json").hasPrefix("releases-json-"))
    }

    @Test func safeNamesCollapseRunsAndNeverClimbOutOfAFolder() {
        #expect(FileNames.safe("PA-2026-0001 city of salem") == "PA-2026-0001-city-of-salem")
        #expect(FileNames.safe("../../etc/passwd") == "etc-passwd")
        #expect(FileNames.safe("report..v2.md") == "report.v2.md")
        #expect(FileNames.safe("") == "document")
    }
}

/// Export paths as officers type them, and the folder exports go to by default.
@Suite struct ExportPathTests {
    @Test func aTildeIsTheHomeFolderAndARelativePathTheCurrentOne() {
        #expect(ExportFile.expand("~", home: "/home/ana", currentFolder: "/tmp") == "/home/ana")
        #expect(ExportFile.expand("~/Documents/a.md", home: "/home/ana", currentFolder: "/tmp") == "/home/ana/Documents/a.md")
        #expect(ExportFile.expand("drafts/a.md", home: "/home/ana", currentFolder: "/work") == "/work/drafts/a.md")
        #expect(ExportFile.expand("/srv/a.md", home: "/home/ana", currentFolder: "/work") == "/srv/a.md")
        #expect(ExportFile.expand("~root/a.md", home: "/home/ana", currentFolder: "/w") == "/root/a.md")
        #expect(ExportFile.expand("~no-such-user-here/a.md", home: "/home/ana", currentFolder: "/w") == "/w/~no-such-user-here/a.md")
        #expect(ExportFolder.abbreviated("/home/ana/Documents/a.md", home: "/home/ana") == "~/Documents/a.md")
        #expect(ExportFolder.abbreviated("/home/anab/a.md", home: "/home/ana") == "/home/anab/a.md")
    }

    @Test func missingFoldersAreCreatedOnlyWhenAsked() throws {
        let scratch = try TemporaryStore()
        let written = try ExportFile.write(Data("x".utf8), to: "drafts/2026/a.md", replacing: false, creatingFolders: true,
                                           from: scratch.folder)
        #expect(written == "\(scratch.folder)/drafts/2026/a.md")
        #expect(FileManager.default.contents(atPath: written) == Data("x".utf8))
        // A file where a folder should be: refused before anything is created.
        FileManager.default.createFile(atPath: "\(scratch.folder)/notes", contents: Data())
        #expect(throws: ExportFile.Refusal.fileInTheWay("\(scratch.folder)/notes")) {
            try ExportFile.write(Data("x".utf8), to: "notes/2026/a.md", replacing: false, creatingFolders: true, from: scratch.folder)
        }
        #expect(throws: ExportFile.Refusal.fileInTheWay("notes")) {
            try ExportFile.write(Data("x".utf8), to: "notes/a.md", replacing: false, creatingFolders: true, from: scratch.folder)
        }
    }

    @Test func theDefaultFolderIsTheConfigsElseTheDocumentsFolderElseHome() throws {
        let scratch = try TemporaryStore()
        let home = "\(scratch.folder)/home"
        try FileManager.default.createDirectory(atPath: "\(home)/.config", withIntermediateDirectories: true)
        var environment = CobuyEnvironment(variables: ["HOME": home])
        #expect(ExportFolder.resolve(environment) == ExportFolder(path: home, source: .home))

        // xdg-user-dirs' file counts only when its folder exists.
        try Data("# comment\nXDG_DOCUMENTS_DIR=\"$HOME/Dokumente\"\n".utf8).write(to: URL(fileURLWithPath: "\(home)/.config/user-dirs.dirs"))
        #expect(ExportFolder.resolve(environment) == ExportFolder(path: home, source: .home))
        try FileManager.default.createDirectory(atPath: "\(home)/Dokumente", withIntermediateDirectories: true)
        #expect(ExportFolder.resolve(environment) == ExportFolder(path: "\(home)/Dokumente", source: .userDirs))

        environment.variables["XDG_DOCUMENTS_DIR"] = "$HOME/Papers"
        #expect(ExportFolder.resolve(environment) == ExportFolder(path: "\(home)/Papers", source: .documents))

        try environment.saveConfig(OfficerConfig(name: "Ana", party: "city-of-salem", exportFolder: "~/Addenda"))
        #expect(ExportFolder.resolve(environment) == ExportFolder(path: "\(home)/Addenda", source: .config))
        // Saving who the officer is keeps the folder.
        try environment.saveOfficer(Officer(name: "Bo", party: "marion-county"))
        #expect(environment.loadConfig() == OfficerConfig(name: "Bo", party: "marion-county", exportFolder: "~/Addenda"))
    }
}
