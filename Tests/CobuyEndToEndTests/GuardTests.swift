import Foundation
import Testing

/// Every guard in docs/DESIGN.md's tables that the command line can reach refuses with exit status
/// 1, one line on stderr naming the record and the unmet condition, and changes no file.
@Suite struct GuardTests {
    static let scenarios: [Scenario] = [
        Scenario(name: "draft", steps: Stage.draftWithoutLines + [
            .refuse(.salem, ["do", "$SOL", "circulate"], record: "$SOL", guard: "requirement-lines", mentions: ["no requirement lines"]),
            .refuse(.salem, ["do", "$SOL", "add-line", "--text", "Sedan", "--quantity", "0", "--unit", "each"], record: "$SOL",
                    guard: "quantity-positive", mentions: ["quantity"]),
            .refuse(.salem, ["do", "$SOL", "add-line", "--text", "  ", "--quantity", "1", "--unit", "each"], record: "$SOL",
                    guard: "text-required"),
            .refuse(.salem, ["do", "$SOL", "invite", "--party", "acme-fleet"], record: "$SOL", guard: "public-body",
                    mentions: ["acme-fleet", "not a public body"]),
            .refuse(.salem, ["do", "$SOL", "invite", "--party", "marion-county"], record: "$SOL", guard: "not-partner",
                    mentions: ["already a partner"]),
            .refuse(.salem, ["do", "$SOL", "invite", "--party", "nobody-here"], record: "$SOL", guard: "party-known"),
            .refuse(.salem, ["do", "$SOL", "designate-lead", "--party", "city-of-bend"], record: "$SOL", guard: "lead-is-partner",
                    mentions: ["city-of-bend"]),
            .refuse(.bend, ["do", "$SOL", "add-line", "--text", "Bus", "--quantity", "1", "--unit", "each"], record: "$SOL",
                    guard: "role", mentions: ["city-of-salem", "city-of-bend"]),
            .refuse(.salem, ["do", "$SOL", "form"], record: "$SOL", guard: "state", mentions: ["forming", "draft"]),
            .ok(.salem, ["do", "$SOL", "add-line", "--text", "Patrol sedan", "--quantity", "40", "--unit", "each"]),
            // A draft's line is corrected and an invitation withdrawn through `cobuy do`, with their guards.
            .refuse(.salem, ["do", "$SOL", "edit-line", "--line", "9", "--text", "Van"], record: "$SOL", guard: "line-known"),
            .refuse(.salem, ["do", "$SOL", "edit-line", "--line", "1"], record: "$SOL", guard: "something-to-change"),
            .ok(.salem, ["do", "$SOL", "edit-line", "--line", "1", "--quantity", "42"]),
            .refuse(.salem, ["do", "$SOL", "withdraw-invitation", "--party", "city-of-bend"], record: "$SOL", guard: "invited",
                    mentions: ["city-of-bend"]),
            // Wrong role: a partner circulating the lead's draft.
            .refuse(.marion, ["do", "$SOL", "circulate"], record: "$SOL", guard: "role", mentions: ["lead party", "city-of-salem", "marion-county"]),
            // Without a lead, nothing can circulate.
            .ok(.salem, ["new", "solicitation", "--title", "No lead yet"], capture: ("SOL2", "SOL-")),
            .ok(.salem, ["do", "$SOL2", "add-line", "--text", "Salt", "--quantity", "5", "--unit", "ton"]),
            .refuse(.salem, ["do", "$SOL2", "circulate"], record: "$SOL2", guard: "lead-designated", mentions: ["No lead party"]),
        ]),
        Scenario(name: "forming", steps: Stage.forming + [
            .refuse(.bend, ["do", "$SOL", "join", "--party", "city-of-bend"], record: "$SOL", guard: "invited", mentions: ["city-of-bend"]),
            .refuse(.salem, ["do", "$SOL", "join", "--party", "marion-county"], record: "$SOL", guard: "invited"),
            .refuse(.marion, ["do", "$SOL", "sign-agreement", "--party", "marion-county", "--signer", "X"], record: "$SOL", guard: "joined",
                    mentions: ["marion-county"]),
            .refuse(.salem, ["do", "$SOL", "form"], record: "$SOL", guard: "lead-signed", mentions: ["city-of-salem", "not signed"]),
            .ok(.salem, ["do", "$SOL", "sign-agreement", "--party", "city-of-salem", "--signer", "C. Hoy"]),
            .refuse(.salem, ["do", "$SOL", "form"], record: "$SOL", guard: "partners-signed", mentions: ["marion-county"]),
            .refuse(.marion, ["do", "$SOL", "join", "--party", "marion-county", "--quantity", "0"], record: "$SOL", guard: "quantity-positive"),
            .ok(.marion, ["do", "$SOL", "join", "--party", "marion-county", "--quantity", "25"]),
            .refuse(.salem, ["do", "$SOL", "form"], record: "$SOL", guard: "partners-signed", mentions: ["marion-county"]),
            .refuse(.salem, ["do", "$SOL", "withdraw", "--party", "city-of-salem", "--reason", "Changed our mind"], record: "$SOL",
                    guard: "not-lead", mentions: ["cannot withdraw"]),
            .refuse(.bend, ["do", "$SOL", "withdraw", "--party", "marion-county", "--reason", "Mischief"], record: "$SOL", guard: "role"),
            .refuse(.salem, ["do", "$SOL", "publish"], record: "$SOL", guard: "state", mentions: ["formed", "forming"]),
            .refuse(.marion, ["do", "$SOL", "cancel", "--reason", "Not ours to cancel"], record: "$SOL", guard: "role",
                    mentions: ["city-of-salem"]),
            .refuse(.salem, ["do", "$SOL", "cancel", "--reason", " "], record: "$SOL", guard: "reason-required"),
        ]),
        Scenario(name: "formed", steps: Stage.formed + [
            .refuse(.salem, ["do", "$SOL", "publish"], record: "$SOL", guard: "tender-set", mentions: ["solicitation number", "closing date"]),
            .refuse(.salem, ["do", "$SOL", "set-tender", "--number", "R-1", "--date", "2026-01-01"], record: "$SOL",
                    guard: "closing-after-today", mentions: ["2026-01-01", "2026-01-05"]),
            .refuse(.salem, ["do", "$SOL", "set-tender", "--number", "R-1", "--date", "2026-01-05"], record: "$SOL",
                    guard: "closing-after-today"),
            .refuse(.salem, ["do", "$SOL", "add-criterion", "--criterion", "Price", "--weight", "0"], record: "$SOL", guard: "weight-range",
                    mentions: ["between 1 and 100", "0"]),
            .refuse(.salem, ["do", "$SOL", "add-criterion", "--criterion", "Price", "--weight", "101"], record: "$SOL", guard: "weight-range",
                    mentions: ["101"]),
            .refuse(.salem, ["do", "$SOL", "set-cooperative", "--kinds", "wizards", "--regions", "US-OR"], record: "$SOL",
                    guard: "kinds-known", mentions: ["wizards"]),
            .refuse(.salem, ["do", "$SOL", "set-cooperative", "--kinds", "city", "--regions", "Atlantis"], record: "$SOL",
                    guard: "regions-known", mentions: ["Atlantis"]),
            .refuse(.marion, ["do", "$SOL", "set-tender", "--number", "R-1", "--date", "2026-03-01"], record: "$SOL", guard: "role",
                    mentions: ["city-of-salem"]),
            .ok(.salem, ["do", "$SOL", "set-tender", "--number", "RFP 1", "--date", "2026-03-01"]),
            .refuse(.salem, ["do", "$SOL", "publish"], record: "$SOL", guard: "weights-100", mentions: ["total 0"]),
            .ok(.salem, ["do", "$SOL", "add-criterion", "--criterion", "Price", "--weight", "50"]),
            .refuse(.salem, ["do", "$SOL", "publish"], record: "$SOL", guard: "weights-100", mentions: ["total 50"]),
            .refuse(.salem, ["do", "$SOL", "add-criterion", "--criterion", "Service", "--weight", "60"], record: "$SOL",
                    guard: "weights-at-most-100"),
            .refuse(.salem, ["do", "$SOL", "add-criterion", "--criterion", "Price", "--weight", "10"], record: "$SOL", guard: "criterion-new"),
            .ok(.salem, ["do", "$SOL", "add-criterion", "--criterion", "Service", "--weight", "50"]),
            .refuse(.salem, ["do", "$SOL", "publish"], record: "$SOL", guard: "cooperative-decided", mentions: ["cooperative clause"]),
            .ok(.salem, ["do", "$SOL", "set-cooperative", "--none"]),
            .refuse(.marion, ["do", "$SOL", "publish"], record: "$SOL", guard: "role", mentions: ["city-of-salem", "marion-county"]),
            .clock("2026-03-05T09:00:00Z"),
            .refuse(.salem, ["do", "$SOL", "publish"], record: "$SOL", guard: "closing-after-today", mentions: ["2026-03-01"]),
            .clock("2026-01-05T09:00:00Z"),
            .ok(.salem, ["do", "$SOL", "publish"]),
        ]),
        Scenario(name: "soliciting", steps: Stage.soliciting + [
            .refuse(.salem, ["do", "$SOL", "record-proposal", "--vendor", "city-of-bend", "--price", "5000"], record: "$SOL",
                    guard: "vendor", mentions: ["city-of-bend", "not a vendor"]),
            .refuse(.salem, ["do", "$SOL", "record-proposal", "--vendor", "ghost-motors", "--price", "5000"], record: "$SOL",
                    guard: "vendor", mentions: ["ghost-motors"]),
            .refuse(.marion, ["do", "$SOL", "record-proposal", "--vendor", "acme-fleet", "--price", "5000"], record: "$SOL",
                    guard: "role", mentions: ["city-of-salem"]),
            .refuse(.salem, ["do", "$SOL", "record-proposal", "--vendor", "acme-fleet", "--price", "0"], record: "$SOL",
                    guard: "price-positive"),
            .refuse(.salem, ["do", "$SOL", "close"], record: "$SOL", guard: "closing-passed", mentions: ["2026-03-01", "has not passed"]),
            .ok(.salem, ["do", "$SOL", "record-proposal", "--vendor", "acme-fleet", "--price", "1000000"]),
            .refuse(.salem, ["do", "$SOL", "record-proposal", "--vendor", "acme-fleet", "--price", "900000"], record: "$SOL",
                    guard: "one-proposal", mentions: ["acme-fleet"]),
            .clock("2026-03-02T09:00:00Z"),
            .refuse(.salem, ["do", "$SOL", "record-proposal", "--vendor", "northwind", "--price", "950000"], record: "$SOL",
                    guard: "before-closing", mentions: ["has passed"]),
            .refuse(.salem, ["do", "$SOL", "close"], record: "$SOL", guard: "minimum-proposals", mentions: ["declare-unsuccessful"]),
            .refuse(.salem, ["do", "$SOL", "declare-unsuccessful", "--reason", ""], record: "$SOL", guard: "reason-required"),
        ]),
        Scenario(name: "evaluating and awarded", steps: Stage.evaluating + [
            .refuse(.salem, ["do", "$SOL", "score", "--proposal", "P1", "--criterion", "Price", "--score", "101"], record: "$SOL",
                    guard: "score-range", mentions: ["between 0 and 100", "101"]),
            .refuse(.salem, ["do", "$SOL", "score", "--proposal", "P1", "--criterion", "Price", "--score", "-1"], record: "$SOL",
                    guard: "score-range"),
            .refuse(.salem, ["do", "$SOL", "score", "--proposal", "P1", "--criterion", "Colour", "--score", "50"], record: "$SOL",
                    guard: "criterion-known", mentions: ["Colour"]),
            .refuse(.salem, ["do", "$SOL", "score", "--proposal", "P9", "--criterion", "Price", "--score", "50"], record: "$SOL",
                    guard: "proposal-known", mentions: ["P9"]),
            .refuse(.salem, ["do", "$SOL", "award", "--proposal", "P1"], record: "$SOL", guard: "fully-scored", mentions: ["P1", "Price"]),
            .refuse(.marion, ["do", "$SOL", "score", "--proposal", "P1", "--criterion", "Price", "--score", "50"], record: "$SOL",
                    guard: "role", mentions: ["city-of-salem"]),
        ] + Stage.scores + [
            // northwind (P2) scored below acme-fleet (P1): awarding it needs a reason.
            .refuse(.salem, ["do", "$SOL", "award", "--proposal", "P2"], record: "$SOL", guard: "reason-if-not-best",
                    mentions: ["P2", "P1", "--reason"]),
            .refuse(.salem, ["do", "$SOL", "award", "--proposal", "northwind"], record: "$SOL", guard: "reason-if-not-best"),
            .refuse(.marion, ["do", "$SOL", "award", "--proposal", "P1"], record: "$SOL", guard: "role", mentions: ["city-of-salem"]),
            .refuse(.salem, ["do", "$SOL", "complete"], record: "$SOL", guard: "state", mentions: ["awarded", "evaluating"]),
            .ok(.salem, ["do", "$SOL", "award", "--proposal", "P1"], capture: ("CON", "CON-")),
            // The contract is still pending.
            .refuse(.salem, ["do", "$SOL", "complete"], record: "$SOL", guard: "contracts-active", mentions: ["$CON", "active"]),
            .refuse(.marion, ["do", "$CON", "sign", "--date", "2026-03-02", "--end", "2029-03-01"], record: "$CON", guard: "role",
                    mentions: ["city-of-salem"]),
            .refuse(.salem, ["do", "$CON", "sign", "--date", "2026-03-02", "--end", "2026-03-01"], record: "$CON", guard: "end-after-start"),
            .refuse(.salem, ["do", "$CON", "renew"], record: "$CON", guard: "state", mentions: ["active", "pending"]),
        ]),
        Scenario(name: "piggyback addenda", steps: Stage.active + [
            .refuse(.salem, ["do", "$CON", "cancel", "--reason", "Too late"], record: "$CON", guard: "state", mentions: ["pending", "active"]),
            // A Texas city on an Oregon-only contract is refused at the draft (GuardTests below checks its lines).
            // An eligible Oregon city.
            .ok(.bend, ["new", "addendum", "--contract", "$CON", "--party", "city-of-bend"], capture: ("PA2", "PA-")),
            // Drafting for somebody else, or twice.
            .refuse(.bend, ["new", "addendum", "--contract", "$CON", "--party", "city-of-austin"], record: "$CON", guard: "role",
                    mentions: ["city-of-austin", "city-of-bend"]),
            .refuse(.bend, ["new", "addendum", "--contract", "$CON", "--party", "city-of-bend"], record: "$CON",
                    guard: "no-other-addendum", mentions: ["$PA2"]),
            .refuse(.acme, ["new", "addendum", "--contract", "$CON", "--party", "acme-fleet"], record: "$CON", guard: "own-contract",
                    mentions: ["the vendor performs this contract"]),
            .refuse(.bend, ["do", "$PA2", "submit"], record: "$PA2", guard: "filled", mentions: ["scope"]),
            .refuse(.bend, ["do", "$PA2", "edit", "--end", "2030-01-01"], record: "$PA2", guard: "end-within-contract",
                    mentions: ["2030-01-01", "2029-03-01"]),
            .refuse(.bend, ["do", "$PA2", "edit", "--spend", "0"], record: "$PA2", guard: "spend-positive"),
            .ok(.bend, ["do", "$PA2", "edit", "--scope", "Sedans for Bend PD", "--contact", "Jo Park <jpark@bendoregon.gov>", "--spend", "450000"]),
            .ok(.bend, ["do", "$PA2", "submit"]),
            .refuse(.bend, ["do", "$PA2", "approve"], record: "$PA2", guard: "role", mentions: ["city-of-salem", "city-of-bend"]),
            .ok(.salem, ["do", "$PA2", "approve"]),
            .refuse(.bend, ["do", "$PA2", "sign", "--party", "vendor", "--signer", "Jo Park", "--date", "2026-03-02"], record: "$PA2",
                    guard: "role", mentions: ["acme-fleet"]),
            .refuse(.bend, ["do", "$PA2", "sign", "--party", "participant", "--signer", "Jo Park", "--date", "2026-04-01"], record: "$PA2",
                    guard: "date-not-future", mentions: ["2026-04-01"]),
            .ok(.bend, ["do", "$PA2", "sign", "--party", "participant", "--signer", "Jo Park", "--date", "2026-03-02"]),
            .refuse(.bend, ["do", "$PA2", "sign", "--party", "participant", "--signer", "Jo Park", "--date", "2026-03-02"], record: "$PA2",
                    guard: "role"),
            .ok(.acme, ["do", "$PA2", "sign", "--party", "vendor", "--signer", "Dana Whitfield", "--date", "2026-03-02"]),
            .refuse(.bend, ["do", "$PA2", "edit", "--scope", "More"], record: "$PA2", guard: "state", mentions: ["draft", "executed"]),
            .refuse(.austin, ["do", "$PA2", "terminate", "--reason", "Not ours"], record: "$PA2", guard: "role", mentions: ["city-of-bend"]),
            .refuse(.bend, ["do", "$PA2", "terminate", "--reason", ""], record: "$PA2", guard: "reason-required"),
            // The contract itself.
            .refuse(.salem, ["do", "$CON", "renew"], record: "$CON", guard: "renewal-left"),
            .refuse(.salem, ["do", "$CON", "amend", "--date", "2029-03-01"], record: "$CON", guard: "end-changes", mentions: ["2029-03-01"]),
            .refuse(.salem, ["do", "$CON", "amend", "--date", "2026-01-01"], record: "$CON", guard: "end-after-start"),
            .refuse(.marion, ["do", "$CON", "terminate", "--reason", "Mine now"], record: "$CON", guard: "role", mentions: ["city-of-salem"]),
            .refuse(.salem, ["do", "$CON", "terminate", "--reason", "  "], record: "$CON", guard: "reason-required"),
        ]),
        Scenario(name: "late piggyback", steps: Stage.active + [
            .ok(.bend, ["new", "addendum", "--contract", "$CON", "--party", "city-of-bend"], capture: ("PA", "PA-")),
            .ok(.bend, ["do", "$PA", "edit", "--scope", "Sedans", "--contact", "Jo Park", "--spend", "1000"]),
            // 76 days before the contract ends: less than the 90-day minimum remaining term.
            .clock("2028-12-15T09:00:00Z"),
            .refuse(.austin, ["new", "addendum", "--contract", "$CON", "--party", "city-of-bend"], record: "$CON", guard: "role"),
            .refuse(.bend, ["do", "$PA", "submit"], record: "$PA", guard: "joinable", mentions: ["city-of-bend", "76 days"]),
            // After the end date the contract is expired.
            .clock("2029-03-05T09:00:00Z"),
            .refuse(.bend, ["do", "$PA", "submit"], record: "$PA", guard: "joinable", mentions: ["ended on 2029-03-01"]),
            .refuse(.salem, ["do", "$CON", "renew"], record: "$CON", guard: "renewal-left"),
        ]),
    ]

