import CobuyCore
import CobuyStore
@testable import CobuyUI

/// A catalog held in memory, for update tests that need no store on disk: words, status and
/// "joinable by my party" filter; rows in id order.
struct InMemoryCatalog: CatalogReader {
    var contracts: [CooperativeContract]
    var parties: [Party] = []
    var today: CalendarDate

    var contractCount: Int { contracts.count }

    func page(_ query: CatalogQuery, today: CalendarDate, offset: Int, limit: Int,
              joiner: CatalogQuery.JoiningParty?) throws -> CatalogPage {
        let words = RecordSummary.fold(query.text).split(separator: " ")
        let joinable = Set(contracts.filter { isJoinable($0, by: joiner) }.map(\.id))
        let rows = contracts.sorted { $0.id < $1.id }.map(summary).filter { row in
            if let status = query.status, row.status != status { return false }
            if query.matchesNothing { return false }
            if query.joinableBy != nil, !joinable.contains(row.id) { return false }
            return words.allSatisfy { row.searchText.contains($0) }
        }
        let window = Array(rows.dropFirst(offset).prefix(limit))
        return CatalogPage(total: rows.count, offset: offset, rows: window, joinable: joinable.intersection(window.map(\.id)),
                           ranked: true)
    }

    func contract(_ id: String) -> CooperativeContract? { contracts.first { $0.id == id } }
    func party(_ id: String) -> Party? { parties.first { $0.id == id } }

    private func summary(_ contract: CooperativeContract) -> RecordSummary {
        RecordSummary(contractID: contract.id, status: contract.status.rawValue, title: contract.title, lead: contract.leadParty,
                      vendor: contract.vendor, category: contract.category, end: contract.period?.end.description ?? "",
                      eligible: contract.cooperativeClause.summary)
    }

    private func isJoinable(_ contract: CooperativeContract, by joiner: CatalogQuery.JoiningParty?) -> Bool {
        guard let joiner else { return false }
        let party = Party(id: joiner.id, name: joiner.id, kind: joiner.kind, region: joiner.region)
        return Joinability.evaluate(contract: contract, party: party, today: today, addenda: []).isJoinable
    }
}
