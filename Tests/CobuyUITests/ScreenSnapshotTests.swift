import CobuyCore
import CobuyTerminal
import SnapshotTesting
import Testing
@testable import CobuyUI

/// The cell grid of every screen at the smallest supported size, 80×24 and 120×40, as text.
/// Snapshot files live in __Snapshots__ and are committed.
@Suite struct ScreenSnapshotTests: ScreenSnapshotting {
    static let sizes = [(60, 16), (80, 24), (120, 40)]

    @Test func dashboard() {
        check("dashboard") { _ in }
    }

    @Test func solicitationsList() {
        check("solicitations") { press(&$0, .character("2")) }
    }

    @Test func contractsListMarksJoinable() {
        check("contracts") { press(&$0, .character("3")) }
    }

    @Test func addendaList() {
        check("addenda") { press(&$0, .character("4")) }
    }

    @Test func partiesListWithUnicodeAndEscapes() {
        check("parties") { press(&$0, .character("5")) }
    }

    @Test func searchNarrowsTheList() {
        check("contracts-search") { press(&$0, .character("3"), .character("/"), .character("e"), .character("l"), .character("e")) }
    }

    @Test func solicitationStepperWithActions() {
        // SOL-2026-0003 (electric school buses) is soliciting.
        check("solicitation-record") { state in
            press(&state, .character("2"))
            for _ in 0..<4 { press(&state, .character("j")) }
            press(&state, .enter)
        }
    }

    @Test func solicitationAuditTrailPane() {
        check("solicitation-history") { state in
            press(&state, .character("2"), .enter, .tab)
        }
    }

    @Test func contractChecklistForAnIneligibleParty() {
        // CON-2024-0002 is open to Washington bodies only; the officer acts for an Oregon city.
        check("contract-checklist") { state in
            press(&state, .character("3"), .character("j"), .enter, .tab, .tab)
        }
    }

    @Test func addendumRecord() {
        check("addendum-record") { state in
            press(&state, .character("4"), .character("j"), .enter)
        }
    }

    @Test func addendumDraftPreviewAndExportPrompt() {
        check("addendum-draft") { state in
            press(&state, .character("4"), .character("j"), .enter)
            state.opened?.pane = .draft
            if let id = state.opened?.id {
                state.draftPreview = (id, ["Participating Addendum \(id) — DRAFT", "==========", "", "  - Participating entity: City of Portland"])
            }
            press(&state, .character("x"))
        }
    }

    @Test func actionForm() {
        check("form") { state in
            state.officer = Officer(name: "Marcus Hill", party: "city-of-portland")
            state.opened = RecordView(id: "SOL-2026-0006")
            _ = state.openForm(recordID: "SOL-2026-0006", actionName: "add-line", prefill: ["text": "Paper towels, 東京 style 👍"])
        }
    }

    @Test func commandPalette() {
        check("palette") { press(&$0, .character(":")) }
    }

    @Test func help() {
        check("help") { press(&$0, .character("3"), .character("?")) }
    }

    @Test func identityDialogOnFirstLaunch() {
        for (width, height) in Self.sizes {
            let state = Fixtures.state(width: width, height: height, officer: nil)
            assertSnapshot(of: View.render(state, theme: .monochrome).text, as: .lines, named: "identity-\(width)x\(height)")
        }
    }

    @Test func tooSmallTerminalSaysSo() {
        let state = Fixtures.state(width: 40, height: 10)
        let text = View.render(state, theme: .monochrome).text
        #expect(text.contains("needs at least 60×16"))
    }

    @Test func noEscapeCharacterReachesTheGrid() {
        var state = Fixtures.state(width: 120, height: 40)
        press(&state, .character("5"))
        let grid = View.render(state, theme: .color)
        #expect(!grid.cells.contains { $0.grapheme.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } })
        #expect(grid.text.contains("Evil0;PWNEDCity") || grid.text.contains("EvilCity"))
    }

    @Test func monochromeThemeUsesNoColour() {
        var state = Fixtures.state(width: 120, height: 40)
        press(&state, .character("3"), .enter)
        let grid = View.render(state, theme: .monochrome)
        #expect(grid.cells.allSatisfy { $0.style.foreground == .default && $0.style.background == .default })
    }
}
