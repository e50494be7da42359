import Foundation
import Testing
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
