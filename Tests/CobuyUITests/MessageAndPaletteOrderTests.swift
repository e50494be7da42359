import CobuyCore
import CobuyTerminal
import Testing
@testable import CobuyUI

/// A message belongs to what just happened; the palette lists what the officer may do first.
@Suite struct MessageAndPaletteOrderTests {
    @Test func aMessageIsClearedByTheNextKeyOrClick() {
        var state = Fixtures.state(width: 100, height: 30)
        state.message = .info("Cancelled; nothing was changed.")
        _ = state.update(.key(.right))
        #expect(state.message == nil, "a key bound to nothing here clears it too")
        state.message = .info("Cancelled; nothing was changed.")
        _ = state.update(.mouse(MouseEvent(kind: .click, x: 20, y: 0)))
        #expect(state.message == nil)
        state.message = .info("Cancelled; nothing was changed.")
        _ = state.update(.key(.character("v")))
        #expect(state.modal != nil, "v reads it in full")
    }

    @Test func thePaletteListsAllowedActionsAndCommandsBeforeRefusedActions() throws {
        var state = Fixtures.state(width: 120, height: 40)
        _ = state.update(.key(.character(":")))
        guard case .palette(let palette)? = state.modal else { Issue.record("the palette opens"); return }
        let refused = palette.entries.indices.filter { palette.entries[$0].detail.contains("— refused:") }
        let firstRefused = try #require(refused.first, "the dashboard's selected record has refused actions")
        let quit = try #require(palette.entries.firstIndex { $0.name == "quit" })
        #expect(quit < firstRefused)
        #expect(refused == Array(firstRefused..<palette.entries.count), "refused ones only at the end")
    }

    @Test func thePaletteFiltersOncePerEditAndALongPasteMatchesNothing() {
        var palette = Palette(entries: [Palette.Entry(name: "invite", detail: "Invite a public body", command: .help),
                                        Palette.Entry(name: "sign", detail: "Sign the agreement", command: .quit)])
        palette.edit(.insert("inv"))
        #expect(palette.matches.map(\.name) == ["invite"])
        palette.edit(.insert(String(repeating: "x", count: Palette.longestQuery)))
        #expect(palette.matches.isEmpty)
        palette.edit(.clear)
        #expect(palette.matches.count == 2)
    }
}
