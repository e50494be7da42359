import CobuyCore
import CobuyStore
import CobuySync
import Foundation

extension ListCommand {
    /// `cobuy list conflicts`: one row per undecided field or refused action.
    func listConflicts(_ session: CommandSession) throws {
        let records = ConflictScan.records(in: session.store)
        var rows: [[String: String]] = []
        for record in records {
            guard let conflict = record.record.conflict else { continue }
            for field in conflict.fields {
                rows.append(["id": record.id, "kind": record.kind.label, "field": field.field, "provisional": field.provisional,
                             "versions": field.versions.map { "\($0.value) by \($0.actor) for \($0.party) at \($0.at)" }.joined(separator: " | ")])
            }
            for event in record.record.history where conflict.refusedEvents.contains(event.eventID) {
                rows.append(["id": record.id, "kind": record.kind.label, "field": "(action)", "provisional": "not applied",
                             "versions": "\(event.action) by \(event.actor) for \(event.party) at \(event.at): \(event.refused ?? "")"])
            }
        }
        if let query, !query.trimmingSpaces.isEmpty { rows = rows.filter { row in row.values.contains { $0.localizedCaseInsensitiveContains(query) } } }
        if let limit { rows = Array(rows.prefix(limit)) }
        let names = defaultColumns
        switch format {
        case .json:
            try printJSON(rows)
        case .csv:
            try printCSV(header: names, rows: rows.map { row in names.map { row[$0] ?? "" } })
        case .table:
            guard !rows.isEmpty else {
                print("No record needs a decision.")
                return
            }
            for row in rows {
                print(Printable.line("\(row["id"] ?? "")  \(row["field"] ?? ""): \(row["versions"] ?? "") (kept for now: \(row["provisional"] ?? ""))"))
            }
        }
    }
}
