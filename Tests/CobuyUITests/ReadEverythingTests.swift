import CobuyCore
import CobuyTerminal
import Foundation
import Testing
@testable import CobuyUI

/// Nothing is cut without a sign and a way to read it whole: long fields scroll with their
/// cursor, `v` reads what a line cut, Enter on a refused action reads its reason, and
/// `$EDITOR` writes long text into a form.
@Suite struct ReadEverythingTests {
    // MARK: Long fields

    @Test func aShortFieldShowsWholeWithoutMarks() {
        let window = TextField("Rock salt").window(width: 20)
        #expect(window == FieldWindow(text: "Rock salt", cursorColumn: 9, hiddenBefore: false, hiddenAfter: false))
    }

    @Test func aLongFieldKeepsTheCursorAtTheEndInViewAndMarksWhatIsHiddenBefore() {
        let field = TextField("Deliver to the county yard at 4400 Portland Road NE, Salem")
        let window = field.window(width: 20)
        #expect(window.hiddenBefore && !window.hiddenAfter)
        #expect(window.text.hasPrefix("‹") && window.text.hasSuffix("Salem"))
        #expect(window.cursorColumn < 20, "the cursor has a cell of its own inside the field")
        #expect(DisplayWidth.of(window.text) < 20)
    }

    @Test func movingToTheStartShowsTheBeginningAndMarksWhatIsHiddenAfter() {
        var field = TextField("Deliver to the county yard at 4400 Portland Road NE, Salem")
        field.apply(.home)
        let window = field.window(width: 20)
        #expect(!window.hiddenBefore && window.hiddenAfter)
        #expect(window.text.hasPrefix("Deliver") && window.text.hasSuffix("›"))
        #expect(window.cursorColumn == 0)
        #expect(DisplayWidth.of(window.text) <= 20)
    }

    @Test func aCursorInTheMiddleOfALongFieldIsInViewWithMarksOnBothSides() {
        var field = TextField(String(repeating: "abcdefghij", count: 10))
        for _ in 0..<50 { field.apply(.left) }
        let window = field.window(width: 24)
        #expect(window.hiddenBefore && window.hiddenAfter)
        #expect(window.cursorColumn > 0 && window.cursorColumn < 23)
        #expect(DisplayWidth.of(window.text) <= 24)
        // The character under the cursor is the one the field's cursor is on.
        let shown = Array(window.text)
        #expect(shown[window.cursorColumn] == field.characters[field.cursor])
    }

    @Test func wideCharactersAreNeverSplitAndLineBreaksShowAsAMark() {
        let window = TextField("東京都庁舎の清掃用品、年間契約").window(width: 11)
        #expect(DisplayWidth.of(window.text) <= 11)
        #expect(window.hiddenBefore)
        #expect(TextField("first\nsecond").window(width: 40).text == "first↵second")
    }

    // MARK: Reading in full

    @Test func enterOnARefusedActionReadsTheWholeReasonAndWhatWouldUnblockIt() throws {
        var state = Fixtures.state(width: 60, height: 16)
        state.opened = RecordView(id: "SOL-2026-0003")
        let actions = state.availableActions(for: "SOL-2026-0003")
        let index = try #require(actions.firstIndex { $0.spec.name == "close" })
        state.opened?.selectedAction = index
        #expect(state.update(.key(.enter)).isEmpty)
        guard case .reader(let reader)? = state.modal else { Issue.record("expected the reason in full"); return }
        let refusal = try #require(actions[index].refusal)
        // In the UI's words: "Press o to act for …" where the core says "Act with --for …".
        #expect(reader.text.contains(ScreenWords.onScreen(refusal.reason)))
        #expect(refusal.remedy.isEmpty || reader.text.contains("What would unblock it: \(ScreenWords.onScreen(refusal.remedy))"))
        #expect(!reader.text.contains("--"))
        #expect(reader.text.contains("Cannot be undone: \(actions[index].spec.consequence ?? "-")"))
        _ = state.update(.key(.escape))
        #expect(state.modal == nil)
    }

    @Test func aRefusedActionChosenFromThePaletteReadsInFullToo() {
        var state = Fixtures.state(width: 80, height: 24)
        state.opened = RecordView(id: "SOL-2026-0003")
        #expect(state.openForm(recordID: "SOL-2026-0003", actionName: "cancel", prefill: [:]).isEmpty)
        guard case .reader(let reader)? = state.modal else { Issue.record("expected the reason in full"); return }
        #expect(reader.title == "cancel — SOL-2026-0003")
        #expect(reader.text.contains("Refused (role)") && reader.text.contains("What would unblock it: Press o to act for salem-keizer-sd."))
        #expect(state.message?.kind == .error)
    }

