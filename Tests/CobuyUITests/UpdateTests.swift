import CobuyCore
import CobuyStore
import CobuyTerminal
import Foundation
import Testing
@testable import CobuyUI

/// Feeding key messages to the app walks real workflows against a store in a temporary folder.
@Suite struct UpdateTests {
    /// Moves the actions pane's selection to `name` with keys (g, then j as needed) and presses Enter.
    func take(_ name: String, in app: App) throws {
        let id = try #require(app.state.opened?.id)
        let index = try #require(app.state.availableActions(for: id).firstIndex { $0.spec.name == name })
        app.dispatch(.key(.character("g")))
        for _ in 0..<index { app.dispatch(.key(.character("j"))) }
        app.dispatch(.key(.enter))
    }

    /// Answers yes to the question an irreversible action asks first (and fails if none was asked).
    func confirm(in app: App) {
        guard case .confirm? = app.state.modal else { Issue.record("expected a confirmation"); return }
        app.dispatch(.key(.character("y")))
    }

    func type(_ text: String, in app: App) {
        for character in text { app.dispatch(.key(.character(character))) }
    }

    func status(_ id: String, in store: Store) throws -> String? {
        try store.load(id).record.statusName
    }

    @Test func keysWalkADraftSolicitationToFormed() throws {
        let (store, folder, id) = try Fixtures.draftStore()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let app = Fixtures.app(store: store, folder: folder, officer: Fixtures.salem)
        app.dispatch(.key(.character("2")))
        app.dispatch(.key(.enter))
        #expect(app.state.opened?.id == id)
        #expect(app.state.opened?.pane == .actions)

        try take("circulate", in: app)
        confirm(in: app)
        #expect(try status(id, in: store) == "forming")

        app.dispatch(.officerSaved(Officer(name: "Søren Olsen", party: "marion-county")))
        try take("join", in: app)
        guard case .form(let joinForm)? = app.state.modal else { Issue.record("join should open a form"); return }
        #expect(joinForm.fields.first?.input.text == "marion-county")
        app.dispatch(.key(.tab))
        type("30", in: app)
        app.dispatch(.key(.enter))
        #expect(app.state.modal == nil)
        try take("sign-agreement", in: app)
        app.dispatch(.key(.tab))
        type("Danielle Bethell", in: app)
        app.dispatch(.key(.enter))
        confirm(in: app)

        app.dispatch(.officerSaved(Fixtures.salem))
        try take("sign-agreement", in: app)
        app.dispatch(.key(.tab))
        type("Keith Stahley", in: app)
        app.dispatch(.key(.enter))
        confirm(in: app)
        try take("form", in: app)
        confirm(in: app)

        #expect(try status(id, in: store) == "formed")
        guard case .solicitation(let record) = try store.load(id) else { Issue.record("not a solicitation"); return }
        #expect(record.history.map(\.action) == ["create", "add-line", "invite", "circulate", "join", "sign-agreement", "sign-agreement", "form"])
        #expect(record.history.suffix(5).map(\.actor) == ["Ana Ruiz", "Søren Olsen", "Søren Olsen", "Ana Ruiz", "Ana Ruiz"])
        #expect(record.partner("marion-county")?.pledged(onLine: 1) == 30, "the form asks per requirement line")
        #expect(app.state.message?.kind == .success)
    }

    @Test func escCancelsAFormAndWritesNothing() throws {
        let (store, folder, id) = try Fixtures.draftStore()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = try DurableFile.read(store.path(of: .solicitation, id: id))
        let app = Fixtures.app(store: store, folder: folder, officer: Fixtures.salem)
        app.dispatch(.key(.character("2")))
        app.dispatch(.key(.enter))
        try take("add-line", in: app)
        type("Sand", in: app)
        guard case .form(let form)? = app.state.modal else { Issue.record("add-line should open a form"); return }
        #expect(form.isDirty)
        app.dispatch(.key(.escape))
        #expect(app.state.modal == .confirmDiscard(form), "Esc on a typed form asks first")
        app.dispatch(.key(.character("n")))
        #expect(app.state.modal == .form(form), "n goes back to the form as it was")
        app.dispatch(.key(.escape))
        app.dispatch(.key(.character("y")))
        #expect(app.state.modal == nil)
        #expect(app.state.message?.text.contains("Cancelled") == true)
        #expect(try DurableFile.read(store.path(of: .solicitation, id: id)) == before)
    }

