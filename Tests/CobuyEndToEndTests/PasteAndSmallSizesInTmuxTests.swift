import Foundation
import Testing

/// A long paste in the real terminal, and what the hint bar keeps at the smallest sizes.
@Suite(.serialized, .timeLimit(.minutes(3))) struct PasteAndSmallSizesInTmuxTests {
    let ui = UIInTmuxTests()

    /// 3000 characters arrive at once; before, each drew a frame (about a minute at full CPU).
    /// The wait is the usual 20 s, far above the second it takes now.
    @Test func aLongPasteInThePaletteAndAFormIsTakenAtOnce() throws {
        let (sandbox, id) = try ui.draftSolicitation()
        let screen = try ui.launch(sandbox, "--store '\(sandbox.store)'", width: 80, height: 24)
        defer { screen.kill() }
        try screen.waitFor("Dashboard")
        let pasted = String(repeating: "salt brine for the county yards ", count: 94).prefix(2990) + "PASTE-END"
        screen.type(":")
        try screen.waitFor("Command palette")
        screen.type(String(pasted))
        try screen.waitFor("PASTE-END", "No command matches.")
        screen.press("Escape")
        try screen.waitFor("? help", absent: ["Command palette"])
        screen.type("2")
        try screen.waitFor("Solicitations:", id)
        screen.press("Enter")
        try screen.waitFor("\(id)  Road salt 2027  [draft]")
        screen.type(":add-l")
        screen.press("Enter")
        try screen.waitFor("add-line — \(id)")
        screen.type(String(pasted.prefix(1990)) + "FIELD-END")
        try screen.waitFor("FIELD-END")
        screen.press("Escape")
        try screen.waitFor("Throw away what you typed")
        screen.type("y")
        try screen.waitFor("Cancelled; nothing was changed.")
        // The next key clears it.
        screen.press("Tab")
        try screen.waitFor("? help", absent: ["Cancelled; nothing was changed."])
        try ui.quit(screen)
    }

    @Test func atSixtyColumnsTheHintBarKeepsHelpAndTheActingParty() throws {
        let (sandbox, _) = try ui.draftSolicitation()
        let screen = try ui.launch(sandbox, "--store '\(sandbox.store)'", width: 80, height: 24)
        defer { screen.kill() }
        screen.resize(60, 16)
        let text = try screen.waitFor("1 Dash ", "? help", "city-of-salem")
        #expect(!text.contains("Ana Ruiz for ci…"))
        screen.type("?")
        try screen.waitFor("Keys — ↓/↑ scroll, any other key closes", "more")
        screen.type("G")
        try screen.waitFor("Go to any record by its id")
        screen.type("x")
        try screen.waitFor("? help", absent: ["Keys —"])
        try ui.quit(screen)
    }
}
