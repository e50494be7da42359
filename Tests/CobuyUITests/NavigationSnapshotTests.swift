import CobuyCore
import CobuyTerminal
import SnapshotTesting
import Testing
@testable import CobuyUI

/// Screens of following links and My work at 60×16, 80×24 and 120×40, as text.
@Suite struct NavigationSnapshotTests: ScreenSnapshotting {

    @Test func followedLinkFromAnAward() {
        // SOL-2025-0001's award → CON-2025-0001, shown with its links.
        check("followed-link") { state in
            press(&state, .character("#"))
            for character in "SOL-2025-0001" { press(&state, .character(character)) }
            press(&state, .enter, .character("l"), .enter)
        }
    }

    @Test func goToPicker() {
        check("go-to") { state in
            press(&state, .character("#"), .character("c"), .character("o"), .character("n"), .character("-"))
        }
    }

    @Test func dashboardWithMyWorkOfAPartner() {
        // Marion County has a draft addendum (PA-2025-0001) of its own to finish.
        check("my-work-marion", officer: Officer(name: "Søren Olsen", party: "marion-county")) { _ in }
    }
}
