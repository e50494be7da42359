import CobuyCore
import CobuyTerminal
import Foundation
import Testing
@testable import CobuyUI

/// A long paste arrives as one key per character. These tests check what it costs in
/// structure (frames drawn, work per key) and print the time it took, for the record; no
/// expectation is on a time, which would flake on a busy machine.
@Suite struct PasteCostTests {
    static let pasted = String(repeating: "Rock salt for the winter, delivered in bulk to the yard. ", count: 60)

    static func report(_ label: String, _ body: () -> Void) {
        let clock = ContinuousClock()
        let elapsed = clock.measure(body)
        print("paste cost: \(label): \(elapsed)")
    }

    @Test func threeThousandKeysInThePaletteAreTypedInFull() {
        var state = Fixtures.state(width: 120, height: 40)
        let keys = Array(Self.pasted.prefix(3000))
        _ = state.update(.key(.character(":")))
        Self.report("3000 keys into the palette, update only") {
            for character in keys { _ = state.update(.key(.character(character))) }
        }
        guard case .palette(let palette)? = state.modal else { Issue.record("the palette stays open"); return }
        #expect(palette.query.text.count == 3000)
        #expect(palette.matches.isEmpty)
        var rendered = Fixtures.state(width: 120, height: 40)
        _ = rendered.update(.key(.character(":")))
        Self.report("3000 keys into the palette, update and a frame per key") {
            for character in keys {
                _ = rendered.update(.key(.character(character)))
                _ = View.render(rendered, theme: .monochrome)
            }
        }
    }

    @Test func twoThousandKeysInAFormFieldAreTypedInFull() {
        var state = Fixtures.state(width: 120, height: 40)
        state.opened = RecordView(id: "SOL-2026-0005")
        _ = state.openForm(recordID: "SOL-2026-0005", actionName: "withdraw", prefill: [:])
        _ = state.update(.key(.tab))
        let keys = Array(Self.pasted.prefix(2000))
        Self.report("2000 keys into a form's text field, update and a frame per key") {
            for character in keys {
                _ = state.update(.key(.character(character)))
                _ = View.render(state, theme: .monochrome)
            }
        }
        guard case .form(let form)? = state.modal else { Issue.record("the form stays open"); return }
        #expect(form.fields.first { $0.parameter.flag == "reason" }?.input.text.count == 2000)
        // A frame's cost is the screen's, not the text's: the same with 2000 characters as with none.
        Self.report("100 frames of the form holding 2000 characters") {
            for _ in 0..<100 { _ = View.render(state, theme: .monochrome) }
        }
        var empty = state
        empty.modal = .form(ActionForm(recordID: form.recordID, spec: form.spec, prefill: ["party": "city-of-salem"]))
        Self.report("100 frames of the same form empty") {
            for _ in 0..<100 { _ = View.render(empty, theme: .monochrome) }
        }
        var party = Fixtures.state(width: 120, height: 40)
        party.opened = RecordView(id: "SOL-2026-0005")
        _ = party.openForm(recordID: "SOL-2026-0005", actionName: "withdraw", prefill: ["party": ""])
        Self.report("2000 keys into a form's party field, update and a frame per key") {
            for character in keys {
                _ = party.update(.key(.character(character)))
                _ = View.render(party, theme: .monochrome)
            }
        }
    }

    @Test func keysAlreadyWaitingAreAllTakenBeforeTheNextFrame() throws {
        let (store, folder, _) = try Fixtures.draftStore()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let keys = Array(Self.pasted.prefix(3000)).map { InputEvent.key(.character($0)) }
        let terminal = MemoryTerminal(width: 100, height: 30, events: [.key(.character(":"))] + keys + [.key(.escape), .key(.character("q"))])
        let app = Fixtures.app(store: store, folder: folder, officer: Fixtures.salem, terminal: terminal)
        // However slow this machine, every key waits in the script: none may be drawn alone.
        app.frameInterval = .seconds(3600)
        Self.report("3000 keys into the palette through the runtime") { app.run() }
        #expect(terminal.frames.count == 1, "the first frame only: the keys and the quit were read before drawing again")
        #expect(terminal.events.isEmpty)
    }
}
