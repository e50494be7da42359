import CobuyCore
import Foundation

/// The store as an Open Contracting Data Standard 1.1.5 release package.
///
/// One contracting process (ocid) per joint solicitation: every partner is a party with role
/// `buyer`, the lead is also `procuringEntity` (and the release's `buyer`), the tender carries the
/// requirement lines, period and status, awards and the cooperative contract follow, and partners'
/// addenda are further contracts. Who else may use the contract is stated through the techniques
/// extension's framework agreement (`buyerCategories`). A piggyback addendum is a process of its
/// own whose `relatedProcesses` points at the master contract's process (`framework`). Contracts
/// registered or imported from elsewhere are processes of their own (imported ones keep their ocid).
public struct OCDSExport {
    public static let techniquesExtension =
        "https://raw.githubusercontent.com/open-contracting-extensions/ocds_techniques_extension/master/extension.json"

    public var ocidPrefix: String
    public var publisher: String
    public var now: Timestamp

    public init(ocidPrefix: String, publisher: String, now: Timestamp) {
        self.ocidPrefix = ocidPrefix
        self.publisher = publisher
        self.now = now
    }

    /// The release package as JSON (sorted keys, two-space indent).
    public func package(_ directory: RecordDirectory) throws -> Data {
        var releases: [[String: Any]] = []
        var masterOCID: [String: String] = [:]
        let solicitations = directory.solicitations.values.sorted { $0.id < $1.id }
        for solicitation in solicitations {
            for award in solicitation.awards { masterOCID[award.contract] = ocid(solicitation.id) }
        }
        for contract in directory.contracts.values.sorted(by: { $0.id < $1.id }) where masterOCID[contract.id] == nil {
            masterOCID[contract.id] = contract.source.kind == .imported ? (contract.source.ocid ?? ocid(contract.id)) : ocid(contract.id)
        }
        var covered = Set<String>()
        for solicitation in solicitations {
            let (release, addenda) = self.release(for: solicitation, directory: directory)
            releases.append(release)
            covered.formUnion(addenda)
        }
        for contract in directory.contracts.values.sorted(by: { $0.id < $1.id }) where contract.source.kind != .solicitation {
            releases.append(release(forOutside: contract, ocid: masterOCID[contract.id] ?? ocid(contract.id), directory: directory))
        }
        for addendum in directory.addenda.values.sorted(by: { $0.id < $1.id }) where !covered.contains(addendum.id) {
            guard let contract = directory.contracts[addendum.contract] else { continue }
            releases.append(release(forPiggyback: addendum, contract: contract, masterOCID: masterOCID[contract.id] ?? ocid(contract.id),
                                    directory: directory))
        }
        let package: [String: Any] = [
            "uri": "urn:cobuy:\(FileNames.safe(ocidPrefix)):\(now.description)",
            "version": "1.1",
            "publishedDate": now.description,
            "publisher": ["name": publisher],
            "extensions": [OCDSExport.techniquesExtension],
            "releases": releases,
        ]
        var data = try JSONSerialization.data(withJSONObject: package, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        data.append(0x0A)
        return data
    }

    func ocid(_ id: String) -> String { "\(ocidPrefix)-\(id)" }

    static func amount(_ money: Money) -> [String: Any] {
        ["amount": NSDecimalNumber(mantissa: UInt64(money.amount.magnitude), exponent: -2, isNegative: money.amount < 0),
         "currency": money.currency]
    }

    static func dateTime(_ date: CalendarDate, endOfDay: Bool = false) -> String {
        Timestamp(date: date, hour: endOfDay ? 23 : 0, minute: endOfDay ? 59 : 0, second: endOfDay ? 59 : 0).description
    }

    func party(_ id: String, roles: [String], directory: RecordDirectory, name: String? = nil) -> [String: Any] {
        var party: [String: Any] = ["id": id, "roles": roles]
        let record = directory.parties[id]
        party["name"] = name ?? record?.name ?? id
        if let record {
            party["address"] = ["region": record.region.code, "countryName": record.region.country]
            if let contact = record.contacts.first {
                var point: [String: Any] = ["name": contact.name]
                if let email = contact.email { point["email"] = email }
                if let phone = contact.phone { point["telephone"] = phone }
                party["contactPoint"] = point
            }
            party["details"] = ["kind": record.kind.rawValue]
        }
        return party
    }

    func reference(_ id: String, directory: RecordDirectory, name: String? = nil) -> [String: Any] {
        ["id": id, "name": name ?? directory.parties[id]?.name ?? id]
    }

    func latest(_ history: [HistoryEntry]) -> String {
        (history.last?.at ?? now).description
    }

    static func tenderStatus(_ status: JointSolicitation.Status) -> String {
        switch status {
        case .draft, .forming, .formed: return "planning"
        case .soliciting, .evaluating: return "active"
        case .awarded, .complete: return "complete"
        case .cancelled: return "cancelled"
        case .unsuccessful: return "unsuccessful"
        }
    }

    static func contractStatus(_ status: CooperativeContract.Status) -> String {
        switch status {
        case .pending: return "pending"
        case .active: return "active"
        case .terminated: return "terminated"
        case .cancelled: return "cancelled"
        }
    }

    static func addendumStatus(_ status: ParticipatingAddendum.Status) -> String {
        switch status {
        case .draft, .submitted, .approved: return "pending"
        case .executed: return "active"
        case .rejected, .withdrawn: return "cancelled"
        case .terminated: return "terminated"
        }
    }

    /// The framework agreement that says who else may call off the contract.
    static func techniques(_ clause: CooperativeClause, period: ContractPeriod?) -> [String: Any] {
        var framework: [String: Any] = [
            "method": "withoutReopeningCompetition",
            "description": clause.open ? "Cooperative contract: other eligible public bodies may join by participating addendum."
                : "Only the named participants may use this contract.",
        ]
        if clause.open { framework["buyerCategories"] = clause.summary }
        if let period { framework["period"] = ["startDate": dateTime(period.start), "endDate": dateTime(period.end, endOfDay: true)] }
        return ["hasFrameworkAgreement": clause.open, "frameworkAgreement": framework]
    }

    func contractObject(_ contract: CooperativeContract, awardID: String) -> [String: Any] {
        var object: [String: Any] = ["id": contract.id, "awardID": awardID, "title": contract.title,
                                     "status": OCDSExport.contractStatus(contract.status)]
        if !contract.description.isEmpty { object["description"] = contract.description }
        if let period = contract.period {
            object["period"] = ["startDate": OCDSExport.dateTime(period.start), "endDate": OCDSExport.dateTime(period.end, endOfDay: true)]
            object["dateSigned"] = OCDSExport.dateTime(period.start)
        }
        if let value = contract.awardedValue ?? contract.ceiling { object["value"] = OCDSExport.amount(value) }
        return object
    }

    func addendumObject(_ addendum: ParticipatingAddendum, contract: CooperativeContract, awardID: String, directory: RecordDirectory) -> [String: Any] {
        var object: [String: Any] = [
            "id": addendum.id, "awardID": awardID,
            "title": "Participating addendum: \(directory.parties[addendum.party]?.name ?? addendum.party)",
            "status": OCDSExport.addendumStatus(addendum.status),
            "buyer": reference(addendum.party, directory: directory),
        ]
        if !addendum.scope.isEmpty { object["description"] = addendum.scope }
        if let end = addendum.endDate ?? contract.period?.end {
            var period: [String: Any] = ["endDate": OCDSExport.dateTime(end, endOfDay: true)]
            if let start = addendum.effectiveDate { period["startDate"] = OCDSExport.dateTime(start) }
            object["period"] = period
        }
        if let effective = addendum.effectiveDate { object["dateSigned"] = OCDSExport.dateTime(effective) }
        if let spend = addendum.estimatedAnnualSpend { object["value"] = OCDSExport.amount(spend) }
        // What this buyer takes of each tender item, as its own contract's items.
        if let lines = addendum.lines, !lines.isEmpty {
            object["items"] = lines.map { line -> [String: Any] in
                ["id": String(line.number), "description": line.text, "quantity": line.quantity, "unit": ["name": line.unit]]
            }
        }
        return object
    }

    func release(for solicitation: JointSolicitation, directory: RecordDirectory) -> ([String: Any], Set<String>) {
        var parties: [String: [String]] = [:]
        for partner in solicitation.partners where partner.status != .withdrawn { parties[partner.party, default: []].append("buyer") }
        if let lead = solicitation.leadParty { parties[lead, default: []].append("procuringEntity") }
        for proposal in solicitation.proposals { parties[proposal.vendor, default: []].append("tenderer") }
        for award in solicitation.awards { parties[award.vendor, default: []].append("supplier") }

        var tender: [String: Any] = [
            "id": solicitation.solicitationNumber ?? solicitation.id,
            "title": solicitation.title,
            "status": OCDSExport.tenderStatus(solicitation.status),
            "items": solicitation.lines.map { line -> [String: Any] in
                // The partners' pooled total once they pledged per line.
                ["id": String(line.number), "description": line.text, "quantity": line.tenderQuantity, "unit": ["name": line.unit]]
            },
            "numberOfTenderers": solicitation.proposals.count,
            "tenderers": solicitation.proposals.map { reference($0.vendor, directory: directory) },
        ]
        if !solicitation.description.isEmpty { tender["description"] = solicitation.description }
        if !solicitation.category.isEmpty { tender["additionalProcurementCategories"] = [solicitation.category] }
        if let lead = solicitation.leadParty { tender["procuringEntity"] = reference(lead, directory: directory) }
        if let closing = solicitation.closingDate {
            var period: [String: Any] = ["endDate": OCDSExport.dateTime(closing, endOfDay: true)]
            if let published = solicitation.history.first(where: { $0.action == "publish" }) { period["startDate"] = published.at.description }
            tender["tenderPeriod"] = period
        }
        if !solicitation.criteria.isEmpty {
            tender["awardCriteria"] = "ratedCriteria"
            tender["awardCriteriaDetails"] = solicitation.criteria.map { "\($0.name) \($0.weight)%" }.joined(separator: ", ")
        }
        if let clause = solicitation.cooperativeClause { tender["techniques"] = OCDSExport.techniques(clause, period: nil) }
        if let reason = solicitation.closingReason { tender["statusDetails"] = reason }

        var awards: [[String: Any]] = []
        var contracts: [[String: Any]] = []
        var addendaCovered = Set<String>()
        for award in solicitation.awards {
            let contract = directory.contracts[award.contract]
            var object: [String: Any] = [
                "id": "\(solicitation.id)-\(award.proposal)",
                "status": contract.map { $0.status == .cancelled ? "cancelled" : ($0.status == .pending ? "pending" : "active") } ?? "pending",
                "date": OCDSExport.dateTime(award.date),
                "value": OCDSExport.amount(award.value),
                "suppliers": [reference(award.vendor, directory: directory)],
            ]
            if let reason = award.reason { object["description"] = reason }
            if let period = contract?.period {
                object["contractPeriod"] = ["startDate": OCDSExport.dateTime(period.start), "endDate": OCDSExport.dateTime(period.end, endOfDay: true)]
            }
            awards.append(object)
            if let contract {
                contracts.append(contractObject(contract, awardID: object["id"] as? String ?? ""))
                let partners = Set(solicitation.partners.filter { $0.status == .signed }.map(\.party))
                for addendum in directory.addenda(onContract: contract.id) where partners.contains(addendum.party) {
                    contracts.append(addendumObject(addendum, contract: contract, awardID: object["id"] as? String ?? "", directory: directory))
                    addendaCovered.insert(addendum.id)
                }
                if let period = contract.period { tender["techniques"] = OCDSExport.techniques(contract.cooperativeClause, period: period) }
            }
        }
        var tags = ["tender"]
        switch solicitation.status {
        case .draft, .forming, .formed: tags = ["planning"]
        case .soliciting, .evaluating: tags = ["tender"]
        case .awarded: tags = ["tender", "award"]
        case .complete: tags = ["tender", "award", "contract"]
        case .cancelled: tags = ["tenderCancellation"]
        case .unsuccessful: tags = ["tender"]
        }
        var release: [String: Any] = [
            "ocid": ocid(solicitation.id),
            "id": "\(solicitation.id)-r\(solicitation.revision)",
            "date": latest(solicitation.history),
            "tag": tags,
            "initiationType": "tender",
            "language": "en",
            "parties": parties.keys.sorted().map { party($0, roles: Array(Set(parties[$0] ?? [])).sorted(), directory: directory) },
            "tender": tender,
        ]
        if let lead = solicitation.leadParty { release["buyer"] = reference(lead, directory: directory) }
        if !awards.isEmpty { release["awards"] = awards }
        if !contracts.isEmpty { release["contracts"] = contracts }
        return (release, addendaCovered)
    }

    /// A contract awarded elsewhere: its own process, with the lead as buyer and procuring entity.
    func release(forOutside contract: CooperativeContract, ocid: String, directory: RecordDirectory) -> [String: Any] {
        let awardID = "\(contract.id)-award"
        var award: [String: Any] = ["id": awardID, "status": contract.status == .cancelled ? "cancelled" : (contract.status == .pending ? "pending" : "active"),
                                    "suppliers": [reference(contract.vendor, directory: directory, name: contract.vendorName)]]
        if let value = contract.awardedValue ?? contract.ceiling { award["value"] = OCDSExport.amount(value) }
        if let period = contract.period {
            award["contractPeriod"] = ["startDate": OCDSExport.dateTime(period.start), "endDate": OCDSExport.dateTime(period.end, endOfDay: true)]
        }
        var tender: [String: Any] = ["id": contract.id, "title": contract.title, "status": "complete",
                                     "techniques": OCDSExport.techniques(contract.cooperativeClause, period: contract.period),
                                     "procuringEntity": reference(contract.leadParty, directory: directory, name: contract.leadName)]
        if !contract.category.isEmpty { tender["additionalProcurementCategories"] = [contract.category] }
        var parties = [party(contract.leadParty, roles: ["buyer", "procuringEntity"], directory: directory, name: contract.leadName),
                       party(contract.vendor, roles: ["supplier"], directory: directory, name: contract.vendorName)]
        if contract.leadParty == contract.vendor { parties.removeLast() }
        return [
            "ocid": ocid,
            "id": "\(contract.id)-r\(contract.revision)",
            "date": latest(contract.history),
            "tag": ["award", "contract"],
            "initiationType": "tender",
            "language": "en",
            "parties": parties,
            "buyer": reference(contract.leadParty, directory: directory, name: contract.leadName),
            "tender": tender,
            "awards": [award],
            "contracts": [contractObject(contract, awardID: awardID)],
        ]
    }

    /// A piggyback addendum: a call-off from the master contract's framework.
    func release(forPiggyback addendum: ParticipatingAddendum, contract: CooperativeContract, masterOCID: String,
                 directory: RecordDirectory) -> [String: Any] {
        let awardID = "\(addendum.id)-award"
        var award: [String: Any] = ["id": awardID, "status": OCDSExport.addendumStatus(addendum.status) == "active" ? "active" : "pending",
                                    "suppliers": [reference(contract.vendor, directory: directory, name: contract.vendorName)]]
        if addendum.status == .rejected || addendum.status == .withdrawn { award["status"] = "cancelled" }
        if let spend = addendum.estimatedAnnualSpend { award["value"] = OCDSExport.amount(spend) }
        var object = addendumObject(addendum, contract: contract, awardID: awardID, directory: directory)
        object["relatedProcesses"] = [["id": "1", "relationship": ["framework"], "title": contract.title, "scheme": "ocid", "identifier": masterOCID]]
        return [
            "ocid": ocid(addendum.id),
            "id": "\(addendum.id)-r\(addendum.revision)",
            "date": latest(addendum.history),
            "tag": ["award", "contract"],
            "initiationType": "tender",
            "language": "en",
            "parties": [party(addendum.party, roles: ["buyer"], directory: directory),
                        party(contract.vendor, roles: ["supplier"], directory: directory, name: contract.vendorName)],
            "buyer": reference(addendum.party, directory: directory),
            "awards": [award],
            "contracts": [object],
            "relatedProcesses": [["id": "1", "relationship": ["framework"], "title": contract.title, "scheme": "ocid", "identifier": masterOCID]],
        ]
    }
}