    @Test(arguments: scenarios)
    func guardsRefuseWithExitOneOneLineAndNoChange(scenario: Scenario) throws {
        let sandbox = try CobuySandbox()
        scenario.run(in: sandbox)
        let validate = sandbox.run(["validate"])
        #expect(validate.status == 0, "\(validate)")
    }

    @Test func newAddendumForAPartyTheChecklistRefusesExitsOneWithTheFailingChecks() throws {
        let sandbox = try CobuySandbox()
        let ids = Scenario(name: "ineligible", steps: Stage.active).run(in: sandbox)
        let contract = try #require(ids["CON"])
        let before = sandbox.snapshot()
        let refused = sandbox.run(["new", "addendum", "--contract", contract, "--party", "city-of-austin"], as: .austin)
        #expect(refused.status == 1 && !refused.crashed, "\(refused)")
        #expect(refused.stdout.isEmpty, "\(refused)")
        #expect(refused.stderrLines.first?.contains("[guard: joinable]") == true, "\(refused)")
        #expect(refused.stderrLines.first?.contains("city-of-austin may not join \(contract)") == true, "\(refused)")
        // One failing check a line after the refusal: here only the region.
        #expect(refused.stderrLines.count == 2, "\(refused)")
        #expect(refused.stderrLines.last?.contains("✗ region: US-TX is outside the eligible regions") == true, "\(refused)")
        #expect(sandbox.snapshot() == before, "a refused draft writes nothing")
    }