    @Test func aBlockedActionIsRefusedWithItsReason() throws {
        let (store, folder, id) = try Fixtures.draftStore()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let app = Fixtures.app(store: store, folder: folder, officer: Fixtures.salem)
        app.dispatch(.key(.character("2")))
        app.dispatch(.key(.enter))
        try take("circulate", in: app)
        confirm(in: app)
        let before = try DurableFile.read(store.path(of: .solicitation, id: id))
        try take("form", in: app)
        // Enter on a refused action reads its whole reason and what would unblock it.
        guard case .reader(let reader)? = app.state.modal else { Issue.record("expected the reason in full"); return }
        #expect(reader.text.contains("has not signed") && reader.text.contains("What would unblock it: The lead signs"))
        app.dispatch(.key(.escape))
        #expect(app.state.modal == nil)
        #expect(app.state.message?.kind == .error)
        #expect(app.state.message?.text.contains("has not signed") == true)
        #expect(try DurableFile.read(store.path(of: .solicitation, id: id)) == before)
    }

    @Test func aRefusedInputKeepsTheFormOpenWithTheReason() throws {
        let (store, folder, _) = try Fixtures.draftStore()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let app = Fixtures.app(store: store, folder: folder, officer: Fixtures.salem)
        app.dispatch(.key(.character("2")))
        app.dispatch(.key(.enter))
        try take("add-line", in: app)
        type("Sand", in: app)
        app.dispatch(.key(.tab))
        type("0", in: app)
        app.dispatch(.key(.tab))
        type("ton", in: app)
        app.dispatch(.key(.enter))
        guard case .form(let form)? = app.state.modal else { Issue.record("the form should stay open"); return }
        #expect(form.error?.contains("more than 0") == true)
    }

    @Test func irreversibleActionsAskFirst() throws {
        let (store, folder, id) = try Fixtures.draftStore()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let app = Fixtures.app(store: store, folder: folder, officer: Fixtures.salem)
        app.dispatch(.key(.character("2")))
        app.dispatch(.key(.enter))
        try take("cancel", in: app)
        type("Budget withdrawn", in: app)
        app.dispatch(.key(.enter))
        guard case .confirm? = app.state.modal else { Issue.record("cancel should ask for confirmation"); return }
        app.dispatch(.key(.character("n")))
        #expect(try status(id, in: store) == "draft")
        try take("cancel", in: app)
        type("Budget withdrawn", in: app)
        app.dispatch(.key(.enter))
        app.dispatch(.key(.character("y")))
        #expect(try status(id, in: store) == "cancelled")
    }

    @Test func aConflictWithAnotherWriterIsAMessageAndAReload() throws {
        let (store, folder, id) = try Fixtures.draftStore()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let app = Fixtures.app(store: store, folder: folder, officer: Fixtures.salem)
        app.dispatch(.key(.character("2")))
        app.dispatch(.key(.enter))
        // Someone else writes the record after the UI read it.
        _ = try ActionRunner.perform("add-line", ActionArguments(["text": "Sand", "quantity": "5", "unit": "ton"]), on: id,
                                     officer: Fixtures.salem, now: Fixtures.now, in: store)
        try take("circulate", in: app)
        confirm(in: app)
        #expect(app.state.message?.kind == .error)
        #expect(app.state.message?.text.contains("Conflict") == true)
        #expect(try status(id, in: store) == "draft")
        // After the reload the same action goes through.
        try take("circulate", in: app)
        confirm(in: app)
        #expect(try status(id, in: store) == "forming")
    }

    @Test func quitAsksOnlyWhenAFormHasInput() throws {
        var state = Fixtures.state(width: 100, height: 30)
        #expect(state.update(.key(.character("q"))) == [.quit])
        state = Fixtures.state(width: 100, height: 30, officer: Officer(name: "Marcus Hill", party: "city-of-portland"))
        state.opened = RecordView(id: "SOL-2026-0006")
        _ = state.openForm(recordID: "SOL-2026-0006", actionName: "add-line", prefill: [:])
        _ = state.update(.key(.character("x")))
        #expect(state.update(.key(.ctrl("c"))) == [])
        #expect(state.modal == .confirmQuit)
        #expect(state.update(.key(.character("y"))) == [.quit])
    }

    @Test func slashSearchesIncrementallyAccentInsensitive() {
        var state = Fixtures.state(width: 100, height: 30)
        _ = state.update(.key(.character("5")))
        #expect(state.lists[.party]?.visible.count == 32)
        _ = state.update(.key(.character("/")))
        for character in "espanola" { _ = state.update(.key(.character(character))) }
        #expect(state.lists[.party]?.visible.count == 1)
        _ = state.update(.key(.escape))
        #expect(state.lists[.party]?.visible.count == 32)
    }

    @Test func joinOnAnIneligibleContractShowsTheFailingChecks() {
        var state = Fixtures.state(width: 100, height: 30)
        _ = state.update(.key(.character("3")))
        _ = state.update(.key(.character("j"))) // CON-2024-0002: Washington bodies only
        let effects = state.update(.key(.character("+")))
        #expect(effects.isEmpty)
        #expect(state.message?.text.contains("outside the eligible regions") == true)
    }

