import Foundation
import Testing

/// Issue 11's bar as its script walks it, with a new user's keys: create from the palette, add
/// a line, invite a county found by a few letters, see the vendors among whom one can act, and
/// see a record made in another shell arrive without a key.
extension UIInTmuxTests {
    @Test func theWorkbenchBarCreateAddALineInviteByAFewLettersAndActAsAVendor() throws {
        let sandbox = try CobuySandbox()
        sandbox.seed()
        sandbox.must(["new", "party", "--id", "birch-county", "--name", "Birch County", "--kind", "county", "--region", "US-OR"],
                     as: .salem)
        let screen = try launch(sandbox, "--store '\(sandbox.store)'", width: 100, height: 30)
        defer { screen.kill() }

        // `:` `new solicitation` Enter: a form with a Title field; a title and Enter create it and show it.
        screen.type(":new solicitation")
        screen.press("Enter")
        try screen.waitFor("new solicitation", "title")
        screen.type("Road salt 2027")
        screen.press("Enter")
        let created = try screen.waitFor("Created SOL-", "Road salt 2027")
        let id = try #require(created.range(of: "SOL-[0-9]{4}-[0-9]{4}", options: .regularExpression).map { String(created[$0]) })

        // `:` `add-line`: Tab between text, quantity and unit; Enter records the line.
        screen.type(":add-line")
        screen.press("Enter")
        try screen.waitFor("add-line — \(id)", "text", "quantity", "unit")
        screen.type("Rock salt")
        screen.press("Tab")
        screen.type("500")
        screen.press("Tab")
        screen.type("ton")
        screen.press("Enter")
        try screen.waitFor("\(id): add-line done")
        let line = try #require((sandbox.json(id)?["lines"] as? [[String: Any]])?.first)
        #expect(line["text"] as? String == "Rock salt")
        #expect(line["quantity"] as? Int == 500)
        #expect(line["unit"] as? String == "ton")

        // `:` `invite`: "Birch" suggests Birch County; Enter invites it.
        screen.type(":invite")
        screen.press("Enter")
        try screen.waitFor("invite — \(id)")
        screen.type("Birch")
        try screen.waitFor("Birch County (birch-county)")
        screen.press("Enter")
        try screen.waitFor("\(id): invite done")
        let partners = (sandbox.json(id)?["partners"] as? [[String: Any]]) ?? []
        #expect(partners.contains { $0["party"] as? String == "birch-county" && $0["status"] as? String == "invited" }, "\(partners)")

        // `o` offers vendors too; Esc leaves the acting party as it was.
        screen.type("o")
        try screen.waitFor("Who is acting?")
        screen.press("Tab")
        screen.type("acme")
        try screen.waitFor("(acme-fleet,")
        screen.press("Escape")
        try screen.waitFor("for city-of-salem", absent: ["Who is acting?"])

        // A solicitation made by `cobuy new` in another shell shows on its tab without a key.
        screen.type("2")
        try screen.waitFor("Solicitations:")
        let other = sandbox.must(["new", "solicitation", "--title", "Snow plows 2027", "--lead", "city-of-salem"], as: .salem).lastLine
        let made = Date()
        try screen.waitFor(other, "Snow plows 2027", timeout: 5)
        print("workbench bar: a solicitation made in another shell showed after \(String(format: "%.2f", Date().timeIntervalSince(made))) s")
        try quit(screen)
    }
}
