import CobuyCore
import CobuyTerminal
import Testing
@testable import CobuyUI

/// Help uses the box's width and scrolls; the hint bar keeps `?` and the acting party at
/// every supported size.
@Suite struct HelpAndHintBarTests {
    func press(_ state: inout AppState, _ keys: Key...) {
        for key in keys { _ = state.update(.key(key)) }
    }

    func hintBar(_ state: AppState) -> String {
        View.render(state, theme: .monochrome).textLines().last ?? ""
    }

    @Test func helpShowsWholeDescriptionsInAWideBox() {
        var state = Fixtures.state(width: 120, height: 40)
        press(&state, .character("?"))
        let screen = View.render(state, theme: .monochrome).text
        #expect(screen.contains("Sync with the other members (a shared store)"))
        #expect(screen.contains("Read in full: the message, Next and the highlighted action"))
    }

    @Test func helpWrapsLongDescriptionsAndScrollsWithAMoreSign() {
        var state = Fixtures.state(width: 60, height: 16)
        press(&state, .character("3"), .character("?"))
        let first = View.render(state, theme: .monochrome).text
        #expect(first.contains("more ─"), "the bottom border says how much waits below")
        #expect(!first.contains("Sync with the other"))
        let lines = HelpView.lines(for: state, width: 52)
        #expect(lines.contains { $0.label.isEmpty }, "a long description continues on a line of its own")
        #expect(lines.allSatisfy { DisplayWidth.of($0.text) <= 52 - HelpView.labelWidth - 1 })
        press(&state, .end)
        #expect(state.modal == .help, "End scrolls; it does not close help")
        let last = View.render(state, theme: .monochrome).text
        #expect(last.contains("Go to any record by its id"))
        press(&state, .character("x"))
        #expect(state.modal == nil, "any other key closes help")
    }

    @Test func helpThatFitsClosesOnAnyKey() {
        var state = Fixtures.state(width: 120, height: 40)
        press(&state, .character("?"), .character("j"))
        #expect(state.modal == nil)
    }

    @Test func theHintBarKeepsHelpAndTheActingPartyAtSmallSizes() {
        for (width, height) in [(60, 16), (80, 24)] {
            var state = Fixtures.state(width: width, height: height)
            #expect(hintBar(state).contains("? help"), "dashboard \(width)×\(height)")
            #expect(hintBar(state).contains("city-of-salem"), "the party in full, the name dropped")
            state.opened = RecordView(id: "SOL-2026-0005")
            #expect(hintBar(state).contains("? help"), "record \(width)×\(height)")
            press(&state, .character("3"))
            #expect(hintBar(state).contains("? help"), "list \(width)×\(height)")
        }
        let wide = Fixtures.state(width: 120, height: 40)
        #expect(View.render(wide, theme: .monochrome).textLines().first?.contains("Ana Ruiz for city-of-salem") == true)
    }

    @Test func editIsHintedOnlyWhereTheCoreAllowsIt() {
        var approved = Fixtures.state(width: 120, height: 40, officer: Officer(name: "Zoë Chen", party: "salem-keizer-sd"))
        approved.opened = RecordView(id: "PA-2026-0003")
        #expect(!hintBar(approved).contains("e edit"))
        var draft = Fixtures.state(width: 120, height: 40, officer: Officer(name: "Søren Olsen", party: "marion-county"))
        draft.opened = RecordView(id: "PA-2025-0001")
        #expect(hintBar(draft).contains("e edit"))
    }

    @Test func theExportsFolderQuestionHintsYesAndNo() {
        var state = Fixtures.state(width: 120, height: 40)
        state.modal = .export(ExportPrompt(addendumID: "PA-2026-0003", participant: "salem-keizer-sd", folder: "~/Documents"))
        #expect(hintBar(state).contains("Enter write"))
        _ = state.update(.exportFolderMissing("~/Documents/new"))
        #expect(hintBar(state).contains("y yes") && hintBar(state).contains("n/Esc no"))
        #expect(!hintBar(state).contains("Enter write"))
    }
}