    @Test func joinOnAnEligibleContractDraftsAnAddendum() {
        var state = Fixtures.state(width: 100, height: 30)
        _ = state.update(.key(.character("3")))
        let effects = state.update(.key(.character("+"))) // CON-2024-0001: any US public body
        #expect(effects == [.draftAddendum(contract: "CON-2024-0001", party: "city-of-salem")])
    }

    @Test func theAddendumDraftPreviewsAndExportsWithoutOverwriting() throws {
        let folder = NSTemporaryDirectory() + "cobuy-export-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: Fixtures.sampleStorePath, toPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let app = Fixtures.app(store: Store(root: folder), folder: folder, officer: Fixtures.salem)
        app.dispatch(.key(.character("4")))
        app.dispatch(.key(.character("j")))
        app.dispatch(.key(.enter))
        let id = try #require(app.state.opened?.id)
        // Tab to the draft pane: details, actions, history, draft.
        while app.state.opened?.pane != .draft { app.dispatch(.key(.tab)) }
        #expect(app.state.draftPreview?.id == id)
        #expect(app.state.draftPreview?.lines.first?.contains("Participating Addendum \(id)") == true)
        app.dispatch(.key(.character("x")))
        guard case .export(let prompt)? = app.state.modal else { Issue.record("x should ask where to export"); return }
        #expect(prompt.path.text.hasSuffix(".md"))
        app.dispatch(.key(.tab))
        app.dispatch(.key(.ctrl("u")))
        for character in "\(folder)/draft.docx" { app.dispatch(.key(.character(character))) }
        app.dispatch(.key(.enter))
        #expect(app.state.modal == nil)
        #expect(app.state.message?.text.contains("Wrote") == true)
        let written = try #require(FileManager.default.contents(atPath: "\(folder)/draft.docx"))
        #expect(written.starts(with: Data("PK".utf8)))
        app.dispatch(.key(.character("x")))
        app.dispatch(.key(.ctrl("u")))
        for character in "\(folder)/draft.docx" { app.dispatch(.key(.character(character))) }
        app.dispatch(.key(.enter))
        guard case .export(let again)? = app.state.modal else { Issue.record("the prompt should stay open"); return }
        #expect(again.error?.contains("already exists") == true)
        #expect(FileManager.default.contents(atPath: "\(folder)/draft.docx") == written)
    }
}

/// Below the smallest size the screen says only "enlarge it, or press q to quit".
@Suite struct TooSmallTests {
    @Test func qQuitsEvenWhileSearchingAndOtherKeysChangeNothing() {
        var state = Fixtures.state(width: 100, height: 30)
        _ = state.update(.key(.character("3")))
        _ = state.update(.key(.character("/")))
        _ = state.update(.key(.character("r")))
        _ = state.update(.resize(width: 20, height: 6))
        _ = state.update(.key(.character("x")))
        #expect(state.search?.field.text == "r", "an invisible search does not take keys")
        let effects = state.update(.key(.character("q")))
        #expect(effects == [.quit] && !state.isRunning)
    }
}

/// Changes made behind the UI's back show without a key, the selection kept on its record.
@Suite struct LiveStoreTests {
    @Test func aSolicitationCreatedElsewhereAppearsAndTheSelectionStays() throws {
        let (store, folder, id) = try Fixtures.draftStore()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let app = Fixtures.app(store: store, folder: folder, officer: Fixtures.salem)
        app.dispatch(.key(.character("2")))
        #expect(app.state.selectedRecordID == id)
        #expect(app.pollStore() == false, "nothing changed yet")
        // Another process (the command line) adds one that sorts before it.
        let other = try ActionRunner.create(officer: Fixtures.salem, now: Fixtures.now, in: store) { context in
            Creation.solicitation(title: "Asphalt", lead: "city-of-salem", category: "Roads", description: "", in: context)
        }
        #expect(app.pollStore() == true)
        #expect(app.state.snapshot.directory.solicitation(other.id) != nil)
        #expect(app.state.lists[.solicitation]?.count == 2)
        #expect(app.state.selectedRecordID == id, "the selection stays on its record")
    }

    @Test func theUIsOwnWritesDoNotReloadTwice() throws {
        let (store, folder, _) = try Fixtures.draftStore()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let app = Fixtures.app(store: store, folder: folder, officer: Fixtures.salem)
        app.dispatch(.key(.character("2")))
        app.dispatch(.key(.enter))
        app.dispatch(.key(.character(":")))
        for character in "add-line" { app.dispatch(.key(.character(character))) }
        app.dispatch(.key(.enter))
        for character in "Sand" { app.dispatch(.key(.character(character))) }
        app.dispatch(.key(.tab))
        app.dispatch(.key(.character("5")))
        app.dispatch(.key(.tab))
        for character in "ton" { app.dispatch(.key(.character(character))) }
        app.dispatch(.key(.enter))
        #expect(app.state.message?.kind == .success)
        #expect(app.pollStore() == false, "the reload after the action already read it")
    }
}
