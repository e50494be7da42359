import Foundation
import Testing

/// The real binary's UI in tmux, driven by keys and read off the screen.
@Suite(.serialized, .timeLimit(.minutes(3))) struct UIInTmuxTests {
    static let salem = ["COBUY_ACTOR": "Ana Ruiz", "COBUY_PARTY": "city-of-salem"]

    /// A sandbox store with the test consortium and a draft solicitation: Salem leads, Marion
    /// County invited, one requirement line.
    func draftSolicitation() throws -> (CobuySandbox, String) {
        let sandbox = try CobuySandbox()
        sandbox.seed()
        let id = sandbox.must(["new", "solicitation", "--title", "Road salt 2027", "--lead", "city-of-salem"], as: .salem).lastLine
        sandbox.must(["do", id, "add-line", "--text", "Rock salt", "--quantity", "500", "--unit", "ton"], as: .salem)
        sandbox.must(["do", id, "invite", "--party", "marion-county"], as: .salem)
        return (sandbox, id)
    }

    func launch(_ sandbox: CobuySandbox, _ arguments: String = "", environment: [String: String] = salem,
                width: Int = 100, height: Int = 30) throws -> TmuxScreen {
        let screen = try TmuxScreen(sandbox, width: width, height: height, environment: environment)
        screen.run("'\(sandbox.binary)' \(arguments)")
        try screen.waitFor("1 Dashboard")
        return screen
    }

    /// Picks an action of the opened record from the command palette by its name.
    func take(_ action: String, on screen: TmuxScreen) throws {
        screen.type(":")
        try screen.waitFor("Command palette")
        screen.type(action)
        screen.press("Enter")
    }

    /// Acts for another party: `o`, a new name, the party chosen by filtering the list.
    func actAs(_ name: String, for filter: String, on screen: TmuxScreen) throws {
        screen.type("o")
        try screen.waitFor("Who is acting")
        screen.press("C-u")
        screen.type(name)
        screen.press("Tab")
        screen.type(filter)
        screen.press("Enter")
        try screen.waitFor(name)
    }

    @Test func theDemoOpensAndQQuitsWithStatusZeroAndARestoredTerminal() throws {
        let sandbox = try CobuySandbox()
        let screen = try launch(sandbox, "demo")
        #expect(screen.value("#{alternate_on}") == "1", "the UI draws on the alternate screen")
        try screen.waitFor("Solicitations closing")
        screen.type("q")
        let after = try screen.waitFor("EXIT=")
        #expect(after.contains("EXIT=0"), "\(after)")
        #expect(screen.value("#{alternate_on}") == "0", "the normal screen is back")
        #expect(!after.contains("1 Dashboard"), "nothing of the UI is left on the shell's screen")
    }

    @Test func keysAloneWalkADraftSolicitationToFormed() throws {
        let (sandbox, id) = try draftSolicitation()
        let screen = try launch(sandbox, "--store '\(sandbox.store)'")
        screen.type("2")
        try screen.waitFor(id)
        screen.press("Enter")
        try screen.waitFor("Next:")
        try take("circulate", on: screen)
        try screen.waitFor("circulate done")

        try actAs("Søren Olsen", for: "marion", on: screen)
        try take("join", on: screen)
        try screen.waitFor("quantity")
        screen.press("Tab")
        screen.type("30")
        screen.press("Enter")
        try screen.waitFor("join done")
        try take("sign-agreement", on: screen)
        try screen.waitFor("signer")
        screen.press("Tab")
        screen.type("Danielle Bethell")
        screen.press("Enter")
        try screen.waitFor("sign-agreement done")

        try actAs("Ana Ruiz", for: "salem", on: screen)
        try take("sign-agreement", on: screen)
        try screen.waitFor("signer")
        screen.press("Tab")
        screen.type("Keith Stahley")
        screen.press("Enter")
        try screen.waitUntil("Salem's signature") { $0.contains("sign-agreement done") && $0.contains("Ana Ruiz") }
        try take("form", on: screen)
        try screen.waitFor("form done")
        screen.type("q")
        try screen.waitFor("EXIT=0")

        let record = try #require(sandbox.json(id))
        #expect(record["status"] as? String == "formed")
        let history = try #require(record["history"] as? [[String: Any]])
        #expect(history.compactMap { $0["action"] as? String }
            == ["create", "add-line", "invite", "circulate", "join", "sign-agreement", "sign-agreement", "form"])
        #expect(history.suffix(5).compactMap { $0["actor"] as? String } == ["Ana Ruiz", "Søren Olsen", "Søren Olsen", "Ana Ruiz", "Ana Ruiz"])
    }

    @Test func slashSearchesContractsAsYouType() throws {
        let sandbox = try CobuySandbox()
        let screen = try launch(sandbox, "demo", width: 120, height: 35)
        screen.type("3")
        let all = try screen.waitFor("Contracts:")
        #expect(all.contains("Office furniture") && all.contains("Road salt"))
        screen.type("/")
        screen.type("road sal")
        let found = try screen.waitFor("search \"road sal\"")
        #expect(found.contains("Road salt, winter 2026"))
        #expect(!found.contains("Office furniture"), "rows that do not match are gone")
        screen.press("Escape")
        try screen.waitUntil("the list back") { $0.contains("Office furniture") }
        screen.type("q")
        try screen.waitFor("EXIT=0")
    }

    @Test func anIneligibleContractShowsItsChecklistAndAnEligibleOneIsJoined() throws {
        let sandbox = try CobuySandbox()
        let portland = ["COBUY_ACTOR": "Kim Lee", "COBUY_PARTY": "city-of-portland"]
        let screen = try launch(sandbox, "demo", environment: portland, width: 130, height: 40)
        screen.type("3")
        try screen.waitFor("Contracts:")
        // King County's heavy equipment rental is closed to other bodies.
        screen.type("/")
        screen.type("heavy equipment")
        try screen.waitFor("search \"heavy equipment\"")
        screen.press("Enter")
        try screen.waitUntil("the search closed") { !$0.contains("/heavy") }
        screen.press("Enter")
        let refused = try screen.waitFor("join? No")
        #expect(refused.contains("may not join"), "\(refused)")
        #expect(refused.contains("✗ cooperative-clause"), "\(refused)")
        screen.press("Escape")
        try screen.waitFor("Contracts:")
        screen.type("c")
        try screen.waitUntil("the search cleared") { !$0.contains("search \"") }
        // Washington's office furniture contract is open to any public body in the US.
        screen.type("/")
        try screen.waitFor("search")
        screen.type("office furniture")
        try screen.waitFor("search \"office furniture\"")
        screen.press("Enter")
        try screen.waitFor("CON-2024-0001")
        screen.type("+")
        try screen.waitFor("Drafted PA-")
        screen.type("q")
        try screen.waitFor("EXIT=0")
        let addenda = try sandbox.jsonRows(["list", "addenda", "--format", "json", "--store", "\(sandbox.folder)/data/cobuy/demo-store"])
        #expect(addenda.contains { $0["contract"] as? String == "CON-2024-0001" && $0["party"] as? String == "city-of-portland"
            && $0["status"] as? String == "draft" }, "\(addenda)")
    }

    @Test func aResizeStormDownTo20x6AndBackLeavesAWorkingScreen() throws {
        let sandbox = try CobuySandbox()
        let screen = try launch(sandbox, "demo")
        for size in [(80, 24), (20, 6), (60, 10), (120, 40), (30, 8), (20, 6), (79, 23), (100, 30), (20, 6)] {
            screen.resize(size.0, size.1)
        }
        try screen.waitFor("needs")
        screen.resize(100, 30)
        let back = try screen.waitFor("1 Dashboard")
        #expect(back.contains("Solicitations closing"))
        #expect(screen.value("#{pane_dead}") == "0", "still running")
        screen.type("q")
        try screen.waitFor("EXIT=0")
    }

    /// The terminal disappears under the program (its tmux server killed): it must end, not
    /// spin on a dead input at full CPU.
    @Test func losingTheTerminalEndsTheProgram() throws {
        let sandbox = try CobuySandbox()
        sandbox.seed()
        let screen = try TmuxScreen(sandbox, environment: Self.salem,
                                    command: "'\(sandbox.binary)' --store '\(sandbox.store)'; sleep 600")
        try screen.waitFor("1 Dashboard")
        screen.tmux(["kill-server"])
        func running() -> Bool {
            sandbox.execute("/usr/bin/pgrep", ["-f", "cobuy --store \(sandbox.store)"], environment: sandbox.environment, timeout: 10).status == 0
        }
        let deadline = Date().addingTimeInterval(15)
        while running(), Date() < deadline { usleep(100_000) }
        #expect(!running(), "the program ended with its terminal")
    }

    @Test func ctrlZSuspendsAndFgRedrawsTheWholeScreen() throws {
        let sandbox = try CobuySandbox()
        // Run alone, not in a `; echo` list: bash carries on with a list once its job stops.
        let screen = try TmuxScreen(sandbox, environment: Self.salem)
        screen.type("'\(sandbox.binary)' demo")
        screen.press("Enter")
        try screen.waitFor("1 Dashboard")
        screen.type("3")
        try screen.waitFor("Contracts:")
        screen.press("C-z")
        let suspended = try screen.waitUntil("the shell back") { $0.contains("Stopped") || $0.contains("stopped") }
        #expect(screen.value("#{alternate_on}") == "0", "the terminal is restored while suspended: \(suspended)")
        screen.type("fg")
        screen.press("Enter")
        let resumed = try screen.waitFor("Contracts:")
        #expect(resumed.contains("1 Dashboard") && resumed.contains("Office furniture"))
        #expect(screen.value("#{alternate_on}") == "1")
        screen.type("q")
        try screen.waitUntil("the shell back") { !$0.contains("1 Dashboard") }
        screen.type("echo EXI\"\"T=$?")
        screen.press("Enter")
        try screen.waitFor("EXIT=0")
    }

    @Test func aPartyNamedWithAnOSCTitleSequenceDoesNotRetitleTheTerminal() throws {
        let sandbox = try CobuySandbox()
        sandbox.seed()
        // A name as a shared store could bring it (a hand edit, a merge): an OSC title sequence.
        sandbox.must(["new", "party", "--id", "evil-city", "--name", "Evil City", "--kind", "city", "--region", "US-OR"])
        let path = sandbox.file("parties", "evil-city")
        let text = String(decoding: sandbox.bytes(path) ?? Data(), as: UTF8.self)
        try text.replacingOccurrences(of: "\"Evil City\"", with: "\"Evil\\u001b]0;PWNED\\u0007 City\"")
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(sandbox.run(["show", "evil-city", "--format", "json"]).stdout.contains("PWNED"))
        let screen = try TmuxScreen(sandbox, environment: Self.salem)
        screen.tmux(["select-pane", "-t", "0", "-T", "before"])
        #expect(screen.value("#{pane_title}") == "before")
        screen.run("'\(sandbox.binary)' --store '\(sandbox.store)'")
        try screen.waitFor("1 Dashboard")
        screen.type("5")
        let parties = try screen.waitFor("Evil")
        #expect(parties.contains("Evil") && parties.contains("City") && !parties.contains("PWNED\u{07}"))
        #expect(screen.value("#{pane_title}") == "before", "the title is untouched")
        screen.type("q")
        try screen.waitFor("EXIT=0")
        #expect(screen.value("#{pane_title}") == "before")
    }

    @Test func noColorDrawsWithoutColourCodes() throws {
        func colours(_ environment: [String: String]) throws -> (color: Bool, emphasis: Bool) {
            let sandbox = try CobuySandbox()
            let screen = try launch(sandbox, "demo", environment: environment)
            try screen.waitFor("Solicitations closing")
            let text = screen.screen(escapes: true)
            screen.type("q")
            try screen.waitFor("EXIT=0")
            // SGR parameters: 30–37, 38;…, 40–47, 48;…, 90–97, 100–107 are colours; 1 and 7 emphasis.
            var color = false, emphasis = false
            var rest = Substring(text)
            while let start = rest.range(of: "\u{1B}[") {
                let body = rest[start.upperBound...].prefix { $0.isNumber || $0 == ";" }
                for parameter in body.split(separator: ";").compactMap({ Int($0) }) {
                    if (30...38).contains(parameter) || (40...48).contains(parameter) || (90...97).contains(parameter)
                        || (100...107).contains(parameter) { color = true }
                    if parameter == 1 || parameter == 7 { emphasis = true }
                }
                rest = rest[start.upperBound...]
            }
            return (color, emphasis)
        }
        let plain = try colours(Self.salem.merging(["NO_COLOR": "1"]) { $1 })
        #expect(!plain.color, "NO_COLOR draws no colour")
        #expect(plain.emphasis, "emphasis stays, by bold or reverse")
        let coloured = try colours(Self.salem)
        #expect(coloured.color, "without NO_COLOR there is colour: the check can tell")
    }

    /// A catalog changed behind Cobuy's back (a `git pull`) is indexed in the background: the
    /// progress shows, and its end shows without a key being pressed.
    @Test func aCatalogChangedOnDiskIsIndexedInTheBackgroundAndTheScreenFollows() throws {
        let sandbox = try CobuySandbox()
        sandbox.seed()
        let generator = URL(fileURLWithPath: sandbox.binary).deletingLastPathComponent().appendingPathComponent("cobuy-generate").path
        let file = "\(sandbox.folder)/catalog.json"
        let generated = sandbox.execute(generator, ["--contracts", "3000", "--seed", "5", "-o", file], environment: sandbox.environment)
        try #require(generated.status == 0, "\(generated)")
        sandbox.must(["import", "ocds", file])
        let catalogFolder = "\(sandbox.store)/catalog"
        for name in try FileManager.default.contentsOfDirectory(atPath: catalogFolder) {
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: "\(catalogFolder)/\(name)")
        }
        let screen = try launch(sandbox, "--store '\(sandbox.store)'")
        // No key: the end of the indexing must reach the screen by itself.
        try screen.waitFor("Catalog indexed: 3000 contracts.")
        screen.type("3")
        try screen.waitFor("Contracts: 3000 of 3000")
        screen.type("q")
        try screen.waitFor("EXIT=0")
    }

    /// Issue 5: a generated catalog of thousands of contracts, searched, opened and joined.
    @Test func aGeneratedCatalogIsSearchedOpenedAndJoined() throws {
        let sandbox = try CobuySandbox()
        sandbox.seed()
        let generator = URL(fileURLWithPath: sandbox.binary).deletingLastPathComponent().appendingPathComponent("cobuy-generate").path
        let file = "\(sandbox.folder)/catalog.json"
        let generated = sandbox.execute(generator, ["--contracts", "5000", "--seed", "11", "-o", file], environment: sandbox.environment)
        try #require(generated.status == 0, "\(generated)")
        sandbox.must(["import", "ocds", file])
        let screen = try launch(sandbox, "--store '\(sandbox.store)'", width: 130, height: 35)
        screen.type("3")
        try screen.waitFor("Contracts: 5000 of 5000")
        screen.type("J")
        try screen.waitFor("joinable by my party")
        screen.type("/")
        screen.type("salt")
        let found = try screen.waitFor("search \"salt\"")
        #expect(found.contains("CON-ocds-gen000-11-"), "\(found)")
        screen.press("Enter")
        screen.press("Enter")
        try screen.waitFor("Can city-of-salem join? Yes")
        screen.type("+")
        let drafted = try screen.waitFor("Drafted PA-")
        let opened = try #require(drafted.split(separator: "\n").first { $0.contains("PA-") && $0.contains(" on CON-ocds-gen000-11-") })
        screen.type("q")
        try screen.waitFor("EXIT=0")
        let addenda = try sandbox.jsonRows(["list", "addenda", "--format", "json"])
        #expect(addenda.count == 1 && (addenda.first?["contract"] as? String)?.hasPrefix("CON-ocds-gen000-11-") == true
            && addenda.first?["party"] as? String == "city-of-salem", "\(addenda) \(opened)")
    }
}
