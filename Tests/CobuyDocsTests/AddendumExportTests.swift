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
        #expect(signed.contains("| Printed name | Lisa Brown |"))
        #expect(signed.contains("| Signature | /s/ Lisa Brown |"))
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
        for needle in ['City of Portland', 'City of San José', 'Zap Charging', 'Governing law', 'Public records', 'Printed name', 'Sustainability']:
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

    // MARK: - What counsel looks for

    /// The clauses counsel sends a draft back for when they are missing (issue 10).
    static let standardClauses = [
        "Funding out (non-appropriation)", "No liability of the lead party", "Indemnity", "Insurance", "Termination", "Notices",
        "Counterparts and electronic signatures", "Amendment", "Entire agreement",
    ]

    @Test func theDraftCarriesEveryStandardClause() throws {
        // Words, not lines: the plain text wraps at 78 columns.
        let text = String(decoding: try exporter().render(try draft(Self.unsigned), as: .txt), as: UTF8.self)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for clause in Self.standardClauses { #expect(text.contains(clause), "\(clause)") }
        #expect(text.contains("appropriat"))
        #expect(text.contains("bears no liability"))
        #expect(text.contains("indemnifies and holds harmless"))
        #expect(text.contains("additional insured"))
        #expect(text.contains("Electronic signatures"))
        #expect(text.contains("only in writing signed by both"))
        #expect(text.contains("entire agreement"))
    }

    @Test func signatureBlocksGiveEachSideSignaturePrintedNameTitleDateAndApprovalAsToForm() throws {
        let document = DraftDocument(markdown: try exporter().markdown(try draft(Self.unsigned)))
        let tables = document.blocks.compactMap { block -> [[String]]? in if case .table(let rows) = block { return rows } else { return nil } }
        let signatures = try #require(tables.first { $0.first == ["", "Participating entity", "Vendor"] })
        let counsel = try #require(tables.first { $0.first == ["", "Counsel for the participating entity", "Counsel for the vendor"] })
        for table in [signatures, counsel] {
            #expect(table.map { $0.first ?? "" }.dropFirst().filter { $0 != "Party" } == ["Signature", "Printed name", "Title", "Date"])
            #expect(table.allSatisfy { $0.count == 3 })
        }
        #expect(signatures.contains(["Party", "City of Portland", "Zap Charging ⚡ LLC"]))
        #expect(signatures.contains(["Printed name", "Michael Jordan", "Ray Ortiz"]))
        #expect(signatures.contains(["Title", "City Administrator", "Chief Operating Officer"]))
        #expect(signatures.contains(["Signature", AddendumDraft.blank, AddendumDraft.blank]))
        #expect(document.plainText.contains("Approved as to form"))
    }

    @Test func datesAreWrittenOutTheWayTheParticipantsCountryWritesThem() throws {
        let text = String(decoding: try exporter().render(try draft(Self.signed), as: .txt), as: UTF8.self)
        #expect(text.range(of: #"\b\d{4}-\d{2}-\d{2}\b"#, options: .regularExpression) == nil, "an ISO date is left")
        #expect(text.contains("March 10, 2026"))
        #expect(text.contains("Generated by Cobuy on November 23, 2026"))
        #expect(WrittenDate.text(CalendarDate("2026-11-23")!, style: .dayFirst) == "23 November 2026")
        #expect(WrittenDate.text(CalendarDate("2027-01-05")!, style: .monthFirst) == "January 5, 2027")
        // A participant outside the United States reads the day first.
        var directory = OCDSExportTests.directory(Self.store)
        guard case .addendum(let addendum) = try Self.store.load(Self.signed) else { return }
        var spokane = try #require(directory.parties[addendum.party])
        spokane.region = try #require(RegionCode("CA-BC"))
        directory.insert(.party(spokane))
        let abroad = try exporter().markdown(AddendumDraft(addendum: addendum, lookup: directory, today: Self.today))
        #expect(abroad.contains("10 March 2026"))
    }

    @Test func noMarkdownEscapeReachesTheTextOrTheWordDocument() throws {
        guard case .addendum(var addendum) = try Self.store.load(Self.unsigned) else { return }
        addendum.scope = "Chargers_v2 <Level 2> *fast* [DC] `x` #3 | 50% \\ done"
        addendum.purchaseOrderInstructions = "Send to po_box@city.example <PO> __urgent__"
        let draft = AddendumDraft(addendum: addendum, lookup: StoreLookup(store: Self.store), today: Self.today)
        let exporter = try exporter()
        let text = String(decoding: try exporter.render(draft, as: .txt), as: UTF8.self)
        let archive = try Archive(data: try exporter.render(draft, as: .docx), accessMode: .read)
        var xml = Data()
        _ = try archive.extract(try #require(archive["word/document.xml"])) { xml.append($0) }
        let word = String(decoding: xml, as: UTF8.self)
        for output in [text, word] {
            for escape in ["\\_", "\\<", "\\>", "\\*", "\\[", "\\|", "\\#", "\\`"] {
                #expect(!output.contains(escape), "\(escape) left in the output")
            }
        }
        #expect(text.contains("Chargers_v2 <Level 2> *fast* [DC] `x` #3 | 50% \\ done"))
        #expect(word.contains("Chargers_v2 &lt;Level 2&gt; *fast* [DC] `x` #3 | 50% \\ done"))
        #expect(text.contains(AddendumDraft.blank))
    }

    @Test func theScopeListsTheParticipantsQuantityOnEachLine() throws {
        // SOL-2026-0001 has one line (9,000 each); Marion County pooled 2,500 of it.
        let addendum = ParticipatingAddendum(id: "PA-2099-0001", contract: "CON-2026-0001", party: "marion-county", localTerms: [])
        let markdown = try exporter().markdown(AddendumDraft(addendum: addendum, lookup: StoreLookup(store: Self.store), today: Self.today))
        #expect(markdown.contains("| Line | Description | Unit | Quantity for Marion County | Pooled quantity, all participants |"))
        #expect(markdown.range(of: #"\| 1 \| [^|]+ \| each \| 2,500 \| 9,000 \|"#, options: .regularExpression) != nil, "\(markdown)")
        // Several lines and one pooled quantity: nothing is invented per line.
        let several = try draft("PA-2025-0001")
        let lines = try #require(several.values["scopeLines"] as? [[String: Any]])
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0["quantity"] as? String == "not stated" })
        // Pledged line by line (issue 15): the addendum's own lines, each beside the pooled total.
        let pooled = PooledItemsExportTests.directory()
        let pledged = try #require(pooled.addenda["PA-2026-0001"])
        let rows = try #require(AddendumDraft(addendum: pledged, lookup: pooled, today: Self.today).values["scopeLines"] as? [[String: Any]])
        #expect(rows.map { $0["quantity"] as? String } == ["40", "5,000"])
        #expect(rows.map { $0["pooled"] as? String } == ["50", "7,000"])
        // The partner's pledges are read from the solicitation when the addendum has no lines of its own.
        var unlined = pledged
        unlined.lines = nil
        let fromPledges = try #require(AddendumDraft(addendum: unlined, lookup: pooled, today: Self.today).values["scopeLines"] as? [[String: Any]])
        #expect(fromPledges.map { $0["quantity"] as? String } == ["40", "5,000"])
        // A piggyback on a contract from elsewhere has no lines.
        #expect(try draft(Self.signed).values["scopeLines"] == nil)
    }

    @Test func everyPageOfTheWordDocumentSaysDraftAndItsPageNumber() throws {
        let data = try exporter().render(try draft(Self.unsigned), as: .docx)
        let archive = try Archive(data: data, accessMode: .read)
        func part(_ name: String) throws -> String {
            var xml = Data()
            _ = try archive.extract(try #require(archive[name], "\(name)")) { xml.append($0) }
            return String(decoding: xml, as: UTF8.self)
        }
        let document = try part("word/document.xml")
        #expect(document.contains("<w:headerReference w:type=\"default\" r:id=\"rId3\"/>"))
        #expect(document.contains("<w:footerReference w:type=\"default\" r:id=\"rId4\"/>"))
        let footer = try part("word/footer1.xml")
        #expect(footer.contains("DRAFT"))
        #expect(footer.contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"))
        #expect(footer.contains("<w:instrText xml:space=\"preserve\"> NUMPAGES </w:instrText>"))
        #expect(try part("word/header1.xml").contains("DRAFT"))
        #expect(try part("word/_rels/document.xml.rels").contains("Target=\"footer1.xml\""))
        #expect(try part("[Content_Types].xml").contains("wordprocessingml.footer+xml"))
        // Executed: page numbers stay, DRAFT goes.
        let executed = try Archive(data: try exporter().render(try draft(Self.signed), as: .docx), accessMode: .read)
        var xml = Data()
        _ = try executed.extract(try #require(executed["word/footer1.xml"])) { xml.append($0) }
        #expect(!String(decoding: xml, as: UTF8.self).contains("DRAFT"))
        #expect(String(decoding: xml, as: UTF8.self).contains(" PAGE "))
    }

    /// The bar of issue 10: the Word document opens in python-docx and the PDF in poppler, and
    /// both carry every standard clause, signature blocks for both sides and page numbers.
    @Test func theWordAndPDFDraftsOpenAndCarryTheClausesSignatureBlocksAndPageNumbers() throws {
        guard Self.has("python3", "-c", "import docx"), Self.has("pdftotext", "-v"), LibreOfficeConverter().executable() != nil else {
            Issue.record("needs python-docx, poppler-utils (pdftotext) and LibreOffice: run .ci/setup")
            return
        }
        let folder = NSTemporaryDirectory() + "cobuy-bar-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let exporter = try exporter()
        let draft = try draft(Self.unsigned)
        try exporter.render(draft, as: .docx).write(to: URL(fileURLWithPath: "\(folder)/draft.docx"))
        try exporter.render(draft, as: .pdf).write(to: URL(fileURLWithPath: "\(folder)/draft.pdf"))

        let script = """
        import docx, sys
        d = docx.Document(sys.argv[1])
        headings = [p.text for p in d.paragraphs if p.style.name.startswith('Heading')]
        for clause in sys.argv[2:]:
            print('clause', clause, any(clause in h for h in headings))
        rows = [[c.text for c in r.cells] for t in d.tables for r in t.rows]
        for label in ['Signature', 'Printed name', 'Title', 'Date']:
            print('both sides', label, sum(1 for r in rows if r[0] == label and len(r) == 3) >= 2)
        print('approved', any('Approved as to form' in p.text for p in d.paragraphs))
        footer = d.sections[0].footer._element.xml
        print('page field', ' PAGE ' in footer and ' NUMPAGES ' in footer)
        print('draft on every page', 'DRAFT' in footer and 'DRAFT' in d.sections[0].header._element.xml)
        """
        let word = Self.run(["python3", "-c", script, "\(folder)/draft.docx"] + Self.standardClauses)
        #expect(word.status == 0, "\(word.text)")
        #expect(word.text.split(separator: "\n").count == Self.standardClauses.count + 7, "\(word.text)")
        #expect(word.text.split(separator: "\n").allSatisfy { $0.hasSuffix("True") }, "\(word.text)")

        let pdf = Self.run("pdftotext", "-layout", "\(folder)/draft.pdf", "-")
        #expect(pdf.status == 0, "\(pdf.text)")
        let pages = pdf.text.split(separator: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        #expect(pages.count >= 2)
        for (number, page) in pages.enumerated() {
            #expect(page.contains("DRAFT — Page \(number + 1) of \(pages.count)"), "page \(number + 1)")
        }
        let flat = pdf.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for clause in Self.standardClauses { #expect(flat.contains(clause), "\(clause)") }
        for label in ["Signature", "Printed name", "Title", "Date", "Approved as to form", "Counsel for the vendor", "Michael Jordan", "Ray Ortiz"] {
            #expect(flat.contains(label), "\(label)")
        }
    }

    @Test func aPDFWithoutLibreOfficeSaysWhatToInstall() throws {
        var exporter = try exporter()
        exporter.pdfConverter = LibreOfficeConverter(command: "soffice", searchPath: "/nonexistent")
        do {
            _ = try exporter.render(try draft(Self.unsigned), as: .pdf)
            Issue.record("rendered a PDF without a converter")
        } catch let error as AddendumExporter.ExportError {
            #expect(error.description.contains("needs LibreOffice"))
            #expect(error.description.contains("soffice is not on PATH"))
        }
    }

    @Test func aConverterThatHangsIsStoppedAtTheTimeout() throws {
        let folder = NSTemporaryDirectory() + "cobuy-hang-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = "\(folder)/soffice"
        // It starts a child that would outlive it, as soffice starts soffice.bin.
        try Data("#!/bin/sh\nsleep 60 &\necho $! > \(folder)/child\nsleep 60\n".utf8).write(to: URL(fileURLWithPath: script))
        chmod(script, 0o755)
        var exporter = try exporter()
        exporter.pdfConverter = LibreOfficeConverter(command: script, timeout: 1)
        let started = Date()
        do {
            _ = try exporter.render(try draft(Self.unsigned), as: .pdf)
            Issue.record("a hanging converter produced a PDF")
        } catch let error as AddendumExporter.ExportError {
            #expect(error.description.contains("within 1 seconds"))
        }
        #expect(Date().timeIntervalSince(started) < 10)
        let child = String(decoding: FileManager.default.contents(atPath: "\(folder)/child") ?? Data(), as: UTF8.self)
        if let pid = Int32(child.trimmingCharacters(in: .whitespacesAndNewlines)) {
            usleep(200_000)
            // Gone, or a zombie waiting for init to reap it: either way no longer running.
            let stat = String(decoding: FileManager.default.contents(atPath: "/proc/\(pid)/stat") ?? Data(), as: UTF8.self)
            let state = stat.split(separator: ")").last?.split(separator: " ").first.map(String.init)
            #expect(stat.isEmpty || state == "Z", "the converter's child \(pid) still runs (\(state ?? "?"))")
        }
    }

    @Test func aTemplateNestedDeeperThanTheLimitIsRefusedWithoutOverflowingTheStack() throws {
        let folder = NSTemporaryDirectory() + "cobuy-deep-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bundled = Self.root.appendingPathComponent("Resources/templates").path
        func load(_ template: String) throws -> AddendumExporter {
            try Data(template.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(AddendumExporter.templateName)"))
            return try AddendumExporter(userTemplates: folder, bundledTemplates: bundled)
        }
        let deep = String(repeating: "{{#a}}", count: 100_000) + "x" + String(repeating: "{{/a}}", count: 100_000)
        // Changed delimiters cannot hide the nesting either.
        let hidden = "{{=<% %>=}}" + String(repeating: "<%#a%>", count: 5_000) + String(repeating: "<%/a%>", count: 5_000)
        for template in [deep, hidden] {
            do {
                _ = try load(template)
                Issue.record("a template nested too deep was accepted")
            } catch let error as AddendumExporter.ExportError {
                #expect(error.description.contains("more than the limit of \(TemplateDepth.limit)"), "\(error)")
            }
        }
        let fine = String(repeating: "{{#a}}", count: TemplateDepth.limit) + "x" + String(repeating: "{{/a}}", count: TemplateDepth.limit)
        #expect(throws: Never.self) { _ = try load(fine) }
        #expect(TemplateDepth.deepest(in: "{{#a}}{{^b}}{{{c}}}{{/b}}{{/a}}{{#d}}{{/d}}") == 2)
    }
}
