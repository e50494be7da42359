import Foundation
import Testing

/// Following links and "My work" in the real binary, on the demo's sample store, by keys alone.
@Suite(.serialized, .timeLimit(.minutes(3))) struct NavigationInTmuxTests {
    let ui = UIInTmuxTests()

    /// Waits until the record `id` is the one opened: its headline is the screen's second line.
    @discardableResult
    func waitForRecord(_ screen: TmuxScreen, _ id: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try screen.waitUntil("\(id) opened", sourceLocation: sourceLocation) { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().first?.hasPrefix(id + "  ") == true
        }
    }

    @Test func awardToContractToAddendumAndEscBack() throws {
        let sandbox = try CobuySandbox()
        let screen = try ui.launch(sandbox, "demo", width: 130, height: 40)
        defer { screen.kill() }
        // Jump to the solicitation by id, then follow its award to the contract.
        screen.type("#")
        try screen.waitFor("Go to a record")
        screen.type("sol-2025-0001")
        screen.press("Enter")
        try waitForRecord(screen, "SOL-2025-0001")
        screen.type("l")
        try screen.waitFor("→ CON-2025-0001  awarded contract (P1)")
        screen.press("Enter")
        let contract = try waitForRecord(screen, "CON-2025-0001")
        // Its links: the solicitation, lead, vendor, then the addenda.
        #expect(contract.contains("→ PA-2025-0001  addendum"), "\(contract)")
        screen.type("jjj")
        screen.press("Enter")
        try waitForRecord(screen, "PA-2025-0001")
        screen.press("Escape")
        try waitForRecord(screen, "CON-2025-0001")
        screen.press("Escape")
        try waitForRecord(screen, "SOL-2025-0001")
        screen.press("Escape")
        try screen.waitFor("My work: waiting for city-of-salem")
        try ui.quit(screen)
    }

    @Test func aMyWorkEntryOpensOnTheStepToTake() throws {
        let sandbox = try CobuySandbox()
        let screen = try ui.launch(sandbox, "demo", width: 130, height: 40)
        defer { screen.kill() }
        // The City of Salem leads CON-2026-0001, awarded and waiting for its signature.
        try screen.waitFor("My work: waiting for city-of-salem", "CON-2026-0001", "sign the contract and set its term")
        screen.press("Enter")
        let opened = try waitForRecord(screen, "CON-2026-0001")
        #expect(opened.contains("Next: sign — "), "\(opened)")
        // Enter takes the highlighted step: the sign form opens.
        screen.press("Enter")
        try screen.waitFor("sign — CON-2026-0001")
        screen.press("Escape")
        screen.press("Escape")
        try screen.waitFor("My work: waiting for city-of-salem")
        try ui.quit(screen)
    }
}
