/// A draft as a sequence of blocks, read from the Markdown the template produced. The plain
/// text and the Word document are both written from it, so all three formats say the same.
public struct DraftDocument: Sendable, Equatable {
    /// A run of text, bold or not.
    public struct Span: Sendable, Equatable {
        public var text: String
        public var bold: Bool
    }

    public enum Block: Sendable, Equatable {
        case heading(level: Int, text: String)
        case paragraph([Span])
        case bullets([[Span]])
        case numbered([[Span]])
        /// The first row is the header.
        case table([[String]])
    }

    public var blocks: [Block]

    /// Reads the Markdown subset the templates use: `#` headings, paragraphs, `-` and `1.`
    /// lists, pipe tables, `**bold**`, and backslash escapes.
    public init(markdown: String) {
        var blocks: [Block] = []
        var paragraph: [String] = []
        var bullets: [[Span]] = []
        var numbered: [[Span]] = []
        var table: [[String]] = []

        func flush() {
            if !paragraph.isEmpty {
                blocks.append(.paragraph(DraftDocument.spans(paragraph.joined(separator: "\n"))))
                paragraph = []
            }
            if !bullets.isEmpty { blocks.append(.bullets(bullets)); bullets = [] }
            if !numbered.isEmpty { blocks.append(.numbered(numbered)); numbered = [] }
            if !table.isEmpty { blocks.append(.table(table)); table = [] }
        }

        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine).trimmingSpaces
            if line.isEmpty { flush(); continue }
            if line.hasPrefix("#") {
                let level = line.prefix(while: { $0 == "#" }).count
                if level <= 6, line.dropFirst(level).first == " " {
                    flush()
                    blocks.append(.heading(level: level, text: DraftDocument.unescape(String(line.dropFirst(level + 1)))))
                    continue
                }
            }
            if line.hasPrefix("|") {
                if !table.isEmpty || paragraph.isEmpty { if table.isEmpty { flush() } }
                let cells = DraftDocument.cells(line)
                if cells.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 == "-" || $0 == ":" } }) { continue }
                table.append(cells)
                continue
            }
            if line.hasPrefix("- ") {
                if bullets.isEmpty { flush() }
                bullets.append(DraftDocument.spans(String(line.dropFirst(2))))
                continue
            }
            if let dot = line.firstIndex(of: "."), line[..<dot].allSatisfy(\.isNumber), !line[..<dot].isEmpty,
               line[line.index(after: dot)...].first == " " {
                if numbered.isEmpty { flush() }
                numbered.append(DraftDocument.spans(String(line[line.index(dot, offsetBy: 2)...])))
                continue
            }
            if !bullets.isEmpty || !numbered.isEmpty || !table.isEmpty { flush() }
            paragraph.append(line)
        }
        flush()
        self.blocks = blocks
    }

    /// Splits `| a | b \| c |` into cells, honouring escaped pipes.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in line.dropFirst() {
            if escaped { current.append("\\"); current.append(character); escaped = false; continue }
            if character == "\\" { escaped = true; continue }
            if character == "|" { cells.append(unescape(current.trimmingSpaces)); current = ""; continue }
            current.append(character)
        }
        if !current.trimmingSpaces.isEmpty { cells.append(unescape(current.trimmingSpaces)) }
        return cells
    }

    /// `**bold** plain` into spans; escapes removed.
    static func spans(_ text: String) -> [Span] {
        var spans: [Span] = []
        var current = ""
        var bold = false
        var characters = Array(text)
        characters.append(" ")
        var index = 0
        while index < characters.count - 1 {
            let character = characters[index]
            if character == "\\" {
                current.append(characters[index + 1])
                index += 2
                continue
            }
            if character == "*", characters[index + 1] == "*" {
                if !current.isEmpty { spans.append(Span(text: current, bold: bold)) }
                current = ""
                bold.toggle()
                index += 2
                continue
            }
            current.append(character == "\n" ? " " : character)
            index += 1
        }
        if !current.isEmpty { spans.append(Span(text: current, bold: bold)) }
        return spans
    }

    static func unescape(_ text: String) -> String {
        spans(text).map(\.text).joined()
    }

    /// Plain text: headings underlined, lists indented, tables as aligned columns.
    public var plainText: String {
        var lines: [String] = []
        for block in blocks {
            switch block {
            case let .heading(level, text):
                lines.append(text)
                lines.append(String(repeating: level == 1 ? "=" : "-", count: max(3, text.count)))
            case .paragraph(let spans):
                lines += wrap(spans.map(\.text).joined(), width: 78)
            case .bullets(let items):
                for item in items {
                    let body = wrap(item.map(\.text).joined(), width: 74)
                    lines += body.enumerated().map { ($0.offset == 0 ? "  - " : "    ") + $0.element }
                }
            case .numbered(let items):
                for (index, item) in items.enumerated() {
                    let body = wrap(item.map(\.text).joined(), width: 73)
                    lines += body.enumerated().map { ($0.offset == 0 ? "  \(index + 1). " : "     ") + $0.element }
                }
            case .table(let rows):
                let columns = rows.map(\.count).max() ?? 0
                let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
                for (index, row) in rows.enumerated() {
                    let cells = (0..<columns).map { column -> String in
                        let text = column < row.count ? row[column] : ""
                        return text + String(repeating: " ", count: widths[column] - text.count)
                    }
                    lines.append(cells.joined(separator: "  ").trimmingSpaces.isEmpty ? "" : "  " + cells.joined(separator: "  "))
                    if index == 0 { lines.append("  " + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
                }
            }
            lines.append("")
        }
        while lines.last == "" { lines.removeLast() }
        return lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n") + "\n"
    }

    private func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? [""] : lines
    }
}
