import CobuyCore

/// One contract as the index keeps it: the columns lists filter and sort on, and the text
/// searches read. Made from the contract where it is decoded (on every core during an import),
/// so that the one thread writing the index only binds values.
public struct CatalogEntry: Sendable {
    var id: String
    var title: String
    /// Display names as the contract carries them; nil falls back to the party's name.
    var leadName: String?
    var leadID: String
    var vendorName: String?
    var vendorID: String
    var category: String
    var status: String
    var end: String?
    var clauseOpen: Bool
    /// ` county city `: space-delimited so SQL can test membership with instr (nil: any kind).
    var kinds: String?
    var regions: String?
    var named: String
    var singleAward: Bool
    var description: String

    /// The contract's id (what an import checks for collisions).
    public var contractID: String { id }

    public init(_ contract: CooperativeContract) {
        let clause = contract.cooperativeClause
        id = contract.id
        title = contract.title
        leadName = contract.leadName
        leadID = contract.leadParty
        vendorName = contract.vendorName
        vendorID = contract.vendor
        category = contract.category
        status = contract.status.rawValue
        end = contract.endDate?.description
        clauseOpen = clause.open
        kinds = clause.kinds.map { " " + $0.map(\.rawValue).joined(separator: " ") + " " }
        regions = clause.regions.map { " " + $0.map(\.code).joined(separator: " ") + " " }
        named = " " + contract.namedParticipants.joined(separator: " ") + " "
        singleAward = contract.singleAward
        description = contract.description
    }
}
