import Foundation
import Testing

/// Asking before what cannot be undone, and `$EDITOR` for long text, in the real binary by keys.
@Suite(.serialized, .timeLimit(.minutes(3))) struct ReadAndConfirmInTmuxTests {
    let ui = UIInTmuxTests()

    @Test func cancellingAsksNamingTheRecordAndNGoesBackToTheFormThenYCancels() throws {
        let (sandbox, id) = try ui.draftSolicitation()
        let screen = try ui.launch(sandbox, "--store '\(sandbox.store)'", width: 100, height: 30)
        defer { screen.kill() }
        screen.type("2")
        try screen.waitFor("Solicitations:", id)
        screen.press("Enter")
        try screen.waitFor("\(id)  Road salt 2027  [draft]")
        screen.type(":cancel")
        screen.press("Enter")
        try screen.waitFor("cancel — \(id)")
        screen.type("Budget moved to 2028")
        screen.press("Enter")
        let question = try screen.waitFor("y: yes    n or Esc: no")
        // The dialog's lines, as wrapped at this width.
        for part in ["Cancel the solicitation: \(id) “Road salt 2027”", "(reason Budget moved to 2028)? The solicitation ends for",
                     "every partner and cannot be reopened. This cannot be undone."] {
            #expect(question.contains(part), "\(part)\n\(question)")
        }
        // n: back to the form as typed; nothing written.
        screen.type("n")
        try screen.waitFor("cancel — \(id)", "Budget moved to 2028", absent: ["y: yes    n or Esc: no"])
        #expect(sandbox.json(id)?["status"] as? String == "draft")
        screen.press("Enter")
        try screen.waitFor("y: yes    n or Esc: no")
        screen.type("y")
        try screen.waitFor("\(id): cancel done", "[cancelled]")
        try ui.quit(screen)
        #expect(sandbox.json(id)?["status"] as? String == "cancelled")
    }

    @Test func ctrlOWritesALineInTheEditorAndTheTextComesBackIntoTheForm() throws {
        let (sandbox, id) = try ui.draftSolicitation()
        // The "editor": prefixes what it was given and adds a second line typed on the keyboard, as
        // an officer would (so it must be able to read the terminal).
        let editor = "\(sandbox.folder)/edit-line.sh"
        try "#!/bin/sh\nprintf 'Second line: '\nIFS= read -r typed || exit 3\n{ printf 'Edited: '; cat \"$1\"; printf '%s\\n' \"$typed\"; } > \"$1.new\" && mv \"$1.new\" \"$1\"\n"
            .write(toFile: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor)
        let screen = try ui.launch(sandbox, "--store '\(sandbox.store)'", environment: UIInTmuxTests.salem.merging(["EDITOR": editor]) { $1 },
                                   width: 100, height: 30)
        defer { screen.kill() }
        screen.type("2")
        try screen.waitFor("Solicitations:", id)
        screen.press("Enter")
        try screen.waitFor("\(id)  Road salt 2027  [draft]")
        screen.type(":add-l")
        screen.press("Enter")
        try screen.waitFor("add-line — \(id)", "Ctrl-O editor")
        screen.type("Brine")
        screen.press("C-o")
        try screen.waitFor("Second line:")
        screen.type("delivered to the county yards")
        screen.press("Enter")
        // The screen is back, the form open, the edited text in the field.
        try screen.waitFor("add-line — \(id)", "Edited: Brine↵delivered to the county yards", "(2 lines)")
        #expect(screen.alternateScreen)
        screen.press("Tab")
        screen.type("20")
        screen.press("Tab")
        screen.type("kgal")
        screen.press("Enter")
        try screen.waitFor("\(id): add-line done")
        try ui.quit(screen)
        let lines = try #require(sandbox.json(id)?["lines"] as? [[String: Any]])
        #expect(lines.last?["text"] as? String == "Edited: Brine\ndelivered to the county yards")
    }
}
