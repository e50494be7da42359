import Foundation
import ZIPFoundation

/// Writes a ``DraftDocument`` as a Word document (WordprocessingML in a zip): real Heading
/// styles, bulleted and numbered lists, tables with a header row, and a header and footer on
/// every page (DRAFT until executed, and "Page N of M" from PAGE and NUMPAGES fields), so it
/// opens as a proper document in Word, LibreOffice and python-docx.
public enum WordDocument {
    public static func data(for document: DraftDocument, title: String, generated: String, isDraft: Bool = true) throws -> Data {
        let archive = try Archive(accessMode: .create)
        var numberedLists = 0
        let body = document.blocks.map { block in xml(for: block, numberedLists: &numberedLists) }.joined()
        let parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", packageRelationships),
            ("word/_rels/document.xml.rels", documentRelationships),
            ("word/document.xml", documentXML(body)),
            ("word/styles.xml", styles),
            ("word/numbering.xml", numbering(numberedLists: numberedLists)),
            ("word/header1.xml", header(title: title, isDraft: isDraft)),
            ("word/footer1.xml", footer(isDraft: isDraft)),
            ("docProps/core.xml", coreProperties(title: title, generated: generated)),
        ]
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                                 provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default:
                // XML 1.0 forbids most control characters.
                if scalar.value < 0x20 { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func run(_ span: DraftDocument.Span) -> String {
        let properties = span.bold ? "<w:rPr><w:b/></w:rPr>" : ""
        return "<w:r>\(properties)<w:t xml:space=\"preserve\">\(escape(span.text))</w:t></w:r>"
    }

    static func paragraph(_ spans: [DraftDocument.Span], style: String? = nil, numbering: (id: Int, level: Int)? = nil) -> String {
        var properties = ""
        if let style { properties += "<w:pStyle w:val=\"\(style)\"/>" }
        if let numbering { properties += "<w:numPr><w:ilvl w:val=\"\(numbering.level)\"/><w:numId w:val=\"\(numbering.id)\"/></w:numPr>" }
        let pPr = properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>"
        return "<w:p>\(pPr)\(spans.map(run).joined())</w:p>"
    }

    static func xml(for block: DraftDocument.Block, numberedLists: inout Int) -> String {
        switch block {
        case let .heading(level, text):
            return paragraph([DraftDocument.Span(text: text, bold: false)], style: "Heading\(min(level, 3))")
        case .paragraph(let spans):
            return paragraph(spans)
        case .bullets(let items):
            return items.map { paragraph($0, style: "ListParagraph", numbering: (1, 0)) }.joined()
        case .numbered(let items):
            numberedLists += 1
            let id = 1 + numberedLists
            return items.map { paragraph($0, style: "ListParagraph", numbering: (id, 0)) }.joined()
        case .table(let rows):
            let columns = rows.map(\.count).max() ?? 1
            let widths = columnWidths(rows, columns: columns)
            var xml = "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
                + "<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>"
            xml += widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined()
            xml += "</w:tblGrid>"
            for (index, row) in rows.enumerated() {
                // A row with a line to write on (a signature, a date) is tall enough to write on by hand.
                let writable = index > 0 && row.contains { !$0.isEmpty && $0.allSatisfy { $0 == "_" } }
                // No row breaks across pages; the header row repeats on each.
                let properties = "<w:cantSplit/>" + (index == 0 ? "<w:tblHeader/>" : "") + (writable ? "<w:trHeight w:val=\"560\"/>" : "")
                xml += "<w:tr><w:trPr>\(properties)</w:trPr>"
                for column in 0..<columns {
                    let text = column < row.count ? row[column] : ""
                    xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[column])\" w:type=\"dxa\"/>\(writable ? "<w:vAlign w:val=\"bottom\"/>" : "")</w:tcPr>"
                    xml += paragraph([DraftDocument.Span(text: text, bold: index == 0)]) + "</w:tc>"
                }
                xml += "</w:tr>"
            }
            return xml + "</w:tbl><w:p/>"
        }
    }

    /// The text width of a Letter page with one-inch margins, in twentieths of a point.
    static let textWidth = 9360

    /// Columns as wide as their text asks, sharing the text width: each at least as wide as its
    /// longest word (headers are bold, and a word split over two lines reads badly), the rest
    /// shared by how long the column's longest text is, so a description gets room and a line
    /// number does not.
    static func columnWidths(_ rows: [[String]], columns: Int) -> [Int] {
        guard columns > 0 else { return [] }
        let cells = (0..<columns).map { column in rows.map { column < $0.count ? $0[column] : "" } }
        // About the width of a bold character at 11 points, in twentieths of a point.
        let character = 130
        var minimums = cells.map { column in ((column.flatMap { $0.split(separator: " ").map(\.count) }.max() ?? 0) + 2) * character }
        if minimums.reduce(0, +) > textWidth { minimums = Array(repeating: textWidth / columns, count: columns) }
        let wants = cells.map { column in min(40, column.map(\.count).max() ?? 0) + 1 }
        let spare = textWidth - minimums.reduce(0, +)
        let total = max(1, wants.reduce(0, +))
        var widths = zip(minimums, wants).map { $0 + spare * $1 / total }
        widths[columns - 1] += textWidth - widths.reduce(0, +)
        return widths
    }

    static func documentXML(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>\(body)\
        <w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:footerReference w:type="default" r:id="rId4"/>\
        <w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" \
        w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>
        """
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>\
        <Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>\
        <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        </Types>
        """

    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        </Relationships>
        """

    static let documentRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>\
        <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>\
        </Relationships>
        """

    static let namespaces = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

    static func text(_ value: String, bold: Bool = false) -> String {
        "<w:r>\(bold ? "<w:rPr><w:b/></w:rPr>" : "")<w:t xml:space=\"preserve\">\(escape(value))</w:t></w:r>"
    }

    /// The title on every page, with DRAFT while the addendum is not executed.
    static func header(title: String, isDraft: Bool) -> String {
        let draft = isDraft ? text("DRAFT — not executed", bold: true) + "<w:r><w:tab/></w:r>" : ""
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:hdr \(namespaces)><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>\(draft)\(text(title))</w:p></w:hdr>
            """
    }

    /// "DRAFT — Page 2 of 5" on every page: the numbers are fields that Word and LibreOffice fill in.
    static func footer(isDraft: Bool) -> String {
        func field(_ instruction: String) -> String {
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> \(instruction) </w:instrText></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        }
        let draft = isDraft ? text("DRAFT — ", bold: true) : ""
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:ftr \(namespaces)><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>\
            \(draft)\(text("Page "))\(field("PAGE"))\(text(" of "))\(field("NUMPAGES"))</w:p></w:ftr>
            """
    }

    static func heading(_ level: Int, size: Int) -> String {
        """
        <w:style w:type="paragraph" w:styleId="Heading\(level)"><w:name w:val="heading \(level)"/><w:basedOn w:val="Normal"/>\
        <w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/>\
        <w:outlineLvl w:val="\(level - 1)"/></w:pPr><w:rPr><w:b/><w:sz w:val="\(size)"/></w:rPr></w:style>
        """
    }

    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>\
        <w:sz w:val="22"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr>\
        </w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
        \(heading(1, size: 32))\(heading(2, size: 26))\(heading(3, size: 24))\
        <w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:ind w:left="720"/></w:pPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:tabs><w:tab w:val="right" w:pos="9360"/></w:tabs><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>\
        <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>\
        <w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>\
        <w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
        <w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>\
        <w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>\
        <w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>\
        <w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>\
        </w:tblBorders></w:tblPr></w:style>\
        </w:styles>
        """

    static func numbering(numberedLists: Int) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>\
            <w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr>\
            </w:lvl></w:abstractNum>\
            <w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>\
            <w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr>\
            </w:lvl></w:abstractNum>\
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            """
        for list in 0..<numberedLists {
            // Each numbered list starts again at 1.
            xml += "<w:num w:numId=\"\(2 + list)\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
        }
        return xml + "</w:numbering>"
    }

    static func coreProperties(title: String, generated: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>\(escape(title))</dc:title><dc:creator>Cobuy</dc:creator>\
        <dcterms:created xsi:type="dcterms:W3CDTF">\(escape(generated))T00:00:00Z</dcterms:created></cp:coreProperties>
        """
    }
}
