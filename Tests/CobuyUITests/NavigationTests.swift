import CobuyCore
import CobuyTerminal
import Testing
@testable import CobuyUI

/// Following links, going back with Esc, jumping to a record by id, and "My work" opening on
/// the step to take: `update` driven by keys on the sample store.
@Suite struct NavigationTests {
    func press(_ state: inout AppState, _ keys: Key...) {
        for key in keys { _ = state.update(.key(key)) }
    }

    func type(_ state: inout AppState, _ text: String) {
        for character in text { _ = state.update(.key(.character(character))) }
    }

    func goTo(_ state: inout AppState, _ text: String) {
        press(&state, .character("#"))
        type(&state, text)
        press(&state, .enter)
    }

    @Test func historyIsBoundedAndSkipsARepeatedPlace() {
        var history = NavigationHistory()
        let place = Place(tab: .contracts, opened: RecordView(id: "CON-2025-0001"), dashboardSelection: 0)
        history.push(place)
        history.push(place)
        #expect(history.places.count == 1)
        for index in 0..<(NavigationHistory.limit + 10) {
            history.push(Place(tab: .dashboard, opened: nil, dashboardSelection: index))
        }
        #expect(history.places.count == NavigationHistory.limit)
        #expect(history.pop()?.dashboardSelection == NavigationHistory.limit + 9)
        history.clear()
        #expect(history.pop() == nil)
    }

    @Test func awardToContractToAddendumAndEscBackKeepsEachPlace() throws {
        var state = Fixtures.state(width: 120, height: 40)
        press(&state, .character("3"), .character("j"))
        let listSelection = state.lists[.contract]?.selected
        goTo(&state, "SOL-2025-0001")
        #expect(state.opened?.id == "SOL-2025-0001")
        #expect(state.tab == .solicitations)
        press(&state, .character("l"))
        #expect(state.opened?.pane == .links)
        #expect(state.links(of: "SOL-2025-0001").first?.id == "CON-2025-0001")
        press(&state, .enter)
        #expect(state.opened?.id == "CON-2025-0001")
        #expect(state.tab == .contracts)
        let links = state.links(of: "CON-2025-0001").map(\.id)
        let addendum = try #require(links.firstIndex(of: "PA-2025-0002"))
        for _ in 0..<addendum { press(&state, .character("j")) }
        press(&state, .enter)
        #expect(state.opened?.id == "PA-2025-0002")
        #expect(state.tab == .addenda)

        press(&state, .escape)
        #expect(state.opened?.id == "CON-2025-0001")
        #expect(state.opened?.pane == .links)
        #expect(state.opened?.selectedLink == addendum)
        #expect(state.tab == .contracts)
        press(&state, .escape)
        #expect(state.opened?.id == "SOL-2025-0001")
        #expect(state.tab == .solicitations)
        // Back to the contracts list the jump started from, its selection kept.
        press(&state, .escape)
        #expect(state.opened == nil)
        #expect(state.tab == .contracts)
        #expect(state.lists[.contract]?.selected == listSelection)
    }

    @Test func choosingATabByHandForgetsTheWayBack() {
        var state = Fixtures.state(width: 120, height: 40)
        goTo(&state, "CON-2025-0001")
        #expect(!state.navigation.isEmpty)
        press(&state, .character("2"))
        #expect(state.navigation.isEmpty)
    }

    @Test func escWithoutHistoryStillClosesTheRecord() {
        var state = Fixtures.state(width: 120, height: 40)
        press(&state, .character("2"), .enter)
        #expect(state.opened != nil)
        press(&state, .escape)
        #expect(state.opened == nil)
        #expect(state.tab == .solicitations)
    }

    @Test func theGoToPickerIgnoresAccentsAndCase() {
        var state = Fixtures.state(width: 120, height: 40)
        press(&state, .character("#"))
        type(&state, "ESPANOLA")
        guard case .goTo(let picker)? = state.modal else {
            Issue.record("no picker")
            return
        }
        #expect(picker.matches.first?.id == "city-of-espanola")
        press(&state, .enter)
        #expect(state.opened?.id == "city-of-espanola")
        #expect(state.tab == .parties)
    }

    @Test func theGoToPickerSaysWhenNothingMatches() {
        var state = Fixtures.state(width: 120, height: 40)
        goTo(&state, "zzzzqqq")
        #expect(state.opened == nil)
        #expect(state.message?.kind == .error)
        #expect(state.modal != nil)
        press(&state, .escape)
        #expect(state.modal == nil)
    }

    @Test func thePaletteOpensTheGoToPicker() {
        var state = Fixtures.state(width: 120, height: 40)
        press(&state, .character(":"))
        type(&state, "go to record")
        press(&state, .enter)
        guard case .goTo? = state.modal else {
            Issue.record("expected the go-to picker")
            return
        }
    }

    @Test func myWorkComesFirstAndOpensOnTheStep() throws {
        var state = Fixtures.state(width: 120, height: 40)
        // The City of Salem leads CON-2026-0001, awarded and not yet signed.
        let first = try #require(state.myWork.first)
        #expect(first.recordID == "CON-2026-0001")
        #expect(first.action == "sign")
        #expect(state.dashboardEntries.first?.id == "CON-2026-0001")
        press(&state, .enter)
        let view = try #require(state.opened)
        #expect(view.id == "CON-2026-0001")
        #expect(view.pane == .actions)
        #expect(state.availableActions(for: view.id)[view.selectedAction].spec.name == "sign")
    }

    @Test func myWorkFollowsTheActingParty() {
        var state = Fixtures.state(width: 120, height: 40)
        _ = state.update(.officerSaved(Officer(name: "Kim Lee", party: "king-county")))
        // King County is invited to SOL-2026-0005, which is forming.
        #expect(state.myWork.map(\.recordID) == ["SOL-2026-0005"])
        #expect(state.myWork.first?.action == "join")
    }

    @Test func theNextLineIsTheActingPartysOwn() throws {
        var state = Fixtures.state(width: 120, height: 40)
        let record = try #require(state.snapshot.record("SOL-2026-0005"))
        // Salem has signed; Marion leads and King County is invited: Salem waits on King County.
        #expect(RecordScreen.nextStep(record, state: state) == "nothing for you; waiting on King County to join")
        _ = state.update(.officerSaved(Officer(name: "Kim Lee", party: "king-county")))
        #expect(RecordScreen.nextStep(record, state: state).hasPrefix("join — "))
    }

    @Test func theNewKeysAreInTheKeyTable() {
        let record = KeyTable.bindings(for: .record(contract: true, addendum: false))
        #expect(record.contains { $0.command == .links && $0.keys == [.character("l")] && !$0.hint.isEmpty })
        #expect(record.contains { $0.command == .goTo && $0.keys.contains(.character("#")) && !$0.hint.isEmpty })
        #expect(KeyTable.bindings(for: .dashboard).contains { $0.command == .goTo })
        #expect(KeyTable.bindings(for: .goTo).contains { $0.command == .open && $0.keys == [.enter] })
    }
}
