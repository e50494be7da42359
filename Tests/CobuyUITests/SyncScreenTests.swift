import CobuyCore
import CobuyStore
import CobuyTerminal
import Testing
@testable import CobuyUI

/// Sync from the UI: a key and the palette ask the runtime to sync, the result comes back to
/// the message line, and records in conflict head the dashboard and their record screen.
@Suite struct SyncScreenTests {
    static func state(conflicted: Bool) throws -> AppState {
        let oregon = try #require(RegionCode("US-OR"))
        let salem = Party(id: "city-of-salem", name: "City of Salem", kind: .city, region: oregon)
        var addendum = ParticipatingAddendum(id: "PA-2026-0001", contract: "CON-2026-0001", party: salem.id, localTerms: [])
        addendum.history = [HistoryEntry(sequence: 1, at: Fixtures.now, actor: "Ana Ruiz", party: salem.id, action: "create", from: nil, to: "draft")]
        if conflicted {
            addendum.scope = "Heavy trucks"
            addendum.conflict = RecordConflict(fields: [RecordConflict.Field(field: "scope", versions: [
                RecordConflict.Version(event: "00000000000000aa", actor: "Ana Ruiz", party: salem.id, at: Fixtures.now, value: "\"Light trucks\""),
                RecordConflict.Version(event: "00000000000000bb", actor: "Bo Lind", party: salem.id, at: Fixtures.now, value: "\"Heavy trucks\""),
            ], provisional: "\"Heavy trucks\"")])
        }
        let snapshot = StoreSnapshot(records: [.party(salem), .addendum(addendum)], problems: [], today: Fixtures.now.date)
        var state = AppState(snapshot: snapshot, now: Fixtures.now, officer: Fixtures.salem, storeName: "memory", width: 120, height: 40)
        state.message = nil
        return state
    }

    @Test func ctrlYAsksTheRuntimeToSyncAndSaysSo() throws {
        var state = try Self.state(conflicted: false)
        #expect(state.update(.key(.ctrl("y"))) == [.sync])
        #expect(state.message?.text.contains("Syncing") == true)
    }

    @Test func thePaletteOffersSync() throws {
        let state = try Self.state(conflicted: false)
        #expect(state.paletteEntries().contains { $0.name == "sync" && $0.command == .sync })
    }

    @Test func aSyncThatLeftConflictsNamesThem() throws {
        var state = try Self.state(conflicted: true)
        _ = state.update(.synced("synced: 1 action sent, 2 commits received; 1 record needs a decision", needDecision: ["PA-2026-0001"]))
        #expect(state.message?.text.contains("PA-2026-0001") == true)
        _ = state.update(.synced("synced: 0 actions sent, 1 commit received", needDecision: []))
        #expect(state.message?.text == "synced: 0 actions sent, 1 commit received")
    }

    @Test func theDashboardListsRecordsThatNeedADecisionFirst() throws {
        let state = try Self.state(conflicted: true)
        let text = View.render(state, theme: .monochrome).text
        #expect(text.contains("Needs a decision (1)"))
        #expect(text.contains("PA-2026-0001"))
        #expect(state.dashboardEntries.first?.id == "PA-2026-0001")
    }

    @Test func theRecordShowsBothVersionsWithWhoAndWhen() throws {
        let state = try Self.state(conflicted: true)
        guard let record = state.snapshot.record("PA-2026-0001") else { Issue.record("no record"); return }
        let detail = RecordDetail(record, today: state.today, lookup: state.snapshot.lookup)
        let section = try #require(detail.sections.first)
        #expect(section.title.hasPrefix("Needs a decision"))
        #expect(section.lines.contains { $0.contains("\"Light trucks\"") && $0.contains("Ana Ruiz") })
        #expect(section.lines.contains { $0.contains("\"Heavy trucks\"") && $0.contains("Bo Lind") })
    }

    @Test func theTabBarSaysWhatIsLeftToSync() throws {
        var state = try Self.state(conflicted: false)
        state.syncStatus = "2 behind"
        #expect(View.render(state, theme: .monochrome).text.contains("Ana Ruiz for city-of-salem · 2 behind"))
        state.syncStatus = nil
        #expect(!View.render(state, theme: .monochrome).text.contains("behind"))
    }
}
