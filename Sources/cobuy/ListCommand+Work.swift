import CobuyCore
import CobuyStore
import Foundation

extension ListCommand {
    /// `cobuy list work --for PARTY`: what waits for the party, the same list as the UI's
    /// "My work" (``PartyWork/items(for:solicitations:contracts:addenda:now:lookup:)``).
    func listWork(_ session: CommandSession) throws {
        guard let officer = officerOptions.optionalOfficer(session.environment) else {
            throw CLIError.usage("Whose work? Give --for PARTY, or set COBUY_PARTY.")
        }
        var directory = RecordDirectory()
        for record in session.loadWorkingSet() { directory.insert(record) }
        guard directory.party(officer.party) != nil else {
            let near = DidYouMean.question(officer.party, among: directory.knownParties()).map { " " + $0 } ?? " See cobuy list parties."
            throw CLIError.usage("There is no party \(officer.party) in the store.\(near)")
        }
        var items = PartyWork.items(for: officer.party, solicitations: directory.solicitations.values.sorted { $0.id < $1.id },
                                    contracts: directory.contracts.values.sorted { $0.id < $1.id },
                                    addenda: directory.addenda.values.sorted { $0.id < $1.id },
                                    now: session.now, lookup: directory)
        if let query, !query.trimmingSpaces.isEmpty {
            let words = RecordSummary.fold(query).split(separator: " ")
            items = items.filter { item in
                let text = RecordSummary.fold("\(item.recordID) \(item.title) \(item.detail) \(item.action ?? "")")
                return words.allSatisfy { text.contains($0) }
            }
        }
        if let limit { items = Array(items.prefix(limit)) }
        let rows: [[String: String]] = items.map {
            ["id": $0.recordID, "action": $0.action ?? "", "title": $0.title, "detail": $0.detail, "days": $0.days.map(String.init) ?? ""]
        }
        let names = defaultColumns
        switch format {
        case .json:
            try printJSON(rows)
        case .csv:
            try printCSV(header: names, rows: rows.map { row in names.map { row[$0] ?? "" } })
        case .table:
            guard !items.isEmpty else {
                if !StandardOutput.missedUnreadable { print("Nothing waits for \(officer.party).") }
                return
            }
            let idWidth = items.map { Printable.width($0.recordID) }.max() ?? 0
            let actionWidth = items.map { Printable.width($0.action ?? "-") }.max() ?? 0
            for item in items {
                let id = item.recordID.padding(toLength: idWidth, withPad: " ", startingAt: 0)
                let action = (item.action ?? "-").padding(toLength: actionWidth, withPad: " ", startingAt: 0)
                print(Printable.line("\(id)  \(action)  \(item.title) — \(item.detail)"))
            }
        }
    }
}
