import CobuyCore
import CobuyTerminal
import SnapshotTesting
import Testing
@testable import CobuyUI

/// Reading everything and asking before what cannot be undone, at 60×16, 80×24 and 120×40.
@Suite struct ReadingSnapshotTests: ScreenSnapshotting {

    @Test func aRefusedActionReadInFull() {
        // SOL-2026-0003 is led by Salem-Keizer; the City of Salem may not close it: Enter reads why.
        check("refusal-in-full") { state in
            state.opened = RecordView(id: "SOL-2026-0003")
            let close = state.availableActions(for: "SOL-2026-0003").firstIndex { $0.spec.name == "close" } ?? 0
            state.opened?.selectedAction = close
            press(&state, .enter)
        }
    }

    @Test func aLongFieldScrolledToItsCursor() {
        // Marion County edits its draft addendum: purchase-order instructions longer than the field,
        // the cursor moved back into the middle.
        check("scrolled-field", officer: Officer(name: "Søren Olsen", party: "marion-county")) { state in
            state.opened = RecordView(id: "PA-2025-0001")
            press(&state, .character("e"))
            guard case .form(let form)? = state.modal,
                  let field = form.fields.firstIndex(where: { $0.parameter.flag == "po-instructions" }) else { return }
            for _ in 0..<field { press(&state, .tab) }
            press(&state, .ctrl("u"))
            for character in "Send purchase orders to purchasing@co.marion.or.us with the addendum number, the delivery address and a named contact for each site" {
                press(&state, .character(character))
            }
            for _ in 0..<60 { press(&state, .left) }
        }
    }

    @Test func anIrreversibleActionAsksNamingTheRecordAndTheConsequence() {
        check("confirm-cancel", officer: Officer(name: "Zoë Chen", party: "salem-keizer-sd")) { state in
            state.opened = RecordView(id: "SOL-2026-0003")
            _ = state.openForm(recordID: "SOL-2026-0003", actionName: "cancel", prefill: ["reason": "The board withdrew the budget"])
            press(&state, .enter)
        }
    }

    @Test func aLongRefusalInAFormIsReadWhole() {
        check("form-refusal", officer: Officer(name: "Marcus Hill", party: "city-of-portland")) { state in
            state.opened = RecordView(id: "SOL-2026-0006")
            _ = state.openForm(recordID: "SOL-2026-0006", actionName: "add-line", prefill: ["text": "Paper towels", "unit": "case"])
            guard case .form(var form)? = state.modal else { return }
            form.error = "Not every partner has signed the agreement: marion-county, multnomah-county, city-of-portland, "
                + "salem-keizer-sd, city-of-salem. Each signs with sign-agreement --party P --signer NAME, or withdraws with "
                + "withdraw --party P --reason R."
            state.modal = .form(form)
        }
    }
}

extension ReadingSnapshotTests {
    /// The sixth field of `new contract` at 60×16 is in view while it is typed in, and the
    /// border says what is above.
    @Test func aLongFormScrollsToTheFieldBeingTypedIn() {
        check("form-scrolled") { state in
            press(&state, .character("3"), .character("n"))
            for _ in 0..<5 { press(&state, .tab) }
            for character in "QQQ" { press(&state, .character(character)) }
        }
    }
}
