import Foundation
import Testing

/// The real binary's UI in tmux, driven by keys and read off the screen. Each test has its own
/// tmux server (killed at the end), sandbox folders for HOME and XDG_* (so `cobuy demo` makes
/// its scratch store there, not in the user's), and `COBUY_NOW` fixed by the sandbox.
@Suite(.serialized, .timeLimit(.minutes(3))) struct UIInTmuxTests {
    static let salem = ["COBUY_ACTOR": "Ana Ruiz", "COBUY_PARTY": "city-of-salem"]
    static let portland = ["COBUY_ACTOR": "Kim Lee", "COBUY_PARTY": "city-of-portland"]

    /// A sandbox store with the test consortium and a draft solicitation: Salem leads, Marion
    /// County invited, one requirement line.
    func draftSolicitation() throws -> (CobuySandbox, String) {
        let sandbox = try CobuySandbox()
        sandbox.seed()
        let id = sandbox.must(["new", "solicitation", "--title", "Road salt 2027", "--lead", "city-of-salem"], as: .salem).lastLine
        sandbox.must(["do", id, "add-line", "--text", "Rock salt", "--quantity", "500", "--unit", "ton"], as: .salem)
        sandbox.must(["do", id, "invite", "--party", "marion-county"], as: .salem)
        try #require(sandbox.json(id)?["status"] as? String == "draft")
        return (sandbox, id)
    }

    /// Runs `cobuy ARGUMENTS` in the screen's shell (followed by `echo EXIT=$?`) and waits for
    /// its dashboard.
    func launch(_ sandbox: CobuySandbox, _ arguments: String = "", environment: [String: String] = salem,
                width: Int = 100, height: Int = 30) throws -> TmuxScreen {
        let screen = try TmuxScreen(sandbox, width: width, height: height, environment: environment)
        screen.run("'\(sandbox.binary)' \(arguments)")
        try screen.waitFor("1 Dashboard")
        return screen
    }

    /// `q`, then the shell's prompt again with the program's exit status.
    func quit(_ screen: TmuxScreen, sourceLocation: SourceLocation = #_sourceLocation) throws {
        screen.type("q")
        let status = try screen.waitForExitStatus(sourceLocation: sourceLocation)
        #expect(status == 0, "q exits with status 0", sourceLocation: sourceLocation)
        #expect(!screen.alternateScreen, "the normal screen is back", sourceLocation: sourceLocation)
    }

    /// The demo's scratch store, inside the sandbox (XDG_DATA_HOME).
    func demoStore(_ sandbox: CobuySandbox) -> String { "\(sandbox.folder)/data/cobuy/demo-store" }

    // MARK: 1. Launch and quit

    @Test func theDemoOpensAndQQuitsWithStatusZeroAndARestoredTerminal() throws {
        let sandbox = try CobuySandbox()
        let screen = try TmuxScreen(sandbox, environment: Self.salem)
        defer { screen.kill() }
        screen.type("echo TERM=$TERM")
        screen.press("Enter")
        try screen.waitFor("TERM=xterm-256color")
        #expect(!screen.alternateScreen)

        screen.run("'\(sandbox.binary)' demo")
        try screen.waitFor("1 Dashboard", "Solicitations closing", "Ana Ruiz for city-of-salem")
        #expect(screen.alternateScreen, "the UI draws on the alternate screen")
        #expect(FileManager.default.fileExists(atPath: "\(demoStore(sandbox))/cobuy.json"), "the demo's store is the sandbox's")

        screen.type("q")
        #expect(try screen.waitForExitStatus() == 0, "q exits with status 0")
        #expect(!screen.alternateScreen, "the normal screen is back (#{alternate_on} is 0)")
        let after = screen.contents()
        #expect(TmuxScreen.promptIsLast(after), "the shell's prompt is back:\n\(after)")
        #expect(!after.contains("1 Dashboard") && !after.contains("╭"), "nothing of the UI is left on the shell's screen:\n\(after)")
        // The terminal is usable again: the shell echoes what is typed and runs it.
        screen.type("echo still-here")
        screen.press("Enter")
        try screen.waitUntil("the shell answering") { $0.contains("\nstill-here") && TmuxScreen.promptIsLast($0) }
    }

    // MARK: 2. A draft solicitation to formed, keys only

    /// The allowed actions in the Actions box, top to bottom, as the screen shows them
    /// (`✓ name — summary` rows; the refused ones come after them).
    static func allowedActions(on screen: String) -> [String] {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        for (top, line) in lines.enumerated() {
            guard let column = line.indices.first(where: { String(line[$0...]).hasPrefix("╭─ Actions") }) else { continue }
            var names: [String] = []
            for row in lines[(top + 1)...] {
                guard row.count > column + 1, row[column] == "│" else { break }
                let inner = String(row[(column + 1)...])
                if inner.hasPrefix("✓ "), let dash = inner.range(of: " — ") {
                    names.append(String(inner[inner.index(inner.startIndex, offsetBy: 2)..<dash.lowerBound]))
                }
            }
            return names
        }
        return []
    }

    /// Takes an action of the opened record as `UpdateTests` does: `g` to the first action,
    /// `j` down to it (its row read off the screen), Enter.
    func take(_ action: String, on screen: TmuxScreen, sourceLocation: SourceLocation = #_sourceLocation) throws {
        // The highlight follows the last action taken down the list, and the pane scrolls with
        // it: go to the top first, where the allowed actions are, before reading them.
        screen.type("g")
        let shown = try screen.waitUntil("\(action) allowed in the Actions pane", sourceLocation: sourceLocation) {
            Self.allowedActions(on: $0).contains(action)
        }
        let index = try #require(Self.allowedActions(on: shown).firstIndex(of: action), sourceLocation: sourceLocation)
        screen.type("g" + String(repeating: "j", count: index))
        screen.press("Enter")
    }

    /// Acts for another party: `o` (it opens on the party list, the current party selected),
    /// Tab to the name, Ctrl-U and a new name, Tab, the party found by filtering the list, Enter.
    func actAs(_ name: String, for party: String, filter: String, on screen: TmuxScreen) throws {
        screen.type("o")
        try screen.waitFor("Who is acting?")
        screen.press("Tab")
        screen.press("C-u")
        screen.type(name)
        screen.press("Tab")
        screen.type(filter)
        try screen.waitFor("(\(party),")
        screen.press("Enter")
        try screen.waitFor("Acting as \(name) for \(party).", absent: ["Who is acting?"])
    }

    @Test func keysAloneWalkADraftSolicitationToFormed() throws {
        let (sandbox, id) = try draftSolicitation()
        let screen = try launch(sandbox, "--store '\(sandbox.store)'")
        defer { screen.kill() }
        screen.type("2")
        try screen.waitFor("Solicitations:", id)
        screen.press("Enter")
        try screen.waitFor("\(id)  Road salt 2027  [draft]", "● draft ▸ ○ forming", "✓ circulate — ")

        // Salem, the lead, circulates the agreement.
        try take("circulate", on: screen)
        // It cannot be undone: the question names the record, y answers it.
        try screen.waitFor("Circulate the cooperative agreement", "y: yes    n or Esc: no")
        screen.type("y")
        try screen.waitFor("\(id): circulate done", "[forming]")

        // Marion County joins with its quantity and signs.
        try actAs("Søren Olsen", for: "marion-county", filter: "marion", on: screen)
        try take("join", on: screen)
        let joinForm = try screen.waitFor("─ join — \(id)")
        #expect(joinForm.contains("marion-county"), "the form offers the officer's party:\n\(joinForm)")
        screen.press("Tab")
        screen.type("30")
        screen.press("Enter")
        try screen.waitFor("\(id): join done", absent: ["─ join — "])
        try take("sign-agreement", on: screen)
        // The officer signs for their party: the signer is prefilled with their name.
        try screen.waitFor("─ sign-agreement — \(id)", "Søren Olsen")
        screen.press("Enter")
        try screen.waitFor("y: yes    n or Esc: no")
        screen.type("y")
        try screen.waitFor("\(id): sign-agreement done", absent: ["─ sign-agreement — "])

        // Salem signs too and forms the cooperative.
        try actAs("Ana Ruiz", for: "city-of-salem", filter: "salem", on: screen)
        try take("sign-agreement", on: screen)
        try screen.waitFor("─ sign-agreement — \(id)")
        screen.press("Tab")
        screen.press("C-u")
        screen.type("Keith Stahley")
        screen.press("Enter")
        try screen.waitFor("y: yes    n or Esc: no")
        screen.type("y")
        try screen.waitFor("\(id): sign-agreement done", absent: ["─ sign-agreement — "])
        try take("form", on: screen)
        try screen.waitFor("y: yes    n or Esc: no")
        screen.press("Enter")
        try screen.waitFor("\(id): form done", "\(id)  Road salt 2027  [formed]", "✓ forming ▸ ● formed")
        try quit(screen)

        // The record on disk, through the command line.
        let record = try #require(sandbox.json(id), "cobuy show \(id) --format json")
        #expect(record["status"] as? String == "formed")
        let history = try #require(record["history"] as? [[String: Any]])
        // action, officer, party, state before (none on the first entry) and after, per entry.
        let steps = history.map { entry in
            ["action", "actor", "party", "from", "to"].map { key in entry[key] as? String ?? (key == "from" ? "new" : "?") }
        }
        #expect(steps == [
            ["create", "Ana Ruiz", "city-of-salem", "new", "draft"],
            ["add-line", "Ana Ruiz", "city-of-salem", "draft", "draft"],
            ["invite", "Ana Ruiz", "city-of-salem", "draft", "draft"],
            ["circulate", "Ana Ruiz", "city-of-salem", "draft", "forming"],
            ["join", "Søren Olsen", "marion-county", "forming", "forming"],
            ["sign-agreement", "Søren Olsen", "marion-county", "forming", "forming"],
            ["sign-agreement", "Ana Ruiz", "city-of-salem", "forming", "forming"],
            ["form", "Ana Ruiz", "city-of-salem", "forming", "formed"],
        ])
        #expect(history.map { $0["sequence"] as? Int } == Array(1...8))
        #expect(history.allSatisfy { $0["at"] as? String == sandbox.now }, "every step at COBUY_NOW")
        let join = try #require(history.first { $0["action"] as? String == "join" }?["details"] as? [String: Any])
        #expect(join["quantity"] as? String == "1=30", "the form asks per requirement line: \(join)")
        let signers = history.filter { $0["action"] as? String == "sign-agreement" }.compactMap { ($0["details"] as? [String: Any])?["signer"] as? String }
        #expect(signers == ["Søren Olsen", "Keith Stahley"])
    }

    // MARK: 2b. A live store

    @Test func aSolicitationCreatedInAnotherShellAppearsWithoutAKey() throws {
        let sandbox = try CobuySandbox()
        sandbox.seed()
        let screen = try launch(sandbox, "--store '\(sandbox.store)'")
        defer { screen.kill() }
        screen.type("2")
        try screen.waitFor("Solicitations:")
        let id = sandbox.must(["new", "solicitation", "--title", "Snow plows 2027", "--lead", "city-of-salem"], as: .salem).lastLine
        let created = Date()
        try screen.waitFor(id, "Snow plows 2027", timeout: 5)
        let seconds = Date().timeIntervalSince(created)
        print("a solicitation made in another shell showed after \(String(format: "%.2f", seconds)) s")
        #expect(seconds < 1.5, "within a second (plus tmux's polling)")
        try quit(screen)
    }

    // MARK: 2c. The whole job by keys

    /// Keys sent to the UI, counted: what an officer would type.
    final class Keyboard {
        let screen: TmuxScreen
        var count = 0
        init(_ screen: TmuxScreen) { self.screen = screen }
        func type(_ text: String) { count += text.count; screen.type(text) }
        func press(_ keys: String...) { count += keys.count; for key in keys { screen.press(key) } }
        /// `:`, a prefix of the command's name, Enter.
        func command(_ prefix: String) { type(":" + prefix); press("Enter") }
        /// `o`, a filter that finds the party, Enter.
        func actFor(_ filter: String, _ party: String) throws {
            type("o")
            try screen.waitFor("Who is acting?")
            type(filter)
            try screen.waitFor("(\(party),")
            press("Enter")
            try screen.waitFor("for \(party).", absent: ["Who is acting?"])
        }
    }

    /// From nothing but the parties: a joint solicitation created, formed, tendered, awarded and
    /// completed, its contract signed, then a piggyback addendum by another city to executed
    /// with both signatures, all by keys in the UI (the clock moved once, past the closing
    /// date, by starting Cobuy again with a later COBUY_NOW).
    @Test func aJointSolicitationFromNothingToCompleteThenAPiggybackAddendumToExecutedByKeys() throws {
        let sandbox = try CobuySandbox()
        sandbox.seed()
        var screen = try launch(sandbox, "--store '\(sandbox.store)'", width: 120, height: 40)
        defer { screen.kill() }
        var keys = Keyboard(screen)

        keys.command("new sol")
        try screen.waitFor("new solicitation", "title*")
        keys.type("Road salt 2027")
        keys.press("Enter")
        let created = try screen.waitFor("Created SOL-", "Road salt 2027  [draft]")
        let id = try #require(created.range(of: "SOL-[0-9]{4}-[0-9]{4}", options: .regularExpression).map { String(created[$0]) })

        keys.command("add-l")
        try screen.waitFor("add-line — \(id)")
        keys.type("Rock salt")
        keys.press("Tab")
        keys.type("500")
        keys.press("Tab")
        keys.type("ton")
        keys.press("Enter")
        try screen.waitFor("\(id): add-line done")
        keys.command("inv")
        try screen.waitFor("invite — \(id)")
        keys.type("marion")
        try screen.waitFor("Marion County (marion-county)")
        keys.press("Enter")
        try screen.waitFor("\(id): invite done")
        keys.command("circ")
        try screen.waitFor("y: yes    n or Esc: no")
        keys.type("y")
        try screen.waitFor("\(id): circulate done", "[forming]")

        try keys.actFor("marion", "marion-county")
        keys.command("join")
        try screen.waitFor("join — \(id)")
        keys.press("Enter")
        try screen.waitFor("\(id): join done")
        keys.command("sign")
        try screen.waitFor("sign-agreement — \(id)")
        keys.press("Tab")
        keys.type("Sam Lee")
        keys.press("Enter")
        try screen.waitFor("y: yes    n or Esc: no")
        keys.type("y")
        try screen.waitFor("\(id): sign-agreement done")

        try keys.actFor("salem", "city-of-salem")
        keys.command("sign")
        try screen.waitFor("sign-agreement — \(id)")
        keys.press("Tab")
        keys.type("Ana Ruiz")
        keys.press("Enter")
        try screen.waitFor("y: yes    n or Esc: no")
        keys.type("y")
        try screen.waitFor("\(id): sign-agreement done")
        keys.command("form")
        try screen.waitFor("y: yes    n or Esc: no")
        keys.type("y")
        try screen.waitFor("\(id): form done", "[formed]")
        keys.command("set-t")
        try screen.waitFor("set-tender — \(id)")
        keys.type("RFP 27-001")
        keys.press("Tab")
        keys.type("2026-02-01")
        keys.press("Enter")
        try screen.waitFor("\(id): set-tender done")
        keys.command("add-c")
        try screen.waitFor("add-criterion — \(id)")
        keys.type("Price")
        keys.press("Tab")
        keys.type("100")
        keys.press("Enter")
        try screen.waitFor("\(id): add-criterion done")
        keys.command("set-coo")
        try screen.waitFor("set-cooperative — \(id)")
        keys.type("all")
        keys.press("Tab")
        keys.type("all")
        keys.press("Enter")
        try screen.waitFor("\(id): set-cooperative done")
        keys.command("pub")
        try screen.waitFor("y: yes    n or Esc: no")
        keys.type("y")
        try screen.waitFor("\(id): publish done", "[soliciting]")
        keys.command("rec")
        try screen.waitFor("record-proposal — \(id)")
        keys.type("acme")
        keys.press("Tab")
        keys.type("50000")
        keys.press("Enter")
        try screen.waitFor("\(id): record-proposal done")
        keys.type("q")
        #expect(try screen.waitForExitStatus() == 0)

        // The closing date passes.
        screen.kill()
        sandbox.now = "2026-02-02T09:00:00Z"
        screen = try launch(sandbox, "--store '\(sandbox.store)'", width: 120, height: 40)
        let before = keys.count
        keys = Keyboard(screen)
        keys.count = before
        keys.type("2")
        try screen.waitFor("Solicitations:", id)
        keys.command("close")
        try screen.waitFor("y: yes    n or Esc: no")
        keys.type("y")
        try screen.waitFor("\(id): close done", "[evaluating]")
        keys.command("score")
        try screen.waitFor("score — \(id)")
        keys.type("acme")
        keys.press("Tab")
        keys.type("price")
        keys.press("Tab")
        keys.type("90")
        keys.press("Enter")
        try screen.waitFor("\(id): score done")
        keys.command("award")
        try screen.waitFor("award — \(id)")
        keys.type("acme")
        keys.press("Enter")
        try screen.waitFor("y: yes    n or Esc: no")
        keys.type("y")
        let awarded = try screen.waitFor("\(id): award done", "[awarded]")
        let contract = try #require(awarded.range(of: "CON-[0-9]{4}-[0-9]{4}", options: .regularExpression).map { String(awarded[$0]) })

        // The lead signs the contract (its term starts today), then completes the solicitation.
        keys.type("3")
        try screen.waitFor("Contracts:", contract)
        keys.command("sign")
        try screen.waitFor("sign — \(contract)")
        keys.press("Tab")
        keys.type("2028-02-01")
        keys.press("Enter")
        try screen.waitFor("y: yes    n or Esc: no")
        keys.type("y")
        try screen.waitFor("\(contract): sign done")
        keys.type("2")
        try screen.waitFor("Solicitations:", id)
        keys.command("compl")
        try screen.waitFor("y: yes    n or Esc: no")
        keys.type("y")
        try screen.waitFor("\(id): complete done")
        keys.type("3")
        try screen.waitFor("Contracts:", contract)

        // The City of Bend piggybacks on it.
        try keys.actFor("bend", "city-of-bend")
        keys.type("+")
        let drafted = try screen.waitFor("Drafted PA-")
        let addendum = try #require(drafted.range(of: "PA-[0-9]{4}-[0-9]{4}", options: .regularExpression).map { String(drafted[$0]) })
        keys.type("e")
        try screen.waitFor("edit — \(addendum)")
        keys.type("Rock salt for winter roads")
        keys.press("Tab")
        keys.type("Jo Park")
        keys.press("Tab")
        keys.type("20000")
        keys.press("Enter")
        try screen.waitFor("\(addendum): edit done")
        keys.command("sub")
        try screen.waitFor("\(addendum): submit done", "[submitted]")
        try keys.actFor("salem", "city-of-salem")
        keys.command("appr")
        try screen.waitFor("y: yes    n or Esc: no")
        keys.type("y")
        try screen.waitFor("\(addendum): approve done", "[approved]")
        try keys.actFor("bend", "city-of-bend")
        keys.command("sign")
        try screen.waitFor("sign — \(addendum)")
        keys.press("Enter")
        try screen.waitFor("y: yes    n or Esc: no")
        keys.type("y")
        try screen.waitFor("\(addendum): sign done")
        try keys.actFor("acme", "acme-fleet")
        keys.command("sign")
        try screen.waitFor("sign — \(addendum)")
        keys.press("Enter")
        try screen.waitFor("y: yes    n or Esc: no")
        keys.type("y")
        try screen.waitFor("\(addendum): sign done", "[executed]")
        print("the whole job took \(keys.count) keystrokes")
        #expect(keys.count <= 450)
        try quit(screen)

        #expect(sandbox.json(id)?["status"] as? String == "complete")
        let record = try #require(sandbox.json(addendum))
        #expect(record["status"] as? String == "executed")
        #expect(record["party"] as? String == "city-of-bend")
    }

    // MARK: 3. Search

    @Test func slashSearchesContractsAsYouType() throws {
        let sandbox = try CobuySandbox()
        let screen = try launch(sandbox, "demo")
        defer { screen.kill() }
        screen.type("3")
        try screen.waitFor("Contracts: 17 of 17", "Office furniture", "Road salt, winter 2026", "Heavy equipment rental", "Body armor")
        screen.type("/")
        screen.type("road")
        // "road" is in one title and in another contract's category (Road maintenance).
        try screen.waitFor("search \"road\"", "Road salt, winter 2026", "Heavy equipment rental",
                           absent: ["Office furniture", "Body armor", "Tires and tubes"])
        screen.type(" sal")
        try screen.waitFor("Contracts: 1 of 17", "search \"road sal\"", "Road salt, winter 2026",
                           absent: ["Heavy equipment rental", "Office furniture", "Body armor"])
        screen.press("Escape")
        try screen.waitFor("Contracts: 17 of 17", "Office furniture", "Heavy equipment rental", absent: ["search \""])
        try quit(screen)
    }

    // MARK: 4. Joinability checklist and join

    @Test func anIneligibleContractShowsItsChecklistAndAnEligibleOneIsJoined() throws {
        let sandbox = try CobuySandbox()
        let screen = try launch(sandbox, "demo", environment: Self.portland, width: 130, height: 40)
        defer { screen.kill() }
        screen.type("3")
        try screen.waitFor("Contracts: 17 of 17")

        // King County's heavy equipment rental is closed to other bodies.
        screen.type("/heavy equipment")
        try screen.waitFor("Contracts: 1 of 17", "CON-2024-0006")
        screen.press("Enter")
        screen.press("Enter")
        try screen.waitFor("CON-2024-0006  Heavy equipment rental  [active]", "Can city-of-portland join? No",
                           "city-of-portland may not join",
                           "│  ✗ cooperative-clause: The contract has no cooperative clause",
                           "│  ✗ kind: A city is not eligible",
                           "│  ✗ region: US-OR is outside the eligible regions",
                           "│  ✓ active: The contract is active.")
        screen.type("+")
        try screen.waitFor("city-of-portland may not join CON-2024-0006: The contract has no cooperative clause", absent: ["Drafted"])

        // Washington's office furniture contract is open to any public body in the US.
        screen.press("Escape")
        try screen.waitFor("Contracts: 1 of 17")
        screen.type("c")
        try screen.waitFor("Contracts: 17 of 17")
        screen.type("/office furniture")
        try screen.waitFor("Contracts: 1 of 17", "CON-2024-0001")
        screen.press("Enter")
        screen.press("Enter")
        let eligible = try screen.waitFor("CON-2024-0001  Office furniture", "Can city-of-portland join? Yes",
                                          "✓ cooperative-clause:", "✓ no-other-addendum:")
        // Checklist rows are indented in the Details box ("│  ✓ …"); the Actions box's refused rows are not.
        #expect(!eligible.contains("│  ✗ "), "no check fails:\n\(eligible)")
        screen.type("+")
        let drafted = try screen.waitFor("Drafted PA-")
        let message = try #require(drafted.split(separator: "\n").first { $0.contains("Drafted PA-") })
        let word = try #require(message.split(separator: " ").first { $0.hasPrefix("PA-") })
        let addendum = String(word.filter { $0.isLetter || $0.isNumber || $0 == "-" })
        try screen.waitFor("[draft]", addendum)
        try quit(screen)

        let addenda = try sandbox.jsonRows(["list", "addenda", "--format", "json", "--store", demoStore(sandbox)])
        let portland = addenda.filter { $0["party"] as? String == "city-of-portland" }
        #expect(portland.contains { $0["id"] as? String == addendum && $0["contract"] as? String == "CON-2024-0001"
            && $0["status"] as? String == "draft" }, "\(addendum) drafted for Portland on CON-2024-0001: \(portland)")
        #expect(!portland.contains { $0["contract"] as? String == "CON-2024-0006" }, "nothing drafted on the closed contract: \(portland)")
    }

    // MARK: 5. Resize storm

    @Test func aResizeStormDownTo20x6AndBackLeavesAWorkingScreen() throws {
        let sandbox = try CobuySandbox()
        let screen = try launch(sandbox, "demo")
        defer { screen.kill() }
        let before = try screen.waitFor("1 Dashboard", "Solicitations closing")
        let sizes = [(80, 24), (20, 6), (60, 16), (59, 15), (120, 40), (30, 8), (20, 6), (79, 23), (100, 30), (25, 7),
                     (61, 17), (20, 6), (140, 45), (40, 10), (100, 30), (20, 6)]
        for _ in 0..<3 {
            for (width, height) in sizes { screen.resize(width, height) }
        }
        // At 20×6 it says so, wrapped to the width, and keeps running.
        try screen.waitFor("Cobuy needs at least", "60×16; this terminal", "is 20×6. Enlarge it,", "or press q to quit.")
        #expect(screen.alternateScreen)
        screen.resize(59, 16)
        try screen.waitFor("Cobuy needs at least 60×16; this terminal is 59×16.")
        screen.resize(100, 30)
        // Back at the first size, the whole screen is drawn again exactly as it was.
        let after = try screen.waitUntil("the dashboard as before the storm") { $0 == before }
        #expect(after == before)
        try quit(screen)
    }

    /// The too-small message says "press q to quit"; q must do so whatever was taking input.
    @Test func atATooSmallSizeQQuitsAsTheMessageSaysEvenWhileSearching() throws {
        let sandbox = try CobuySandbox()
        let screen = try launch(sandbox, "demo")
        defer { screen.kill() }
        screen.type("3")
        try screen.waitFor("Contracts: 17 of 17")
        screen.type("/ro")
        try screen.waitFor("search \"ro\"")
        screen.resize(20, 6)
        try screen.waitFor("or press q to quit.")
        screen.type("q")
        let status = try screen.waitForExitStatus(timeout: 10)
        #expect(status == 0)
    }

    // MARK: 6. Ctrl-Z and fg

    @Test func ctrlZSuspendsAndFgRedrawsTheWholeScreen() throws {
        let sandbox = try CobuySandbox()
        let screen = try TmuxScreen(sandbox, environment: Self.salem)
        defer { screen.kill() }
        // Run alone, not in a `; echo` list: bash carries on with a list once its job stops.
        screen.type("'\(sandbox.binary)' demo")
        screen.press("Enter")
        try screen.waitFor("1 Dashboard")
        screen.type("3")
        let before = try screen.waitFor("Contracts: 17 of 17", "Office furniture")
        screen.press("C-z")
        let suspended = try screen.waitUntil("the job stopped and the prompt back") {
            $0.contains("Stopped") && TmuxScreen.promptIsLast($0)
        }
        #expect(!screen.alternateScreen, "the terminal is restored while suspended")
        #expect(!suspended.contains("1 Dashboard"), "the shell's screen, not the UI's:\n\(suspended)")
        screen.type("fg")
        screen.press("Enter")
        let resumed = try screen.waitUntil("the same screen as before Ctrl-Z") { $0 == before }
        #expect(resumed == before)
        #expect(screen.alternateScreen)
        // Still answering keys after the resume.
        screen.type("2")
        try screen.waitFor("Solicitations:")
        screen.type("q")
        try screen.waitUntil("the shell back") { TmuxScreen.promptIsLast($0) && !$0.contains("1 Dashboard") }
        screen.type("echo EXI\"\"T=$?")
        screen.press("Enter")
        #expect(try screen.waitForExitStatus() == 0)
    }

    // MARK: 7. A title sequence in a record

    @Test func aPartyNamedWithAnOSCTitleSequenceDoesNotRetitleTheTerminal() throws {
        let sandbox = try CobuySandbox()
        sandbox.seed()
        let name = "\u{1B}]0;PWNED\u{07}Evil City"
        sandbox.must(["new", "party", "--id", "evil-city", "--name", name, "--kind", "city", "--region", "US-OR"])
        #expect(sandbox.json("evil-city")?["name"] as? String == name, "the store keeps the name as given")

        let screen = try TmuxScreen(sandbox, environment: Self.salem)
        defer { screen.kill() }
        screen.setTitle("cobuy-before")
        #expect(screen.title == "cobuy-before")
        screen.run("'\(sandbox.binary)' --store '\(sandbox.store)'")
        try screen.waitFor("1 Dashboard")
        screen.type("5")
        let list = try screen.waitFor("Parties:", "Evil City")
        screen.type("/evil")
        screen.press("Enter")
        screen.press("Enter")
        let record = try screen.waitFor("evil-city", "Evil City", "Audit trail")
        for shown in [list, record] {
            #expect(!shown.contains("\u{1B}") && !shown.contains("\u{07}") && !shown.contains("]0;"),
                    "no escape sequence or its remains on screen:\n\(shown)")
        }
        #expect(screen.title == "cobuy-before", "the title is untouched while the UI runs")
        try quit(screen)
        #expect(screen.title == "cobuy-before", "the title is untouched after")

        // The check can fail: the same bytes printed raw do retitle this terminal.
        screen.type("printf '\\033]0;PWNED\\007Evil City\\n'")
        screen.press("Enter")
        try screen.waitUntil("the raw sequence printed") { $0.contains("\nEvil City") && TmuxScreen.promptIsLast($0) }
        #expect(screen.title == "PWNED")
    }

    // MARK: 8. NO_COLOR

    /// The SGR parameters of `text` (from `capture-pane -e`): whether any sets a colour
    /// (30–37, 38;…, 40–47, 48;…, 90–97, 100–107) and whether any is bold (1) or reverse (7).
    static func sgr(in text: String) -> (colour: Bool, emphasis: Bool) {
        var colour = false, emphasis = false
        var rest = Substring(text)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            let body = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ";" || $0 == ":") }
            guard rest.dropFirst(body.count).first == "m" else { continue }
            var parameters = body.split(separator: ";", omittingEmptySubsequences: false).map { Int($0.split(separator: ":").first ?? "0") ?? 0 }[...]
            while let parameter = parameters.popFirst() {
                switch parameter {
                case 30...37, 40...47, 90...97, 100...107: colour = true
                case 38, 48, 58:
                    if parameter != 58 { colour = true }
                    // 38;5;N or 38;2;R;G;B: skip the colour's own numbers.
                    switch parameters.popFirst() {
                    case 5: _ = parameters.popFirst()
                    case 2: parameters = parameters.dropFirst(3)
                    default: break
                    }
                case 1, 7: emphasis = true
                default: break
                }
            }
        }
        return (colour, emphasis)
    }

    @Test func noColorDrawsWithoutColourCodes() throws {
        func attributes(_ environment: [String: String]) throws -> (colour: Bool, emphasis: Bool, text: String) {
            let sandbox = try CobuySandbox()
            let screen = try launch(sandbox, "demo", environment: environment)
            defer { screen.kill() }
            try screen.waitFor("Solicitations closing")
            var text = screen.contents(escapes: true)
            // A list with its selected row, and a record with its stepper and checklist.
            screen.type("3")
            try screen.waitFor("Contracts: 17 of 17")
            text += screen.contents(escapes: true)
            screen.press("Enter")
            try screen.waitFor("Can city-of-salem join?")
            text += screen.contents(escapes: true)
            try quit(screen)
            let found = Self.sgr(in: text)
            return (found.colour, found.emphasis, text)
        }
        let sample = Self.sgr(in: "\u{1B}[1m\u{1B}[38;5;1mx\u{1B}[0m"), uncoloured = Self.sgr(in: "\u{1B}[7mx\u{1B}[39m\u{1B}[49m")
        #expect(sample.colour && sample.emphasis, "the parser sees colour and bold")
        #expect(!uncoloured.colour && uncoloured.emphasis, "default colours are not colour; reverse is emphasis")

        let plain = try attributes(Self.salem.merging(["NO_COLOR": "1"]) { $1 })
        #expect(!plain.colour, "NO_COLOR draws no colour")
        #expect(plain.emphasis, "emphasis stays, by bold or reverse")
        let coloured = try attributes(Self.salem)
        #expect(coloured.colour, "without NO_COLOR there is colour: the check can tell")
    }

    // MARK: Beyond the eight

    /// The terminal disappears under the program (its tmux server killed): it must end, not
    /// spin on a dead input at full CPU.
    @Test func losingTheTerminalEndsTheProgram() throws {
        let sandbox = try CobuySandbox()
        sandbox.seed()
        let screen = try TmuxScreen(sandbox, environment: Self.salem,
                                    command: "'\(sandbox.binary)' --store '\(sandbox.store)'; sleep 600")
        defer { screen.kill() }
        try screen.waitFor("1 Dashboard")
        screen.tmux(["kill-server"])
        func running() -> Bool {
            sandbox.execute("/usr/bin/pgrep", ["-f", "cobuy --store \(sandbox.store)"], environment: sandbox.environment, timeout: 10).status == 0
        }
        let deadline = Date().addingTimeInterval(15)
        while running(), Date() < deadline { usleep(100_000) }
        #expect(!running(), "the program ended with its terminal")
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
        defer { screen.kill() }
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
        defer { screen.kill() }
        screen.type("3")
        try screen.waitFor("Contracts: 5000 of 5000")
        screen.type("J")
        try screen.waitFor("joinable by my party")
        screen.type("/")
        screen.type("salt")
        try screen.waitFor("search \"salt\"", "CON-ocds-gen000-11-")
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