    @Test func vReadsTheMessageAndTheNextStepWholeAndScrolls() {
        var state = Fixtures.state(width: 60, height: 16)
        state.opened = RecordView(id: "SOL-2026-0003")
        let long = "close refused: " + String(repeating: "The closing date has not passed and this sentence goes on. ", count: 4)
        state.message = .error(long)
        let grid = View.render(state, theme: .monochrome)
        let messageRow = grid.text.split(separator: "\n", omittingEmptySubsequences: false)[14]
        #expect(messageRow.hasSuffix("(v: all)"), "a cut message says how to read it")
        _ = state.update(.key(.character("v")))
        guard case .reader(let reader)? = state.modal else { Issue.record("v should open the reader"); return }
        #expect(reader.sections.map(\.title).prefix(2) == ["Message", "Next"])
        #expect(reader.text.contains(long))
        _ = state.update(.key(.character("j")))
        guard case .reader(let scrolled)? = state.modal else { Issue.record("j keeps the reader"); return }
        #expect(scrolled.scroll == 1)
        _ = state.update(.key(.character("v")))
        #expect(state.modal == nil)
    }

    @Test func theReaderAndTheEditorKeyAreInTheKeyTable() {
        #expect(KeyTable.bindings(for: .form).contains { $0.label == "Ctrl-O" && $0.hint == "editor" && $0.command == .externalEditor })
        #expect(KeyTable.bindings(for: .reader).contains { $0.hint == "close" && $0.keys.contains(.escape) })
        for screen in [KeyTable.Screen.dashboard, .list(contracts: true), .record(contract: false, addendum: true)] {
            #expect(KeyTable.command(for: .character("v"), on: screen) == .readInFull)
        }
        var state = Fixtures.state(width: 80, height: 24)
        _ = state.update(.key(.character("v")))
        #expect(StatusLines.hints(for: state).contains { $0.hint == "close" })
    }

    @Test func scrollingPastTheEndStopsThereSoOneKeyUpMovesAtOnce() {
        for (width, height) in [(60, 16), (120, 40)] {
            var state = Fixtures.state(width: width, height: height)
            state.opened = RecordView(id: "SOL-2025-0001")
            state.opened?.pane = .history
            for _ in 0..<200 { _ = state.update(.key(.character("j"))) }
            let end = View.render(state, theme: .monochrome).text
            // One pane at a time at 60 columns; side by side at 120, where the actions have their own marks.
            #expect(width > 60 || !end.contains("↓"), "at the end nothing waits below (\(width)×\(height))")
            #expect(end.contains("↑"), "and the lines above are marked (\(width)×\(height))")
            _ = state.update(.key(.character("k")))
            #expect(View.render(state, theme: .monochrome).text.contains("↓ 1 more"), "one k shows one line more (\(width)×\(height))")
            state.opened?.pane = .details
            for _ in 0..<200 { _ = state.update(.key(.character("j"))) }
            let details = state.opened?.detailScroll ?? -1
            _ = state.update(.key(.character("k")))
            #expect(state.opened?.detailScroll == max(0, details - 1))
        }
    }

    @Test func helpScrollsWhenTheKeysDoNotAllFitAndAnyOtherKeyCloses() {
        var state = Fixtures.state(width: 60, height: 16)
        state.opened = RecordView(id: "SOL-2026-0003")
        _ = state.update(.key(.character("?")))
        let first = View.render(state, theme: .monochrome).text
        #expect(first.contains("↓") && first.contains("more"), "the box says more keys wait below")
        #expect(!first.contains("Read in full"))
        for _ in 0..<60 { _ = state.update(.key(.character("j"))) }
        #expect(state.modal == .help)
        let last = View.render(state, theme: .monochrome).text
        #expect(last.contains("Read in full"), "the last key of the table is reached")
        #expect(StatusLines.hints(for: state).map(\.hint) == ["scroll", "close help"])
        _ = state.update(.key(.character("x")))
        #expect(state.modal == nil)
    }

    @Test func thePartiesListShowsWholeIds() {
        var state = Fixtures.state(width: 60, height: 16)
        _ = state.update(.key(.character("5")))
        let text = View.render(state, theme: .monochrome).text
        #expect(text.contains(" evergreen-equipment "))
        #expect(text.contains(" coldwater-chemical "))
    }

    // MARK: $EDITOR

