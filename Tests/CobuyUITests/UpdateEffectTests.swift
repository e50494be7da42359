import CobuyCore
import CobuyStore
import CobuyTerminal
import Testing
@testable import CobuyUI

/// `update` is a function of the state and a message: these tests build the state in memory
/// (records and an in-memory catalog, no store on disk) and check what it becomes and the
/// effects it asks the runtime for.
@Suite struct UpdateEffectTests {
    static let today = Fixtures.now.date

    static func state(catalogSize: Int = 40) throws -> AppState {
        let oregon = try #require(RegionCode("US-OR"))
        let salem = Party(id: "city-of-salem", name: "City of Salem", kind: .city, region: oregon)
        let birch = Party(id: "birch-county", name: "Birch County", kind: .county, region: oregon)
        let acme = Party(id: "acme-supply", name: "Acme Supply", kind: .vendor, region: oregon)
        let solicitation = JointSolicitation(id: "SOL-2026-0001", title: "Road salt", leadParty: salem.id, partners: [])
        var contracts: [CooperativeContract] = []
        for n in 0..<catalogSize {
            var contract = CooperativeContract(
                id: String(format: "CON-M%05d", n), title: n % 4 == 0 ? "Road salt lot \(n)" : "Office chairs lot \(n)",
                category: "Roads", source: ContractSource(kind: .imported, publisher: "Test"), leadParty: "lead-1", vendor: "vendor-1",
                cooperativeClause: CooperativeClause(open: n % 2 == 0, kinds: nil, regions: nil))
            contract.status = .active
            contract.period = ContractPeriod(start: today.adding(days: -100), end: today.adding(days: 400))
            contracts.append(contract)
        }
        let catalog = InMemoryCatalog(contracts: contracts, today: today)
        let snapshot = StoreSnapshot(records: [.party(salem), .party(birch), .party(acme), .solicitation(solicitation)], problems: [], today: today, catalog: catalog)
        var state = AppState(snapshot: snapshot, now: Fixtures.now, officer: Fixtures.salem, storeName: "memory", width: 100, height: 30)
        state.message = nil
        return state
    }

