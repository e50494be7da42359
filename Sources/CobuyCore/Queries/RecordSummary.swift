import Foundation

/// One record as a row of a list: the fields lists show, sort and search, computed once.
public struct RecordSummary: Sendable, Hashable {
    public var id: String
    public var kind: RecordKind
    /// The state as read today (`expired` for an active contract past its end); empty for parties.
    public var status: String
    public var title: String
    /// Columns by name, in display order, for tables, CSV and JSON.
    public var columns: [(name: String, value: String)]
    /// Lower-cased, accent-free text of every searchable field.
    public var searchText: String

    public static func == (lhs: RecordSummary, rhs: RecordSummary) -> Bool {
        lhs.id == rhs.id && lhs.status == rhs.status && lhs.title == rhs.title && lhs.searchText == rhs.searchText
            && lhs.columns.map(\.name) == rhs.columns.map(\.name) && lhs.columns.map(\.value) == rhs.columns.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(status)
    }

    public func value(_ column: String) -> String {
        columns.first { $0.name == column }?.value ?? ""
    }

    public init(_ record: AnyRecord, today: CalendarDate, lookup: any RecordLookup) {
        id = record.id
        kind = record.kind
        func name(_ party: String?) -> String {
            guard let party else { return "" }
            return lookup.party(party)?.name ?? party
        }
        switch record {
        case .party(let party):
            status = ""
            title = party.name
            columns = [("id", party.id), ("name", party.name), ("kind", party.kind.rawValue), ("region", party.region.code),
                       ("population", party.population.map(String.init) ?? "")]
        case .solicitation(let solicitation):
            status = solicitation.status.rawValue
            title = solicitation.title
            columns = [("id", solicitation.id), ("status", status), ("title", title), ("lead", name(solicitation.leadParty)),
                       ("category", solicitation.category), ("partners", String(solicitation.activePartners.count)),
                       ("closing", solicitation.closingDate?.description ?? "")]
        case .contract(let contract):
            status = contract.displayStatus(today: today)
            title = contract.title
            columns = [("id", contract.id), ("status", status), ("title", title),
                       ("lead", contract.leadName ?? name(contract.leadParty)),
                       ("vendor", contract.vendorName ?? name(contract.vendor)), ("category", contract.category),
                       ("end", contract.period?.end.description ?? ""),
                       ("eligible", contract.cooperativeClause.summary)]
        case .addendum(let addendum):
            status = addendum.status.rawValue
            let contractTitle = lookup.contract(addendum.contract)?.title ?? addendum.contract
            title = "\(name(addendum.party)) — \(contractTitle)"
            columns = [("id", addendum.id), ("status", status), ("title", title), ("contract", addendum.contract),
                       ("party", addendum.party), ("spend", addendum.estimatedAnnualSpend?.description ?? ""),
                       ("end", addendum.endDate?.description ?? "")]
        }
        searchText = RecordSummary.fold(columns.map(\.value).joined(separator: " ") + " " + RecordSummary.extraSearchText(record))
    }

    /// A contract's row from fields already at hand (the catalog index's columns), without
    /// the record: lists of imported catalogs show pages of these.
    public init(contractID id: String, status: String, title: String, lead: String, vendor: String, category: String,
                end: String, eligible: String) {
        self.id = id
        kind = .contract
        self.status = status
        self.title = title
        columns = [("id", id), ("status", status), ("title", title), ("lead", lead), ("vendor", vendor), ("category", category),
                   ("end", end), ("eligible", eligible)]
        searchText = RecordSummary.fold(columns.map(\.value).joined(separator: " "))
    }

    static func extraSearchText(_ record: AnyRecord) -> String {
        switch record {
        case .party(let party): return party.kind.label
        case .solicitation(let solicitation): return solicitation.description + " " + solicitation.partners.map(\.party).joined(separator: " ")
        case .contract(let contract): return contract.description + " " + contract.leadParty + " " + contract.vendor
        case .addendum(let addendum): return addendum.scope
        }
    }

    /// Lower case without accents, so `Bogota` finds `Bogotá`.
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// Every word of `query` appears somewhere in the record.
    public func matches(_ query: String) -> Bool {
        let words = RecordSummary.fold(query).split(separator: " ")
        return words.allSatisfy { searchText.contains($0) }
    }
}
