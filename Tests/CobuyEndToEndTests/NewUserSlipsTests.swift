import Foundation
import Testing

/// What a new user met on the command line: the lead offered its own contract to join, ids
/// that are not ids, store options before the command, typos without a suggestion.
@Suite struct NewUserSlipsTests {
    @Test func theLeadIsNotOfferedItsOwnContractToJoin() throws {
        let sandbox = try CobuySandbox()
        #expect(sandbox.run(["init", "--sample"]).status == 0)
        // CON-2025-0001 is led by city-of-salem and open to cities in US-OR.
        let salem = sandbox.run(["list", "contracts", "--joinable-by", "city-of-salem", "--format", "csv"])
        #expect(salem.status == 0, "\(salem)")
        #expect(!salem.stdout.contains("CON-2025-0001"), "\(salem.stdout)")
        let portland = sandbox.run(["list", "contracts", "--joinable-by", "city-of-portland", "--format", "csv"])
        #expect(portland.stdout.contains("CON-2025-0001"), "\(portland.stdout)")

        let draft = sandbox.run(["new", "addendum", "--contract", "CON-2025-0001", "--party", "city-of-salem"], as: .salem)
        #expect(draft.status == 1)
        #expect(draft.stderr.contains("city-of-salem leads CON-2025-0001: the lead administers this contract and needs no participating addendum."),
                "\(draft.stderr)")
        #expect(draft.stderr.contains("[guard: own-contract]"))
        // No checklist for the lead in `cobuy actions`; a joiner still gets one.
        #expect(!sandbox.run(["actions", "CON-2025-0001"], as: .salem).stdout.contains("Joinability"))
        #expect(sandbox.run(["actions", "CON-2025-0001"], as: Acting(name: "Kai Lee", party: "city-of-portland")).stdout
            .contains("Joinability: city-of-portland may join CON-2025-0001"))
    }

    @Test func anIdThatIsNotAnIdIsSaidSo() throws {
        let sandbox = try CobuySandbox()
        #expect(sandbox.run(["init", "--sample"]).status == 0)
        let path = sandbox.run(["show", "../../etc/passwd"])
        #expect(path.status == 1)
        #expect(path.stderr == "cobuy: There is no record ../../etc/passwd in the store.\n", "\(path.stderr)")
        let solicitation = sandbox.run(["show", "sol-2026-0009x"])
        #expect(solicitation.status == 1)
        #expect(solicitation.stderr.hasPrefix("cobuy: There is no joint solicitation sol-2026-0009x in the store."), "\(solicitation.stderr)")
        #expect(solicitation.stderr.contains("Did you mean SOL-2026-"), "the suggestions are kept: \(solicitation.stderr)")

        for arguments in [["show", ""], ["actions", " "], ["do", "", "circulate"], ["export", "addendum", ""],
                          ["new", "addendum", "--contract", "", "--party", "city-of-salem"],
                          ["list", "contracts", "--joinable-by", ""]] {
            let empty = sandbox.run(arguments, as: ["show", "list"].contains(arguments[0]) ? nil : .salem)
            #expect(empty.status == 64, "\(empty)")
            #expect(empty.stderr.contains("empty"), "\(empty)")
            #expect(!empty.crashed)
        }
    }

    @Test func aStatusOnAKindWithoutStatesIsAUsageError() throws {
        let sandbox = try CobuySandbox()
        #expect(sandbox.run(["init", "--sample"]).status == 0)
        let parties = sandbox.run(["list", "parties", "--status", "active"])
        #expect(parties.status == 64, "\(parties)")
        #expect(parties.stderr.contains("parties have no states; --status applies to solicitations, contracts and addenda."), "\(parties.stderr)")
        #expect(parties.stdout.isEmpty)
    }

    @Test func storeOptionsComeBeforeTheCommandToo() throws {
        let sandbox = try CobuySandbox()
        let elsewhere = "\(sandbox.folder)/other-store"
        #expect(sandbox.run(["init", "--sample", "--store", elsewhere]).status == 0)
        let unset: [String: String?] = ["COBUY_STORE": nil]
        for arguments in [["--store", elsewhere, "list", "parties"], ["--store=\(elsewhere)", "list", "parties"],
                          ["--store", elsewhere, "show", "city-of-salem"]] {
            let run = sandbox.run(arguments, environment: unset)
            #expect(run.status == 0, "\(run)")
            #expect(run.stdout.contains("city-of-salem") || run.stdout.contains("City of Salem"), "\(run)")
        }
        // A nested command: the options go after its whole name.
        let created = sandbox.run(["--store", elsewhere, "new", "solicitation", "--title", "Road salt"], as: .salem, environment: unset)
        #expect(created.status == 0, "\(created)")
        #expect(sandbox.run(["list", "solicitations", "--store", elsewhere, "--query", "road salt"], environment: unset).stdout.contains("Road salt"))
        // The flag after the command still works, and a command that takes no --no-color says so.
        #expect(sandbox.run(["list", "parties", "--store", elsewhere], environment: unset).status == 0)
        #expect(sandbox.run(["--no-color", "list", "parties", "--store", elsewhere], environment: unset).status == 64)
    }

    @Test func noStoreSuggestsHowToMakeOne() throws {
        let sandbox = try CobuySandbox()
        let missing = sandbox.run(["list", "contracts"], environment: ["COBUY_STORE": nil])
        #expect(missing.status == 1)
        for hint in ["cobuy init", "cobuy init --sample", "cobuy demo"] {
            #expect(missing.stderr.contains(hint), "\(missing.stderr)")
        }
    }

    @Test func typosAreAnsweredWithTheNearestActionAndParty() throws {
        let sandbox = try CobuySandbox()
        #expect(sandbox.run(["init", "--sample"]).status == 0)
        let action = sandbox.run(["do", "SOL-2026-0006", "invte", "--party", "marion-county"], as: .salem)
        #expect(action.status == 64, "\(action)")
        #expect(action.stderr.contains("\"invte\" is not an action on a joint solicitation. Did you mean invite?"), "\(action.stderr)")
        let party = sandbox.run(["do", "SOL-2026-0006", "invite", "--party", "marion-county"], as: Acting(name: "Kai Lee", party: "city-of-salme"))
        #expect(party.status == 1, "\(party)")
        #expect(party.stderr.contains("You act for city-of-salme, but there is no such party in the store. Did you mean city-of-salem (City of Salem)?"),
                "\(party.stderr)")
    }

    @Test func kindsAreTakenAsShown() throws {
        let sandbox = try CobuySandbox()
        #expect(sandbox.run(["init"]).status == 0)
        let made = sandbox.run(["new", "party", "--id", "bend-la-pine", "--name", "Bend-La Pine Schools", "--kind", "School District",
                                "--region", "US-OR"])
        #expect(made.status == 0, "\(made)")
        #expect(sandbox.run(["show", "bend-la-pine", "--format", "json"]).stdout.contains("school-district"))
        let wrong = sandbox.run(["new", "party", "--id", "x-sd", "--name", "X", "--kind", "school", "--region", "US-OR"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("school-district"), "the valid kinds are listed: \(wrong.stderr)")
        #expect(sandbox.run(["list", "contracts", "--eligible-kind", "school district"]).status == 0)
        let validated = sandbox.run(["validate"])
        #expect(validated.stdout.contains("1 record checked"), "\(validated)")
    }
}
