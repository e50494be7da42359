/// The records a record refers to, and the records that refer to it, as links an officer can
/// follow: an award's contract, a contract's addenda and parties, an addendum's contract and
/// parties, a solicitation's partners, vendors and resulting contracts, a party's records.
public struct RecordLink: Sendable, Hashable {
    /// The record the link leads to.
    public var id: String
    /// How it relates: `lead`, `vendor`, `awarded contract`, `addendum`…
    public var relation: String
    /// What the officer reads: a name or a title, with a status where it has one.
    public var label: String

    public init(id: String, relation: String, label: String) {
        self.id = id
        self.relation = relation
        self.label = label
    }
}

public enum RecordLinks {
    /// Every link of `record`, each target once, in reading order. Links to records the store
    /// does not hold are left out. `directory` lists the records a party's links are looked for
    /// in (a party refers to nothing itself).
    public static func links(from record: AnyRecord, lookup: any RecordLookup, directory: RecordDirectory) -> [RecordLink] {
        var links: [RecordLink] = []
        func party(_ id: String?, _ relation: String) {
            guard let id, let party = lookup.party(id) else { return }
            links.append(RecordLink(id: id, relation: relation, label: party.name))
        }
        func contract(_ id: String, _ relation: String) {
            guard let contract = lookup.contract(id) else { return }
            links.append(RecordLink(id: id, relation: relation, label: "\(contract.title) [\(contract.status.rawValue)]"))
        }
        func addendum(_ addendum: ParticipatingAddendum, _ relation: String) {
            let name = lookup.party(addendum.party)?.name ?? addendum.party
            links.append(RecordLink(id: addendum.id, relation: relation, label: "\(name) [\(addendum.status.rawValue)]"))
        }
        func solicitation(_ id: String?, _ relation: String) {
            guard let id, let solicitation = lookup.solicitation(id) else { return }
            links.append(RecordLink(id: id, relation: relation, label: "\(solicitation.title) [\(solicitation.status.rawValue)]"))
        }

        switch record {
        case .solicitation(let value):
            for award in value.awards { contract(award.contract, "awarded contract (\(award.proposal))") }
            party(value.leadParty, "lead")
            for partner in value.partners where partner.party != value.leadParty { party(partner.party, "partner, \(partner.status.rawValue)") }
            for proposal in value.proposals { party(proposal.vendor, "proposal \(proposal.id)") }
        case .contract(let value):
            solicitation(value.source.solicitation, "awarded by")
            party(value.leadParty, "lead")
            party(value.vendor, "vendor")
            for item in lookup.addenda(onContract: value.id) { addendum(item, "addendum") }
        case .addendum(let value):
            contract(value.contract, "contract")
            party(value.party, "participant")
            if let onContract = lookup.contract(value.contract) {
                party(onContract.leadParty, "contract's lead")
                party(onContract.vendor, "vendor")
            }
        case .party(let value):
            for item in directory.solicitations.values.sorted(by: { $0.id < $1.id }) where item.partner(value.id) != nil {
                solicitation(item.id, item.leadParty == value.id ? "solicitation, lead" : "solicitation, partner")
            }
            for item in directory.contracts.values.sorted(by: { $0.id < $1.id }) where item.leadParty == value.id || item.vendor == value.id {
                contract(item.id, item.leadParty == value.id ? "contract, lead" : "contract, vendor")
            }
            for item in directory.addenda.values.sorted(by: { $0.id < $1.id }) where item.party == value.id {
                addendum(item, "addendum, participant")
            }
        }
        var seen = Set<String>([record.id])
        return links.filter { seen.insert($0.id).inserted }
    }
}