    @Test func theContractsTabPagesAndSearchesThroughTheReaderWithoutEffects() throws {
        var state = try Self.state()
        #expect(state.update(.key(.character("3"))).isEmpty)
        #expect(state.lists[.contract]?.count == 40)
        #expect(state.update(.key(.character("G"))).isEmpty)
        #expect(state.selectedRecordID == "CON-M00039")
        _ = state.update(.key(.character("/")))
        for character in "salt" { #expect(state.update(.key(.character(character))).isEmpty) }
        #expect(state.lists[.contract]?.count == 10, "every fourth contract is road salt")
        #expect(state.selectedRecordID == "CON-M00000")
        _ = state.update(.key(.enter))
        _ = state.update(.key(.enter))
        #expect(state.opened?.id == "CON-M00000")
        #expect(state.availableActions(for: "CON-M00000").isEmpty == false, "the record comes from the reader")
    }

    @Test func joinAsksTheRuntimeToDraftAnAddendum() throws {
        var state = try Self.state()
        _ = state.update(.key(.character("3")))
        #expect(state.update(.key(.character("+"))) == [.draftAddendum(contract: "CON-M00000", party: "city-of-salem")])
        _ = state.update(.key(.character("j")))
        #expect(state.update(.key(.character("+"))).isEmpty, "a closed clause: refused without an effect")
        #expect(state.message?.kind == .error)
    }

    @Test func theDraftedMessageOpensTheNewAddendum() throws {
        var state = try Self.state()
        #expect(state.update(.drafted(addendumID: "PA-2026-0001")).isEmpty)
        #expect(state.opened?.id == "PA-2026-0001")
        #expect(state.tab == .addenda)
    }

    @Test func reloadAndQuitAreEffects() throws {
        var state = try Self.state()
        #expect(state.update(.key(.ctrl("r"))) == [.reload])
        #expect(state.update(.key(.character("q"))) == [.quit])
        #expect(state.isRunning == false)
    }

    @Test func aChangeBehindTheUIAsksForAReload() throws {
        var state = try Self.state()
        #expect(state.update(.storeChanged) == [.reload])
    }

    @Test func aConflictAsksForAReload() throws {
        var state = try Self.state()
        #expect(state.update(.failed("changed meanwhile", conflict: true)) == [.reload])
        #expect(state.update(.failed("refused", conflict: false)).isEmpty)
        #expect(state.message == .error("refused"))
    }

    @Test func anIrreversibleActionIsConfirmedBeforeItsEffect() throws {
        var state = try Self.state()
        #expect(state.openForm(recordID: "SOL-2026-0001", actionName: "cancel", prefill: [:]).isEmpty)
        for character in "Budget cut" { _ = state.update(.key(.character(character))) }
        #expect(state.update(.key(.enter)).isEmpty, "asks first")
        guard case .confirm(let confirmation)? = state.modal else { Issue.record("expected a confirmation"); return }
        let effect = Effect.perform(recordID: "SOL-2026-0001", action: "cancel", arguments: ActionArguments(["reason": "Budget cut"]),
                                    revision: 0)
        #expect(confirmation.effect == effect)
        #expect(state.update(.key(.character("y"))) == [effect])
        #expect(state.update(.performed(recordID: "SOL-2026-0001", action: "cancel", summary: "draft → cancelled", created: [])).isEmpty)
        #expect(state.modal == nil)
    }

    @Test func aRefusedFormWritesNothing() throws {
        var state = try Self.state()
        _ = state.openForm(recordID: "SOL-2026-0001", actionName: "add-line", prefill: [:])
        for character in "Sand" { _ = state.update(.key(.character(character))) }
        _ = state.update(.key(.tab))
        _ = state.update(.key(.character("0")))
        _ = state.update(.key(.tab))
        for character in "ton" { _ = state.update(.key(.character(character))) }
        #expect(state.update(.key(.enter)).isEmpty)
        guard case .form(let form)? = state.modal else { Issue.record("the form stays open"); return }
        #expect(form.error?.contains("more than 0") == true)
    }

    @Test func choosingWhoActsStartsOnTheCurrentPartyAndOffersVendors() throws {
        var state = try Self.state()
        _ = state.update(.key(.character("o")))
        guard case .identity(let form)? = state.modal else { Issue.record("o opens the identity dialog"); return }
        #expect(form.parties.contains { $0.kind == .vendor }, "vendors can act too")
        // Enter keeps the party the officer already acts for: nothing changes by accident.
        #expect(state.update(.key(.enter)) == [.saveOfficer(Fixtures.salem)])
        _ = state.update(.officerSaved(Fixtures.salem))
        _ = state.update(.key(.character("o")))
        for character in "acme" { _ = state.update(.key(.character(character))) }
        #expect(state.update(.key(.enter)) == [.saveOfficer(Officer(name: "Ana Ruiz", party: "acme-supply"))])
        #expect(state.update(.officerSaved(Fixtures.salem)).isEmpty)
        #expect(state.modal == nil)
    }

    @Test func openingTheDraftPaneAsksForItsRendering() throws {
        var state = try Self.state()
        state.opened = RecordView(id: "PA-2026-0001")
        state.opened?.pane = .history
        #expect(state.update(.key(.tab)) == [.renderDraft(addendumID: "PA-2026-0001")])
    }

    @Test func theNewSolicitationPaletteEntryOpensItsFormAndAsksToCreateIt() throws {
        var state = try Self.state()
        _ = state.update(.key(.character(":")))
        for character in "new solicitation" { _ = state.update(.key(.character(character))) }
        #expect(state.update(.key(.enter)).isEmpty)
        guard case .form(let form)? = state.modal else { Issue.record("a form opens"); return }
        #expect(form.creating == .solicitation)
        #expect(form.fields.first?.parameter.flag == "title")
        for character in "Snow plows" { _ = state.update(.key(.character(character))) }
        #expect(state.update(.key(.enter)) == [.create(.solicitation, arguments: ActionArguments(["title": "Snow plows", "lead": "city-of-salem"]))])
        #expect(state.update(.created(.solicitation, id: "SOL-2026-0002")).isEmpty)
        #expect(state.modal == nil)
        #expect(state.tab == .solicitations)
        #expect(state.opened?.id == "SOL-2026-0002")
    }

    @Test func nOnATabOpensTheFormForItsKindAndARefusalKeepsItOpen() throws {
        var state = try Self.state()
        _ = state.update(.key(.character("5")))
        _ = state.update(.key(.character("n")))
        guard case .form(let form)? = state.modal else { Issue.record("n opens the new party form"); return }
        #expect(form.creating == .party)
        for character in "birch-county" { _ = state.update(.key(.character(character))) }
        _ = state.update(.key(.tab))
        for character in "Birch" { _ = state.update(.key(.character(character))) }
        _ = state.update(.key(.tab))
        _ = state.update(.key(.tab))
        for character in "US-OR" { _ = state.update(.key(.character(character))) }
        #expect(state.update(.key(.enter)).isEmpty, "the id is taken")
        guard case .form(let refused)? = state.modal else { Issue.record("the form stays open"); return }
        #expect(refused.error?.contains("already exists") == true)
    }

    @Test func aPartyFieldSuggestsAsItIsTypedAndEnterTakesTheBest() throws {
        var state = try Self.state()
        state.opened = RecordView(id: "SOL-2026-0001")
        _ = state.openForm(recordID: "SOL-2026-0001", actionName: "invite", prefill: [:])
        for character in "birch" { _ = state.update(.key(.character(character))) }
        guard case .form(let form)? = state.modal else { Issue.record("invite opens a form"); return }
        #expect(form.suggestions().first?.id == "birch-county")
        #expect(!form.suggestions().contains { $0.id == "acme-supply" }, "a vendor is not invited")
        let effects = state.update(.key(.enter))
        #expect(effects == [.perform(recordID: "SOL-2026-0001", action: "invite", arguments: ActionArguments(["party": "birch-county"]),
                                     revision: 0)])
    }

    @Test func picksMatchAccentsCaseAndLettersInOrder() {
        let picks = [Pick(id: "marion-county", label: "Marion County"), Pick(id: "city-of-salem", label: "City of Salem"),
                     Pick(id: "societe-generale", label: "Société Générale")]
        #expect(Pick.ranked(picks, typed: "marion").map(\.id) == ["marion-county"])
        #expect(Pick.ranked(picks, typed: "SOCIÉTÉ").map(\.id) == ["societe-generale"])
        #expect(Pick.ranked(picks, typed: "mrn cnty").map(\.id) == ["marion-county"])
        #expect(Pick.ranked(picks, typed: "city").first?.id == "city-of-salem", "an id prefix comes first")
        #expect(Pick.ranked(picks, typed: "zzz").isEmpty)
    }

    @Test func slashStartsANewSearchAndUpRecallsTheEarlierOnes() throws {
        var state = try Self.state()
        _ = state.update(.key(.character("3")))
        _ = state.update(.key(.character("/")))
        for character in "salt" { _ = state.update(.key(.character(character))) }
        _ = state.update(.key(.enter))
        _ = state.update(.key(.character("/")))
        #expect(state.search?.field.text == "", "not appended to the last search")
        #expect(state.lists[.contract]?.count == 40)
        _ = state.update(.key(.up))
        #expect(state.search?.field.text == "salt")
        #expect(state.lists[.contract]?.count == 10)
        _ = state.update(.key(.escape))
        #expect(state.lists[.contract]?.search == "salt", "Esc puts the previous search back")
    }

    @Test func theHighlightFollowsItsActionWhenTheListReorders() throws {
        var state = try Self.state()
        state.opened = RecordView(id: "SOL-2026-0001")
        let before = state.availableActions(for: "SOL-2026-0001").map(\.spec.name)
        // Birch County invited and a line added: circulate becomes allowed and the list reorders.
        var solicitation = try #require(state.snapshot.directory.solicitation("SOL-2026-0001"))
        solicitation.partners.append(Partner(party: "birch-county", status: .invited))
        solicitation.lines.append(RequirementLine(number: 1, text: "Rock salt", quantity: 100, unit: "ton"))
        var records = state.snapshot.directory.parties.values.map(AnyRecord.party)
        records.append(.solicitation(solicitation))
        let changed = StoreSnapshot(records: records, problems: [], today: Self.today, catalog: state.snapshot.catalog)
        var preview = state
        preview.snapshot = changed
        let reordered = preview.availableActions(for: "SOL-2026-0001").map(\.spec.name)
        let allowed = Set(preview.availableActions(for: "SOL-2026-0001").filter(\.isAllowed).map(\.spec.name))
        let moved = try #require(before.first { reordered.firstIndex(of: $0) != before.firstIndex(of: $0) && allowed.contains($0) },
                                 "the list reorders")
        state.opened?.selectedAction = try #require(before.firstIndex(of: moved))
        _ = state.update(.loaded(changed))
        #expect(reordered[state.opened?.selectedAction ?? -1] == moved)
    }

    @Test func aPledgeFormHasAFieldPerRequirementLine() throws {
        let spec = try #require(RecordActions.specs(for: .solicitation).first { $0.name == "pledge" })
        let lines = [RequirementLine(number: 1, text: "Rock salt", quantity: 500, unit: "ton"),
                     RequirementLine(number: 2, text: "Sand", quantity: 80, unit: "ton")]
        var form = ActionForm(recordID: "SOL-2026-0001", spec: spec, prefill: ["party": "marion-county"], lines: lines)
        let perLine = form.fields.filter { $0.line != nil }
        #expect(perLine.map(\.label) == ["line 1 (ton)", "line 2 (ton)"])
        let first = try #require(form.fields.firstIndex { $0.line?.number == 1 })
        form.focus = first
        for character in "40" { form.edit(.insert(String(character))) }
        form.focusNext(1)
        for character in "10" { form.edit(.insert(String(character))) }
        #expect(form.arguments["quantity"] == "1=40,2=10")
    }

    @Test func anActionThatNoLongerAppliesLeavesTheHighlightOnTheFirstAllowedOne() throws {
        var state = try Self.state()
        state.opened = RecordView(id: "SOL-2026-0001")
        let names = state.availableActions(for: "SOL-2026-0001").map(\.spec.name)
        state.opened?.selectedAction = try #require(names.firstIndex(of: "add-line"))
        var solicitation = try #require(state.snapshot.directory.solicitation("SOL-2026-0001"))
        solicitation.status = .cancelled
        var records = state.snapshot.directory.parties.values.map(AnyRecord.party)
        records.append(.solicitation(solicitation))
        _ = state.update(.loaded(StoreSnapshot(records: records, problems: [], today: Self.today, catalog: state.snapshot.catalog)))
        #expect(state.opened?.selectedAction == 0)
    }

    @Test func f1InAFormShowsItsKeysAndReturnsToIt() throws {
        var state = try Self.state()
        _ = state.openForm(recordID: "SOL-2026-0001", actionName: "add-line", prefill: [:])
        for character in "Sand" { _ = state.update(.key(.character(character))) }
        guard case .form(let form)? = state.modal else { Issue.record("a form"); return }
        _ = state.update(.key(.function(1)))
        #expect(state.modal == .help)
        let grid = View.render(state, theme: .monochrome)
        #expect(grid.text.contains("Next field"), "the form's keys, from the key table")
        _ = state.update(.key(.character("x")))
        #expect(state.modal == .form(form), "back to the form as it was")
    }
}

