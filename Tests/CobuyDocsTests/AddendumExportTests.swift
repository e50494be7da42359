import CobuyCore
import CobuyStore
import Foundation
import SnapshotTesting
import Testing
import ZIPFoundation
@testable import CobuyDocs

/// Golden files of each draft format for sample addenda, signed and unsigned.
@Suite struct AddendumExportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let store = Store(root: root.appendingPathComponent("Resources/sample-store").path)
    static let today = CalendarDate("2026-11-23")!
    /// PA-2026-0001 is executed (both signatures); PA-2026-0002 is submitted (unsigned).
    static let signed = "PA-2026-0001", unsigned = "PA-2026-0002"

    func exporter() throws -> AddendumExporter {
        try AddendumExporter(userTemplates: nil, bundledTemplates: Self.root.appendingPathComponent("Resources/templates").path)
    }

    func draft(_ id: String) throws -> AddendumDraft {
        guard case .addendum(let addendum) = try Self.store.load(id) else { throw CocoaError(.fileReadUnknown) }
        return AddendumDraft(addendum: addendum, lookup: StoreLookup(store: Self.store), today: Self.today)
    }

    @Test func markdownDraftsMatchTheirGoldenFiles() throws {
        for id in [Self.signed, Self.unsigned] {
            let text = String(decoding: try exporter().render(try draft(id), as: .md), as: UTF8.self)
            assertSnapshot(of: text, as: .lines, named: "\(id).md")
        }
    }

    @Test func plainTextDraftsMatchTheirGoldenFiles() throws {
        for id in [Self.signed, Self.unsigned] {
            let text = String(decoding: try exporter().render(try draft(id), as: .txt), as: UTF8.self)
            assertSnapshot(of: text, as: .lines, named: "\(id).txt")
        }
    }

    @Test func anUnexecutedAddendumIsMarkedDraftAndHasBlankSignatureLines() throws {
        let text = String(decoding: try exporter().render(try draft(Self.unsigned), as: .md), as: UTF8.self)
        #expect(text.contains("— DRAFT"))
        #expect(text.contains("\\_\\_\\_\\_"))
        let signed = String(decoding: try exporter().render(try draft(Self.signed), as: .md), as: UTF8.self)
        #expect(!signed.contains("DRAFT"))
        #expect(signed.contains("Lisa Brown, Mayor"))
    }

    @Test func theWordDocumentHasHeadingsTablesAndTheSameText() throws {
        let exporter = try exporter()
        let data = try exporter.render(try draft(Self.unsigned), as: .docx)
        let archive = try Archive(data: data, accessMode: .read)
        let names = Set(archive.map(\.path))
        #expect(names.isSuperset(of: ["[Content_Types].xml", "word/document.xml", "word/styles.xml", "_rels/.rels"]))
        var xml = Data()
        _ = try archive.extract(try #require(archive["word/document.xml"])) { xml.append($0) }
        let document = String(decoding: xml, as: UTF8.self)
        #expect(document.contains("<w:pStyle w:val=\"Heading1\"/>"))
        #expect(document.contains("<w:tbl>"))
        let plain = DraftDocument(markdown: exporter.markdown(try draft(Self.unsigned)))
        for block in plain.blocks {
            if case .heading(_, let text) = block { #expect(document.contains(WordDocument.escape(text))) }
        }
    }

    @Test func pythonDocxReadsTheParticipantLeadVendorTermsAndSignatures() throws {
        guard Self.has("python3", "-c", "import docx") else {
            Issue.record("python-docx is not installed; run .ci/setup")
            return
        }
        let folder = NSTemporaryDirectory() + "cobuy-docx-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/draft.docx"
        try exporter().render(try draft(Self.unsigned), as: .docx).write(to: URL(fileURLWithPath: path))
        let script = """
        import docx, sys
        d = docx.Document(sys.argv[1])
        headings = [p.text for p in d.paragraphs if p.style.name.startswith('Heading')]
        text = '\\n'.join(p.text for p in d.paragraphs) + '\\n'.join(c.text for t in d.tables for r in t.rows for c in r.cells)
        print(len(headings))
        for needle in ['City of Portland', 'City of San José', 'Zap Charging', 'Governing law', 'Public records', 'Signed by', 'Sustainability']:
            print(needle, needle in text)
        """
        let output = Self.run("python3", "-c", script, path)
        #expect(output.status == 0, "\(output.text)")
        let lines = output.text.split(separator: "\n")
        #expect(Int(lines.first ?? "") ?? 0 >= 9)
        #expect(lines.dropFirst().allSatisfy { $0.hasSuffix("True") }, "\(output.text)")
    }

    @Test func libreOfficeConvertsTheWordDocumentToPDF() throws {
        guard Self.has("soffice", "--version") else {
            Issue.record("LibreOffice is not installed; run .ci/setup")
            return
        }
        let folder = NSTemporaryDirectory() + "cobuy-pdf-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try exporter().render(try draft(Self.signed), as: .docx).write(to: URL(fileURLWithPath: "\(folder)/draft.docx"))
        let output = Self.run("soffice", "-env:UserInstallation=file://\(folder)/profile", "--headless", "--convert-to", "pdf",
                              "--outdir", folder, "\(folder)/draft.docx")
        #expect(output.status == 0, "\(output.text)")
        let pdf = FileManager.default.contents(atPath: "\(folder)/draft.pdf") ?? Data()
        #expect(pdf.starts(with: Data("%PDF".utf8)))
    }

    @Test func aUserTemplateOverridesTheBundledOne() throws {
        let folder = NSTemporaryDirectory() + "cobuy-templates-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("{{% CONTENT_TYPE: MARKDOWN }}\n# Our own wording for {{participant.name}}\n".utf8)
            .write(to: URL(fileURLWithPath: "\(folder)/\(AddendumExporter.templateName)"))
        let exporter = try AddendumExporter(userTemplates: folder, bundledTemplates: Self.root.appendingPathComponent("Resources/templates").path)
        #expect(exporter.markdown(try draft(Self.unsigned)) == "# Our own wording for City of Portland\n")
    }

    @Test func recordTextCannotInjectMarkdownOrControlCharacters() throws {
        guard case .addendum(var addendum) = try Self.store.load(Self.unsigned) else { return }
        addendum.scope = "| evil | table |\n# heading\u{1B}]0;x\u{07} **bold**"
        let text = try exporter().markdown(AddendumDraft(addendum: addendum, lookup: StoreLookup(store: Self.store), today: Self.today))
        #expect(text.contains("\\| evil \\| table \\| \\# heading"))
        #expect(!text.contains("\u{1B}"))
        let document = DraftDocument(markdown: text)
        #expect(!document.blocks.contains { if case .heading(_, let heading) = $0 { return heading.contains("heading") } else { return false } })
    }

    @Test func fileNamesFromRecordFieldsAreSafe() {
        #expect(FileNames.safe("PA-2026-0001-city-of-salem") == "PA-2026-0001-city-of-salem")
        #expect(FileNames.safe("../../etc/passwd") == "etc-passwd")
        #expect(FileNames.safe("a/b\\c:d*e") == "a-b-c-d-e")
        #expect(FileNames.safe("...") == "document")
    }

    static func has(_ arguments: String...) -> Bool { run(arguments).status == 0 }

    static func run(_ arguments: String...) -> (status: Int32, text: String) { run(arguments) }

    static func run(_ arguments: [String]) -> (status: Int32, text: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (-1, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
