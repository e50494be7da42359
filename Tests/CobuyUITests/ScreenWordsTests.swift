import CobuyCore
import CobuyTerminal
import Testing
@testable import CobuyUI

/// The core words refusals for the command line; the UI says them as steps on screen.
@Suite struct ScreenWordsTests {
    @Test func commandLineStepsBecomeKeys() {
        #expect(ScreenWords.onScreen("Only an unsigned side may sign. Act with --for salem-keizer-sd.")
            == "Only an unsigned side may sign. Press o to act for salem-keizer-sd.")
        #expect(ScreenWords.onScreen("The draft lacks scope (--scope), a contact (--contact). Fill it with edit.")
            == "The draft lacks scope, a contact. Fill it in with e (edit).")
        #expect(ScreenWords.onScreen("The lead must invite it first (invite --party king-county).")
            == "The lead must invite it first (invite king-county).")
        #expect(ScreenWords.onScreen("Set them with set-tender --number N --date YYYY-MM-DD.") == "Set them with set-tender.")
        #expect(ScreenWords.onScreen("Create it with cobuy new party.") == "Create it with n on the Parties tab (5).")
        #expect(ScreenWords.onScreen("A reason is required. Give --reason with some text.") == "A reason is required. Fill in reason.")
        #expect(ScreenWords.onScreen("Nothing to change here.") == "Nothing to change here.")
    }

    @Test func aMissingFieldIsNamedAsTheFormShowsIt() throws {
        let spec = try #require(RecordActions.specs(for: .solicitation).first { $0.name == "sign-agreement" })
        let signer = try #require(spec.parameters.first { $0.flag == "signer" })
        #expect(ScreenWords.required(signer) == "Who signs is required.")
        var state = Fixtures.state(width: 100, height: 30, officer: Officer(name: "Pat Lee", party: "marion-county"))
        state.opened = RecordView(id: "SOL-2026-0005")
        _ = state.openForm(recordID: "SOL-2026-0005", actionName: "sign-agreement", prefill: [:])
        _ = state.update(.key(.tab))
        _ = state.update(.key(.ctrl("u")))
        _ = state.update(.key(.enter))
        guard case .form(let form)? = state.modal else { Issue.record("the form stays open"); return }
        #expect(form.error == "Who signs is required.")
    }

    @Test func aFormsFieldHelpHasNoMetavariable() {
        var state = Fixtures.state(width: 120, height: 40)
        state.opened = RecordView(id: "SOL-2026-0005")
        _ = state.openForm(recordID: "SOL-2026-0005", actionName: "pledge", prefill: [:])
        let screen = View.render(state, theme: .monochrome).text
        #expect(screen.contains("Your estimated spend"))
        #expect(!screen.contains("(AMOUNT)") && !screen.contains("(P)"))
    }
}