extension UpdateEffectTests {
    @Test func anExportIntoAMissingFolderAsksBeforeCreatingIt() throws {
        var state = try Self.state()
        let prompt = ExportPrompt(addendumID: "PA-2026-0001", participant: "city-of-salem", folder: "~/Documents")
        #expect(prompt.path.text.hasPrefix("~/Documents/PA-2026-0001"))
        state.modal = .export(prompt)
        let path = prompt.path.text
        #expect(state.update(.key(.enter)) == [.exportDraft(addendumID: "PA-2026-0001", format: "md", path: path, creatingFolders: false)])
        #expect(state.update(.exportFolderMissing("~/Documents")).isEmpty)
        guard case .export(let asking)? = state.modal else { Issue.record("the dialog stays open"); return }
        #expect(asking.missingFolder == "~/Documents")
        // n: nothing is created, the dialog says so and stays for another name.
        #expect(state.update(.key(.character("n"))).isEmpty)
        guard case .export(let declined)? = state.modal else { Issue.record("the dialog stays open"); return }
        #expect(declined.missingFolder == nil)
        #expect(declined.error?.contains("was not created") == true)
        // y after asking again: the same export, creating the folder.
        _ = state.update(.key(.enter))
        _ = state.update(.exportFolderMissing("~/Documents"))
        #expect(state.update(.key(.character("y"))) == [.exportDraft(addendumID: "PA-2026-0001", format: "md", path: path, creatingFolders: true)])
        _ = state.update(.exported(path: "~/Documents/x.md"))
        #expect(state.modal == nil)
    }
}

extension UpdateEffectTests {
    @Test func aContractFieldSearchesTheCatalogsAsItIsTyped() throws {
        var state = try Self.state(catalogSize: 400)
        _ = state.update(.key(.character(":")))
        for character in "new addendum" { _ = state.update(.key(.character(character))) }
        _ = state.update(.key(.enter))
        guard case .form(let opened)? = state.modal else { Issue.record("the new addendum form opens"); return }
        #expect(opened.focusedField?.parameter.flag == "contract")
        // Lot 396 is a catalog contract, far past any list made up front.
        for character in "lot 396" { _ = state.update(.key(.character(character))) }
        guard case .form(let form)? = state.modal else { Issue.record("the form stays open"); return }
        #expect(form.suggestions().first?.id == "CON-M00396", "\(form.suggestions().map(\.id))")
    }
}
