import CobuyCore
import Testing
@testable import CobuyUI

/// What a form starts with, and what Enter fills in for the officer.
@Suite struct FormPrefillTests {
    /// SOL-2026-0005 opened (forming, led by Marion County, which has joined and not signed;
    /// the City of Salem has signed); Ana Ruiz acts for the City of Salem unless told otherwise.
    static func formingState(officer: Officer = Fixtures.salem) -> AppState {
        var state = Fixtures.state(width: 100, height: 30, officer: officer)
        state.opened = RecordView(id: "SOL-2026-0005")
        return state
    }

    @Test func thePledgeFormStartsWithTheActingParty() throws {
        var state = Self.formingState()
        _ = state.openForm(recordID: "SOL-2026-0005", actionName: "pledge", prefill: [:])
        guard case .form(let form)? = state.modal else { Issue.record("pledge opens a form"); return }
        #expect(form.fields.first { $0.parameter.flag == "party" }?.input.text == "city-of-salem")
    }

    @Test func signingTheAgreementStartsWithTheOfficerAsSigner() throws {
        var state = Self.formingState(officer: Officer(name: "Pat Lee", party: "marion-county"))
        _ = state.openForm(recordID: "SOL-2026-0005", actionName: "sign-agreement", prefill: [:])
        guard case .form(let form)? = state.modal else { Issue.record("sign-agreement opens a form"); return }
        #expect(form.fields.first { $0.parameter.flag == "party" }?.input.text == "marion-county")
        #expect(form.fields.first { $0.parameter.flag == "signer" }?.input.text == "Pat Lee")
    }

    @Test func enterTakesTheOnlyPossiblePickOfAnEmptyRequiredField() throws {
        let spec = try #require(RecordActions.specs(for: .solicitation).first { $0.name == "score" })
        var form = ActionForm(recordID: "SOL-2026-0002", spec: spec,
                              picks: ["proposal": [Pick(id: "P-1", label: "Cascade IT Solutions")],
                                      "criterion": [Pick(id: "Price", label: "weight 60"), Pick(id: "Technical fit", label: "weight 40")]])
        form.takeBestPicks()
        #expect(form.fields.first { $0.parameter.flag == "proposal" }?.input.text == "P-1")
        #expect(form.fields.first { $0.parameter.flag == "criterion" }?.input.text == "", "two criteria: the officer chooses")
        #expect(form.missingRequired?.flag == "criterion")
    }

    @Test func aWholeWordOfANameTakesThatBodyOverAnIdStartingWithIt() throws {
        // Acting for the City of Portland, lead of the draft SOL-2026-0006: "salem" is the City
        // of Salem, not salem-keizer-sd (whose id only starts with it).
        var state = Fixtures.state(width: 100, height: 30, officer: Officer(name: "Marcus Hill", party: "city-of-portland"))
        state.opened = RecordView(id: "SOL-2026-0006")
        _ = state.openForm(recordID: "SOL-2026-0006", actionName: "invite", prefill: [:])
        for character in "salem" { _ = state.update(.key(.character(character))) }
        guard case .form(let form)? = state.modal else { Issue.record("invite opens a form"); return }
        #expect(form.suggestions().map(\.id).prefix(2) == ["city-of-salem", "salem-keizer-sd"])
        let effects = state.update(.key(.enter))
        #expect(effects.count == 1)
        guard case let .perform(_, action, arguments, _)? = effects.first else { Issue.record("Enter invites"); return }
        #expect(action == "invite" && arguments["party"] == "city-of-salem")
    }
}
