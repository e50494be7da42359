import Foundation
import Testing

/// Zero-width joiners and other format characters in record text, drawn by the real binary in
/// tmux (which joins the character after a U+200D to the cell before it): every column after
/// them stays where the header says.
@Suite(.serialized, .timeLimit(.minutes(3))) struct JoinerInTmuxTests {
    /// A title with a joiner between letters, two joiners after a space, a non-joiner, a word
    /// joiner, a byte-order mark and a joiner before a symbol.
    static let hostileTitle = "Road\u{200D}salt \u{200D}\u{200D}zwj a\u{200C}b\u{2060}c\u{FEFF}d x\u{200D}\u{2764}y"

    @Test func joinersInATitleLeaveEveryColumnInPlace() throws {
        let sandbox = try CobuySandbox()
        sandbox.seed()
        sandbox.must(["new", "solicitation", "--title", Self.hostileTitle, "--lead", "city-of-salem"], as: .salem)
        sandbox.must(["new", "solicitation", "--title", "Plain title", "--lead", "city-of-salem"], as: .salem)
        let screen = try TmuxScreen(sandbox, environment: UIInTmuxTests.salem, command: "exec '\(sandbox.binary)'")
        defer { screen.kill() }
        try screen.waitFor("1 Dashboard")
        screen.type("2")
        let text = try screen.waitFor("Plain title", "zwj")
        let lines = text.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.contains("TITLE") && $0.contains("LEAD") })
        let hostile = try #require(lines.first { $0.contains("zwj") })
        let plain = try #require(lines.first { $0.contains("Plain title") })
        // The capture holds what tmux drew, one character a column here (no wide characters).
        let leadColumn = try #require(header.range(of: "LEAD")).lowerBound.utf16Offset(in: header)
        #expect(plain.range(of: "City of Salem")?.lowerBound.utf16Offset(in: plain) == leadColumn, "plain row:\n\(text)")
        #expect(hostile.range(of: "City of Salem")?.lowerBound.utf16Offset(in: hostile) == leadColumn,
                "the row with joiners keeps the lead in its column:\n\(text)")
        #expect(!hostile.unicodeScalars.contains { $0.value == 0x200D || $0.value == 0xFEFF }, "no joiner reaches the terminal")
        // The box around the screen is intact: every line is as wide as the window.
        for line in lines where line.contains("│") {
            #expect(line.count <= 100, "no line overflows the window: \(line)")
        }
    }

    @Test func theCommandLineTableKeepsItsColumnsToo() throws {
        let sandbox = try CobuySandbox()
        sandbox.seed()
        sandbox.must(["new", "solicitation", "--title", Self.hostileTitle, "--lead", "city-of-salem"], as: .salem)
        let output = sandbox.must(["list", "solicitations"])
        let lines = output.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.first)
        let row = try #require(lines.first { $0.contains("zwj") })
        #expect(!row.unicodeScalars.contains { $0.value == 0x200D || $0.value == 0x200C || $0.value == 0x2060 || $0.value == 0xFEFF },
                "format characters are not printed: \(row.unicodeScalars.map { String($0.value, radix: 16) })")
        let lead = try #require(header.range(of: "LEAD")).lowerBound.utf16Offset(in: header)
        #expect(row.range(of: "city-of-salem")?.lowerBound.utf16Offset(in: row) == lead || row.range(of: "City of Salem")?.lowerBound.utf16Offset(in: row) == lead,
                "the lead stays under LEAD:\n\(output.stdout)")
    }
}
