import CobuyCore
import CobuyTerminal
import Testing
@testable import CobuyUI

/// `o`: Enter in the name says what comes next; the name follows the highlighted party
/// until the officer types one. Last names written here from the sample store's audit trails.
@Suite struct IdentityDialogTests {
    func press(_ state: inout AppState, _ keys: Key...) {
        for key in keys { _ = state.update(.key(key)) }
    }

    func form(_ state: AppState) -> IdentityForm? {
        if case .identity(let form)? = state.modal { return form }
        return nil
    }

    @Test func enterInTheNameFieldMovesOnToThePartyAndSaysSo() {
        var state = Fixtures.state(width: 100, height: 30, officer: nil)
        for character in "Pat" { press(&state, .character(character)) }
        press(&state, .enter)
        #expect(form(state)?.focus == 1)
        #expect(state.message?.text.contains("choose the party") == true)
        #expect(View.render(state, theme: .monochrome).text.contains("choose the party"))
    }

    @Test func theNameFollowsTheHighlightedPartyUntilOneIsTyped() throws {
        var state = Fixtures.state(width: 100, height: 30)
        press(&state, .character("o"))
        #expect(form(state)?.name.text == "Ana Ruiz")
        for character in "keizer" { press(&state, .character(character)) }
        #expect(form(state)?.highlighted?.id == "salem-keizer-sd")
        #expect(form(state)?.name.text == "Zoë Chen", "the school district's last officer")
        press(&state, .ctrl("u"))
        for character in "portland" { press(&state, .character(character)) }
        #expect(form(state)?.name.text == "Marcus Hill")
    }

    @Test func aTypedNameStays() {
        var state = Fixtures.state(width: 100, height: 30)
        press(&state, .character("o"), .tab, .ctrl("u"))
        for character in "Lee Park" { press(&state, .character(character)) }
        press(&state, .tab)
        for character in "keizer" { press(&state, .character(character)) }
        #expect(form(state)?.name.text == "Lee Park")
    }

    @Test func aPartyNobodyActedForKeepsTheName() {
        var state = Fixtures.state(width: 100, height: 30)
        press(&state, .character("o"))
        for character in "tokyo-metr" { press(&state, .character(character)) }
        let before = form(state)?.name.text
        press(&state, .character("o"))
        #expect(form(state)?.highlighted?.id == "tokyo-metro")
        #expect(form(state)?.name.text == before)
    }
}

extension IdentityDialogTests {
    @Test func theFilterMatchesAsEveryPickerDoes() {
        let parties = [Party(id: "city-of-espanola", name: "City of Española", kind: .city, region: .unitedStates),
                       Party(id: "marion-county", name: "Marion County", kind: .county, region: .unitedStates),
                       Party(id: "warm-springs", name: "Confederated Tribes of Warm Springs", kind: .tribal, region: .unitedStates)]
        var form = IdentityForm(parties: parties, name: "Pat Doe", current: "city-of-espanola", lastNames: ["city-of-espanola": "Mateo"])
        for character in "mrn" { form.filter.apply(.insert(String(character))) }
        #expect(form.visibleParties.first?.id == "marion-county")
        form.filter = TextField("zzzz")
        form.select(0)
        #expect(form.visibleParties.isEmpty)
        #expect(form.name.text == "Pat Doe", "no party listed: the name stays as it was")
    }
}

extension UpdateEffectTests {
    @Test func aParagraphPastedIntoGoToMatchesNothingAtOnce() throws {
        var picker = RecordPicker(picks: [Pick(id: "SOL-2026-0001", label: "Road salt")])
        for character in String(repeating: "The City of Salem requires road salt. ", count: 8) { picker.edit(.insert(String(character))) }
        #expect(picker.matches.isEmpty)
    }
}