    @Test func actionsForAPartyNoLongerEligibleNameTheFailingEligibilityChecks() throws {
        let sandbox = try CobuySandbox()
        let ids = Scenario(name: "late", steps: Stage.active + [
            .ok(.bend, ["new", "addendum", "--contract", "$CON", "--party", "city-of-bend"], capture: ("PA", "PA-")),
            // 76 days before the contract ends: less than the 90-day minimum remaining term.
            .clock("2028-12-15T09:00:00Z"),
        ]).run(in: sandbox)
        let addendum = try #require(ids["PA"]), contract = try #require(ids["CON"])

        let text = sandbox.run(["actions", addendum, "--for", "city-of-bend"])
        #expect(text.status == 0 && !text.crashed, "\(text)")
        #expect(text.stdout.contains("Joinability: city-of-bend may not join \(contract)"), "\(text)")
        #expect(text.stdout.contains("✗ remaining-term"), "\(text)")
        for passing in ["active", "cooperative", "region"] {
            #expect(text.stdout.split(separator: "\n").contains { $0.contains("✓ \(passing)") }, "\(passing): \(text)")
        }
        #expect(text.stdout.contains("✗ submit"), "the refused action is listed with its reason: \(text)")

        let json = sandbox.run(["actions", addendum, "--format", "json", "--for", "city-of-bend"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json)")
        let joinability = try #require(object["joinability"] as? [String: Any])
        #expect(joinability["joinable"] as? Bool == false)
        let checks = try #require(joinability["checks"] as? [[String: Any]])
        #expect(checks.filter { $0["passed"] as? Bool == false }.compactMap { $0["name"] as? String } == ["remaining-term"])
        let failing = try #require(checks.first { $0["name"] as? String == "remaining-term" })
        #expect((failing["reason"] as? String)?.contains("76 days") == true, "\(failing)")
        let submit = try #require((object["actions"] as? [[String: Any]])?.first { $0["name"] as? String == "submit" })
        #expect(submit["allowed"] as? Bool == false)
        #expect(submit["guard"] as? String == "joinable")
    }

    @Test func theContractsChecklistIsForThePartyActing() throws {
        let sandbox = try CobuySandbox()
        let ids = Scenario(name: "checklist", steps: Stage.active).run(in: sandbox)
        let contract = try #require(ids["CON"])
        // The contract's own checklist, for the party acting.
        let onContract = sandbox.run(["actions", contract, "--as", "Lucía Romero", "--for", "city-of-austin"])
        #expect(onContract.stdout.contains("may not join") && onContract.stdout.contains("✗ region"), "\(onContract)")
        let eligible = sandbox.run(["actions", contract, "--as", "Jo Park", "--for", "city-of-bend"])
        #expect(eligible.stdout.contains("city-of-bend may join") && !eligible.stdout.contains("✗ region"), "\(eligible)")
    }
}
