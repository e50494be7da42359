import ArgumentParser
import CobuyCore
import CobuyStore
import Foundation

/// `cobuy actions ID`: what can happen next, and what blocks the rest.
struct ActionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions", abstract: "List what can happen next to a record, and what blocks the rest.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var officerOptions: OfficerOptions
    @Argument(help: ArgumentHelp("The record.", valueName: "ID"), transform: RecordIDs.argument) var id: String
    @Option(help: "text or json.") var format: ShowFormat = .text

    func run() throws {
        try reportingErrors {
            let session = try CommandSession(storeOptions)
            let officer = officerOptions.optionalOfficer(session.environment)
            let record = try session.store.load(id)
            let context = session.readContext(officer: officer)
            let actions = RecordActions.available(on: record, in: context)
            let checklist = Checklists.relevant(to: record, officer: officer, context: context)
            // The acting party's own next step, or whom it waits on: the UI's Next line.
            let next = officer.map { officer in
                PartyWork.nextStep(on: record, for: officer.party, now: session.now, lookup: context.lookup)
                    .text { context.lookup.party($0)?.name ?? $0 }
            }
            switch format {
            case .json:
                var object: [String: Any] = [
                    "id": record.id,
                    "status": record.displayStatus(today: context.today) ?? "",
                    "actingFor": officer?.party ?? NSNull(),
                    "next": next ?? NSNull(),
                    "actions": actions.map { availability -> [String: Any] in
                        var entry: [String: Any] = ["name": availability.spec.name, "allowed": availability.isAllowed,
                                                    "usage": availability.spec.usage, "summary": availability.spec.summary]
                        if let refusal = availability.refusal {
                            entry["guard"] = refusal.guardName
                            entry["reason"] = refusal.reason
                            entry["remedy"] = refusal.remedy
                        }
                        return entry
                    },
                ]
                if let checklist {
                    object["joinability"] = Checklists.json(checklist)
                }
                try printJSON(object)
            case .text:
                print(Printable.line("\(record.id) is \(record.displayStatus(today: context.today) ?? "recorded")"
                                     + (officer.map { "; acting for \($0.party)" } ?? "; no acting party (use --for PARTY)")))
                if let next { print(Printable.line("Next: \(next)")) }
                if actions.isEmpty { print("No actions apply to a \(record.kind.label).") }
                for availability in actions {
                    if let refusal = availability.refusal {
                        print(Printable.line("  ✗ \(availability.spec.name) — \(refusal.description)"))
                    } else {
                        print(Printable.line("  ✓ \(availability.spec.usage) — \(availability.spec.summary)"))
                    }
                }
                if let checklist {
                    print("")
                    Checklists.printText(checklist)
                }
            }
        }
    }
}

/// The joinability checklist that goes with a record: a contract's for the acting party, an
/// addendum's for its participant.
enum Checklists {
    static func relevant(to record: AnyRecord, officer: Officer?, context: ActionContext) -> Joinability? {
        switch record {
        case .contract(let contract):
            guard let officer, let party = context.lookup.party(officer.party),
                  Joinability.applies(to: party.id, on: contract) else { return nil }
            return Joinability.evaluate(contract: contract, party: party, today: context.today,
                                        addenda: context.lookup.addenda(onContract: contract.id),
                                        minimumRemainingDays: context.minimumRemainingTermDays)
        case .addendum(let addendum):
            // Only while joining still applies (submit and approve check it again), as in the UI.
            guard addendum.status == .draft || addendum.status == .submitted,
                  let contract = context.lookup.contract(addendum.contract), let party = context.lookup.party(addendum.party) else { return nil }
            return Joinability.evaluate(contract: contract, party: party, today: context.today,
                                        addenda: context.lookup.addenda(onContract: contract.id),
                                        minimumRemainingDays: context.minimumRemainingTermDays, excluding: addendum.id)
        case .party, .solicitation:
            return nil
        }
    }

    static func printText(_ checklist: Joinability) {
        let verdict = checklist.isJoinable ? "may join" : "may not join"
        print(Printable.line("Joinability: \(checklist.party) \(verdict) \(checklist.contract)"))
        for check in checklist.checks {
            print(Printable.line("  \(check.passed ? "✓" : "✗") \(check.name): \(check.reason)"))
        }
    }

    static func json(_ checklist: Joinability) -> [String: Any] {
        ["party": checklist.party, "contract": checklist.contract, "joinable": checklist.isJoinable,
         "checks": checklist.checks.map { ["name": $0.name, "passed": $0.passed, "reason": $0.reason] }]
    }
}

/// Prints a JSON value with sorted keys (stable for scripts).
func printJSON(_ object: Any) throws {
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
    StandardOutput.write(data)
    StandardOutput.write(Data("\n".utf8))
}