    /// The addendum PA-2025-0001 (a draft) with its edit form open, as its participant.
    static func editForm() -> AppState {
        var state = Fixtures.state(width: 80, height: 24, officer: Officer(name: "Søren Olsen", party: "marion-county"))
        state.opened = RecordView(id: "PA-2025-0001")
        _ = state.update(.key(.character("e")))
        return state
    }

    @Test func ctrlOAsksTheRuntimeToEditTheFocusedTextFieldAndTheTextComesBack() throws {
        var state = Self.editForm()
        guard case .form(let form)? = state.modal else { Issue.record("e should open the edit form"); return }
        #expect(form.fields[form.focus].parameter.flag == "scope")
        let before = form.fields[form.focus].input.text
        #expect(state.update(.key(.ctrl("o"))) == [.editExternally(text: before)])
        #expect(state.update(.editedExternally("Patrol sedans\nand their upfitting")).isEmpty)
        guard case .form(let edited)? = state.modal else { Issue.record("the form stays open"); return }
        #expect(edited.fields[edited.focus].input.text == "Patrol sedans\nand their upfitting")
        #expect(edited.arguments["scope"] == "Patrol sedans\nand their upfitting")
        #expect(state.message?.text.contains("2 lines") == true)
    }

    @Test func ctrlOOnAFieldThatTakesAShortValueSaysSoAndRunsNothing() throws {
        var state = Self.editForm()
        guard case .form(let form)? = state.modal else { Issue.record("e should open the edit form"); return }
        let spend = try #require(form.fields.firstIndex { $0.parameter.flag == "spend" })
        for _ in 0..<spend { _ = state.update(.key(.tab)) }
        #expect(state.update(.key(.function(2))).isEmpty)
        guard case .form(let refused)? = state.modal else { Issue.record("the form stays open"); return }
        #expect(refused.error?.contains("$EDITOR") == true)
    }

    @Test func theEditorIsEditorElseVisualElseViOnThePath() {
        let path = ["PATH": "/opt/bin:/usr/bin"]
        let vi: (String) -> Bool = { $0 == "/usr/bin/vi" }
        #expect(ExternalEditor.command(environment: path.merging(["EDITOR": "nano -w", "VISUAL": "code"]) { $1 }, isExecutable: vi) == "nano -w")
        #expect(ExternalEditor.command(environment: path.merging(["EDITOR": " ", "VISUAL": "code --wait"]) { $1 }, isExecutable: vi) == "code --wait")
        #expect(ExternalEditor.command(environment: path, isExecutable: vi) == "/usr/bin/vi")
        #expect(ExternalEditor.command(environment: path, isExecutable: { $0 == "/opt/bin/nano" }) == "/opt/bin/nano")
        #expect(ExternalEditor.command(environment: path, isExecutable: { _ in false }) == nil)
        #expect(ExternalEditor.Failure.noEditor.description.contains("$EDITOR"))
    }

    @Test func anEditorScriptRoundTripsTheTextThroughATemporaryFile() throws {
        let folder = NSTemporaryDirectory() + "cobuy-editor-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = folder + "/edit.sh"
        try "#!/bin/sh\nprintf 'Scope: %s\\r\\nsecond line\\n\\n' \"$(cat \"$1\")\" > \"$1\"\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        #expect(try ExternalEditor.edit("Fleet sedans", command: script) == "Scope: Fleet sedans\nsecond line")
        #expect(throws: ExternalEditor.Failure.self) { try ExternalEditor.edit("x", command: "false") }
    }

    // MARK: Irreversible actions ask first

    @Test func everyIrreversibleActionAsksNamingTheRecordAndTheConsequenceAndNoOtherDoes() {
        let specs = SolicitationMachine.specs + ContractMachine.specs + AddendumMachine.specs
        #expect(specs.contains(where: \.isIrreversible) && specs.contains { !$0.isIrreversible })
        for spec in specs {
            let question = Confirmation.beforeIrreversible(spec, on: "SOL-2026-0042", titled: "Road salt",
                                                           arguments: ActionArguments(["reason": "Budget cut"]), effect: .reload)
            if let consequence = spec.consequence {
                #expect(question?.question.contains("SOL-2026-0042 “Road salt”") == true, "\(spec.name)")
                #expect(question?.question.contains(consequence) == true, "\(spec.name)")
                #expect(question?.question.contains("cannot be undone") == true, "\(spec.name)")
            } else {
                #expect(question == nil, "\(spec.name) can be undone and must not ask")
            }
        }
    }

    @Test func aLongInputIsQuotedShortSoTheQuestionStaysOnScreen() throws {
        let spec = try #require(SolicitationMachine.specs.first { $0.name == "cancel" })
        let reason = "The board moved the budget\n" + String(repeating: "and explained why at length. ", count: 20)
        let question = try #require(Confirmation.beforeIrreversible(spec, on: "SOL-2026-0042", titled: nil,
                                                                    arguments: ActionArguments(["reason": reason]), effect: .reload))
        #expect(question.question.contains("(reason The board moved the budget ↵ and explained"))
        #expect(question.question.count < 60 + 200)
        #expect(question.question.contains("…)?"))
    }

    @Test func theWheelScrollsTheReader() {
        var state = Fixtures.state(width: 60, height: 16)
        state.opened = RecordView(id: "SOL-2026-0003")
        _ = state.update(.key(.character("v")))
        _ = state.update(.mouse(MouseEvent(kind: .wheelDown, x: 10, y: 5)))
        guard case .reader(let reader)? = state.modal else { Issue.record("the reader stays open"); return }
        #expect(reader.scroll == 3)
    }

    /// A draft led by the City of Salem with one line and Birch County invited.
    static func draftState() throws -> AppState {
        let oregon = try #require(RegionCode("US-OR"))
        var solicitation = JointSolicitation(id: "SOL-2026-0001", title: "Road salt", leadParty: "city-of-salem",
                                             partners: [Partner(party: "city-of-salem", status: .joined),
                                                        Partner(party: "birch-county", status: .invited)])
        solicitation.lines = [RequirementLine(number: 1, text: "Rock salt", quantity: 100, unit: "ton")]
        let snapshot = StoreSnapshot(records: [
            .party(Party(id: "city-of-salem", name: "City of Salem", kind: .city, region: oregon)),
            .party(Party(id: "birch-county", name: "Birch County", kind: .county, region: oregon)),
            .solicitation(solicitation),
        ], problems: [], today: Fixtures.now.date)
        var state = AppState(snapshot: snapshot, now: Fixtures.now, officer: Fixtures.salem, storeName: "memory", width: 100, height: 30)
        state.message = nil
        state.opened = RecordView(id: "SOL-2026-0001")
        return state
    }

    @Test func correctionsInADraftRunAtOnce() throws {
        var state = try Self.draftState()
        #expect(state.openForm(recordID: "SOL-2026-0001", actionName: "edit-line", prefill: ["line": "1", "quantity": "120"]).isEmpty)
        let edit = state.update(.key(.enter))
        #expect(edit == [.perform(recordID: "SOL-2026-0001", action: "edit-line", arguments: ActionArguments(["line": "1", "quantity": "120"]),
                                  revision: 0)])
        state.modal = nil
        #expect(state.openForm(recordID: "SOL-2026-0001", actionName: "withdraw-invitation", prefill: ["party": "birch-county"]).isEmpty)
        #expect(state.update(.key(.enter)).count == 1, "withdrawing an invitation can be undone by inviting again: no question")
        if case .confirm? = state.modal { Issue.record("a reversible action asked") }
    }

    @Test func removingALineAsksAndNGoesBackToTheFormAsTyped() throws {
        var state = try Self.draftState()
        #expect(state.openForm(recordID: "SOL-2026-0001", actionName: "remove-line", prefill: [:]).isEmpty)
        _ = state.update(.key(.character("1")))
        guard case .form(let typed)? = state.modal else { Issue.record("remove-line opens a form"); return }
        #expect(state.update(.key(.enter)).isEmpty, "asks first")
        guard case .confirm(let confirmation)? = state.modal else { Issue.record("expected a confirmation"); return }
        #expect(confirmation.question.contains("SOL-2026-0001 “Road salt” (line 1)"))
        #expect(confirmation.question.contains("every partner's quantity on it"))
        #expect(state.update(.key(.character("n"))).isEmpty)
        #expect(state.modal == .form(typed))
        _ = state.update(.key(.enter))
        #expect(state.update(.key(.enter)) == [confirmation.effect], "Enter confirms like y")
    }

    @Test func anActionWithoutInputsAsksAndEscWritesNothing() throws {
        var state = try Self.draftState()
        let actions = state.availableActions(for: "SOL-2026-0001")
        state.opened?.selectedAction = try #require(actions.firstIndex { $0.spec.name == "circulate" && $0.isAllowed })
        #expect(state.update(.key(.enter)).isEmpty)
        guard case .confirm(let confirmation)? = state.modal else { Issue.record("circulate asks first"); return }
        #expect(confirmation.question.contains("requirement lines can no longer be added"))
        #expect(state.update(.key(.escape)).isEmpty)
        #expect(state.modal == nil)
        #expect(state.message?.text == "Nothing was changed.")
    }
}
