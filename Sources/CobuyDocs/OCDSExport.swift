import CobuyCore
import CobuyStore
import Foundation

/// The store as an Open Contracting Data Standard 1.1.5 release package.
///
/// One contracting process (ocid) per joint solicitation: every partner is a party with role
/// `buyer`, the lead is also `procuringEntity` (and the release's `buyer`), the tender carries the
/// requirement lines, period and status, awards and the cooperative contract follow. Who else may
/// use the contract is stated through the techniques extension's framework agreement
/// (`buyerCategories`). Every participating addendum — a partner's or a piggyback — is a process
/// of its own whose `relatedProcesses` points at the master contract's process (`framework`), so
/// that an addendum's spend never adds to the master award. Contracts registered or imported from
/// elsewhere are processes of their own (imported ones keep their ocid). Every field outside the
/// standard is declared by the techniques extension or Cobuy's own (`Resources/ocds-extension`).
public struct OCDSExport {
    public static let techniquesExtension =
        "https://raw.githubusercontent.com/open-contracting-extensions/ocds_techniques_extension/master/extension.json"
    /// Cobuy's extension: `Resources/ocds-extension` in this repository, where it is published.
    public static let cobuyExtension =
        "https://raw.githubusercontent.com/cobuy/cobuy/main/Resources/ocds-extension/extension.json"

    public enum Failure: Error, CustomStringConvertible, Sendable {
        /// OCDS requires at least one release in a package.
        case nothingToPublish

        public var description: String {
            switch self {
            case .nothingToPublish:
                return "The store holds no solicitation, contract or addendum, so there is nothing to publish: "
                    + "an OCDS release package needs at least one release. Nothing was written."
            }
        }
    }

    public var ocidPrefix: String
    public var publisher: String
    public var now: Timestamp

    public init(ocidPrefix: String, publisher: String, now: Timestamp) {
        self.ocidPrefix = ocidPrefix
        self.publisher = publisher
        self.now = now
    }

    /// The release package as JSON (sorted keys, two-space indent); refuses a store with
    /// nothing to publish rather than write a package the schema rejects.
    public func package(_ directory: RecordDirectory) throws(Failure) -> Data {
        let releases = releases(directory)
        guard !releases.isEmpty else { throw .nothingToPublish }
        let package: [String: Any] = [
            "uri": "urn:cobuy:\(FileNames.safe(ocidPrefix)):\(now.description)",
            "version": "1.1",
            "publishedDate": now.description,
            "publisher": ["name": publisher],
            "extensions": [OCDSExport.techniquesExtension, OCDSExport.cobuyExtension],
            "releases": releases,
        ]
        // Plain dictionaries and arrays of strings, numbers and booleans: serialisation cannot fail.
        var data = (try? JSONSerialization.data(withJSONObject: package, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data()
        data.append(0x0A)
        return data
    }

    /// One release per process: joint solicitations, then contracts from elsewhere, then addenda.
    public func releases(_ directory: RecordDirectory) -> [[String: Any]] {
        var releases: [[String: Any]] = []
        var masterOCID: [String: String] = [:]
        let solicitations = directory.solicitations.values.sorted { $0.id < $1.id }
        for solicitation in solicitations {
            for award in solicitation.awards { masterOCID[award.contract] = ocid(solicitation.id) }
        }
        let contracts = directory.contracts.values.sorted { $0.id < $1.id }
        for contract in contracts where masterOCID[contract.id] == nil {
            masterOCID[contract.id] = contract.source.kind == .imported ? (contract.source.ocid ?? ocid(contract.id)) : ocid(contract.id)
        }
        for solicitation in solicitations {
            releases.append(release(for: solicitation, directory: directory))
        }
        let awarded = Set(solicitations.flatMap { $0.awards.map(\.contract) })
        for contract in contracts where !awarded.contains(contract.id) {
            releases.append(release(forOutside: contract, ocid: masterOCID[contract.id] ?? ocid(contract.id), directory: directory))
        }
        for addendum in directory.addenda.values.sorted(by: { $0.id < $1.id }) {
            guard let contract = directory.contracts[addendum.contract] else { continue }
            releases.append(release(forAddendum: addendum, contract: contract, masterOCID: masterOCID[contract.id] ?? ocid(contract.id),
                                    directory: directory))
        }
        return releases
    }

    func ocid(_ id: String) -> String { "\(ocidPrefix)-\(id)" }

    static func amount(_ money: Money) -> [String: Any] {
        ["amount": NSDecimalNumber(mantissa: UInt64(money.amount.magnitude), exponent: -2, isNegative: money.amount < 0),
         "currency": money.currency]
    }

    static func dateTime(_ date: CalendarDate, endOfDay: Bool = false) -> String {
        Timestamp(date: date, hour: endOfDay ? 23 : 0, minute: endOfDay ? 59 : 0, second: endOfDay ? 59 : 0).description
    }

    static func period(_ period: ContractPeriod) -> [String: Any] {
        ["startDate": dateTime(period.start), "endDate": dateTime(period.end, endOfDay: true)]
    }

    func party(_ id: String, roles: [String], directory: RecordDirectory, name: String? = nil) -> [String: Any] {
        var party: [String: Any] = ["id": id, "roles": roles]
        let record = directory.parties[id]
        party["name"] = name ?? record?.name ?? id
        if let record {
            let country = record.region.country
            party["address"] = ["region": record.region.code,
                                "countryName": Locale(identifier: "en_US").localizedString(forRegionCode: country) ?? country]
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

    /// The parties of a release, each once with all its roles, in id order.
    func parties(_ roles: [(id: String, role: String, name: String?)], directory: RecordDirectory) -> [[String: Any]] {
        var byID: [String: (roles: [String], name: String?)] = [:]
        for entry in roles {
            var known = byID[entry.id] ?? ([], entry.name)
            if !known.roles.contains(entry.role) { known.roles.append(entry.role) }
            known.name = known.name ?? entry.name
            byID[entry.id] = known
        }
        return byID.keys.sorted().map { id in
            let entry = byID[id] ?? ([], nil)
            return party(id, roles: entry.roles.sorted(), directory: directory, name: entry.name)
        }
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

    /// An award stands while its contract is pending, active or has run its course.
    static func awardStatus(_ status: CooperativeContract.Status) -> String {
        switch status {
        case .pending: return "pending"
        case .active, .terminated: return "active"
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

    static func addendumAwardStatus(_ status: ParticipatingAddendum.Status) -> String {
        switch status {
        case .draft, .submitted, .approved: return "pending"
        case .executed, .terminated: return "active"
        case .rejected, .withdrawn: return "cancelled"
        }
    }

    /// OCDS's closed goods / works / services, from the words of the category and title: works
    /// build or repair the public estate, services are labour or expertise, the rest is goods.
    /// Works are tested first: "road maintenance" is works, not a service.
    public static func mainProcurementCategory(category: String, title: String) -> String {
        let words = Set("\(category) \(title)".lowercased().split { !$0.isLetter }.map(String.init))
        func has(_ candidates: Set<String>) -> Bool { !words.isDisjoint(with: candidates) }
        if has(worksWords) { return "works" }
        if has(servicesWords) { return "services" }
        return "goods"
    }

    static let worksWords: Set<String> = [
        "works", "construction", "road", "roads", "roadway", "paving", "pavement", "asphalt", "bridge", "bridges", "sidewalk",
        "sidewalks", "roofing", "renovation", "demolition", "building", "infrastructure", "excavation", "resurfacing",
    ]
    static let servicesWords: Set<String> = [
        "service", "services", "maintenance", "consulting", "consultancy", "research", "cleaning", "janitorial", "utilities",
        "facilities", "telecommunications", "hosting", "cloud", "training", "repair", "hauling", "waste", "insurance", "legal",
        "audit", "engineering", "design", "staffing", "security", "towing", "landscaping", "collection", "recycling",
    ]

    /// The framework agreement that says who else may call off the contract; nothing when no one
    /// has stated who may (an imported contract whose publisher is silent), except that a
    /// publisher's framework stays a framework: silence is never republished as a closed clause.
    static func techniques(_ clause: CooperativeClause, period: ContractPeriod?, framework isFramework: Bool? = nil) -> [String: Any]? {
        guard clause.isStated else {
            guard isFramework == true else { return nil }
            var framework: [String: Any] = ["description": "The publisher does not say who may use this framework agreement."]
            if let period { framework["period"] = OCDSExport.period(period) }
            return ["hasFrameworkAgreement": true, "frameworkAgreement": framework]
        }
        var framework: [String: Any] = [
            "method": "withoutReopeningCompetition",
            "description": clause.open ? "Cooperative contract: other eligible public bodies may join by participating addendum."
                : "Only the named participants may use this contract.",
        ]
        if clause.open { framework["buyerCategories"] = clause.summary }
        if let period { framework["period"] = OCDSExport.period(period) }
        return ["hasFrameworkAgreement": clause.open, "frameworkAgreement": framework]
    }

    /// Release tags from the blocks the release holds, so that the two always agree.
    static func tags(of release: [String: Any]) -> [String] {
        var tags: [String] = []
        if release["planning"] != nil { tags.append("planning") }
        if let tender = release["tender"] as? [String: Any] {
            tags.append(tender["status"] as? String == "cancelled" ? "tenderCancellation" : "tender")
        }
        if release["awards"] != nil { tags.append("award") }
        if let contracts = release["contracts"] as? [[String: Any]] {
            tags.append("contract")
            if contracts.contains(where: { $0["status"] as? String == "terminated" }) { tags.append("contractTermination") }
        }
        return tags
    }

    /// A release with its required fields and its tags.
    func release(ocid: String, id: String, date: String, blocks: [String: Any]) -> [String: Any] {
        var release = blocks
        release["ocid"] = ocid
        release["id"] = id
        release["date"] = date
        release["initiationType"] = "tender"
        release["language"] = "en"
        release["tag"] = OCDSExport.tags(of: release)
        return release
    }

    func contractObject(_ contract: CooperativeContract, awardID: String, directory: RecordDirectory) -> [String: Any] {
        var object: [String: Any] = ["id": contract.id, "awardID": awardID, "title": contract.title,
                                     "status": OCDSExport.contractStatus(contract.status)]
        if !contract.description.isEmpty { object["description"] = contract.description }
        if let period = contract.period {
            object["period"] = OCDSExport.period(period)
            object["dateSigned"] = OCDSExport.dateTime(period.start)
        }
        if let value = contract.awardedValue ?? contract.ceiling { object["value"] = OCDSExport.amount(value) }
        // Cobuy's extension: what the importer reads back.
        if let reason = contract.closingReason, !reason.trimmingSpaces.isEmpty { object["statusDetails"] = reason }
        if !contract.renewalOptions.isEmpty {
            object["renewalOptions"] = contract.renewalOptions.map { ["months": $0.months, "exercised": $0.exercised] as [String: Any] }
        }
        let named = contract.namedParticipants.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if !named.isEmpty { object["namedParticipants"] = named.map { reference($0, directory: directory) } }
        return object
    }

    func release(for solicitation: JointSolicitation, directory: RecordDirectory) -> [String: Any] {
        var roles: [(id: String, role: String, name: String?)] = []
        for partner in solicitation.partners where partner.status != .withdrawn { roles.append((partner.party, "buyer", nil)) }
        if let lead = solicitation.leadParty { roles.append((lead, "procuringEntity", nil)) }
        for proposal in solicitation.proposals { roles.append((proposal.vendor, "tenderer", nil)) }
        for award in solicitation.awards { roles.append((award.vendor, "supplier", nil)) }

        var tender: [String: Any] = [
            "id": solicitation.solicitationNumber ?? solicitation.id,
            "title": solicitation.title,
            "status": OCDSExport.tenderStatus(solicitation.status),
            "mainProcurementCategory": OCDSExport.mainProcurementCategory(category: solicitation.category, title: solicitation.title),
            "numberOfTenderers": solicitation.proposals.count,
        ]
        if !solicitation.lines.isEmpty {
            // The partners' pooled total once they pledged per line.
            tender["items"] = solicitation.lines.map { line -> [String: Any] in
                ["id": String(line.number), "description": line.text, "quantity": line.tenderQuantity, "unit": ["name": line.unit]]
            }
        }
        if !solicitation.proposals.isEmpty {
            var seen = Set<String>()
            tender["tenderers"] = solicitation.proposals.filter { seen.insert($0.vendor).inserted }.map { reference($0.vendor, directory: directory) }
        }
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
        if let reason = solicitation.closingReason, !reason.trimmingSpaces.isEmpty { tender["statusDetails"] = reason }

        var awards: [[String: Any]] = []
        var contracts: [[String: Any]] = []
        for award in solicitation.awards {
            let contract = directory.contracts[award.contract]
            let awardID = "\(solicitation.id)-\(award.proposal)"
            var object: [String: Any] = [
                "id": awardID,
                "status": contract.map { OCDSExport.awardStatus($0.status) } ?? "pending",
                "date": OCDSExport.dateTime(award.date),
                "value": OCDSExport.amount(award.value),
                "suppliers": [reference(award.vendor, directory: directory)],
            ]
            if let reason = award.reason { object["description"] = reason }
            if let period = contract?.period { object["contractPeriod"] = OCDSExport.period(period) }
            awards.append(object)
            if let contract {
                contracts.append(contractObject(contract, awardID: awardID, directory: directory))
                for named in contract.namedParticipants { roles.append((named, "buyer", nil)) }
                if let period = contract.period { tender["techniques"] = OCDSExport.techniques(contract.cooperativeClause, period: period) }
            }
        }
        var blocks: [String: Any] = ["parties": parties(roles, directory: directory), "tender": tender]
        if let lead = solicitation.leadParty { blocks["buyer"] = reference(lead, directory: directory) }
        if !awards.isEmpty { blocks["awards"] = awards }
        if !contracts.isEmpty { blocks["contracts"] = contracts }
        return release(ocid: ocid(solicitation.id), id: "\(solicitation.id)-r\(solicitation.revision)", date: latest(solicitation.history),
                       blocks: blocks)
    }

    /// A contract awarded elsewhere: its own process, with the lead as buyer and procuring entity.
    func release(forOutside contract: CooperativeContract, ocid: String, directory: RecordDirectory) -> [String: Any] {
        let awardID = "\(contract.id)-award"
        var award: [String: Any] = ["id": awardID, "status": OCDSExport.awardStatus(contract.status),
                                    "suppliers": [reference(contract.vendor, directory: directory, name: contract.vendorName)]]
        if let value = contract.awardedValue ?? contract.ceiling { award["value"] = OCDSExport.amount(value) }
        if let period = contract.period { award["contractPeriod"] = OCDSExport.period(period) }
        var tender: [String: Any] = ["id": contract.id, "title": contract.title, "status": "complete",
                                     "mainProcurementCategory": OCDSExport.mainProcurementCategory(category: contract.category, title: contract.title),
                                     "procuringEntity": reference(contract.leadParty, directory: directory, name: contract.leadName)]
        tender["techniques"] = OCDSExport.techniques(contract.cooperativeClause, period: contract.period, framework: contract.source.framework)
        if !contract.category.isEmpty { tender["additionalProcurementCategories"] = [contract.category] }
        var roles: [(id: String, role: String, name: String?)] = [
            (contract.leadParty, "buyer", contract.leadName), (contract.leadParty, "procuringEntity", contract.leadName),
            (contract.vendor, "supplier", contract.vendorName),
        ]
        for named in contract.namedParticipants { roles.append((named, "buyer", nil)) }
        let blocks: [String: Any] = [
            "parties": parties(roles, directory: directory),
            "buyer": reference(contract.leadParty, directory: directory, name: contract.leadName),
            "tender": tender,
            "awards": [award],
            "contracts": [contractObject(contract, awardID: awardID, directory: directory)],
        ]
        return release(ocid: ocid, id: "\(contract.id)-r\(contract.revision)", date: latest(contract.history), blocks: blocks)
    }

    /// A participating addendum: a call-off from the master contract's framework, in a process of
    /// its own. Its estimated annual spend is said in words: it is an estimate for a year, not
    /// the value of an award.
    func release(forAddendum addendum: ParticipatingAddendum, contract: CooperativeContract, masterOCID: String,
                 directory: RecordDirectory) -> [String: Any] {
        let awardID = "\(addendum.id)-award"
        let participant = directory.parties[addendum.party]?.name ?? addendum.party
        let award: [String: Any] = ["id": awardID, "status": OCDSExport.addendumAwardStatus(addendum.status),
                                    "title": "Participating addendum of \(participant) to \(contract.id)",
                                    "suppliers": [reference(contract.vendor, directory: directory, name: contract.vendorName)]]
        var object: [String: Any] = [
            "id": addendum.id, "awardID": awardID,
            "title": "Participating addendum: \(participant)",
            "status": OCDSExport.addendumStatus(addendum.status),
        ]
        var description: [String] = []
        if !addendum.scope.trimmingSpaces.isEmpty { description.append(addendum.scope) }
        if let spend = addendum.estimatedAnnualSpend { description.append("Estimated annual spend: \(spend.description).") }
        if !description.isEmpty { object["description"] = description.joined(separator: "\n\n") }
        if let end = addendum.endDate ?? contract.period?.end {
            var period: [String: Any] = ["endDate": OCDSExport.dateTime(end, endOfDay: true)]
            if let start = addendum.effectiveDate { period["startDate"] = OCDSExport.dateTime(start) }
            object["period"] = period
        }
        if let effective = addendum.effectiveDate, addendum.status == .executed || addendum.status == .terminated {
            object["dateSigned"] = OCDSExport.dateTime(effective)
        }
        // What this buyer takes of each tender item, as its own contract's items.
        if let lines = addendum.lines, !lines.isEmpty {
            object["items"] = lines.map { line -> [String: Any] in
                ["id": String(line.number), "description": line.text, "quantity": line.quantity, "unit": ["name": line.unit]]
            }
        }
        if let reason = addendum.lastReason, !reason.trimmingSpaces.isEmpty,
           [.rejected, .withdrawn, .terminated].contains(addendum.status) {
            object["statusDetails"] = reason
        }
        // What this buyer takes of each of the master tender's items (its quantities per line).
        if let lines = addendum.lines, !lines.isEmpty {
            object["items"] = lines.map { line -> [String: Any] in
                ["id": String(line.number), "description": line.text, "quantity": line.quantity, "unit": ["name": line.unit]]
            }
        }
        let related: [[String: Any]] = [["id": "1", "relationship": ["framework"], "title": contract.title, "scheme": "ocid",
                                         "identifier": masterOCID]]
        let blocks: [String: Any] = [
            "parties": parties([(addendum.party, "buyer", nil), (contract.vendor, "supplier", contract.vendorName)], directory: directory),
            "buyer": reference(addendum.party, directory: directory),
            "awards": [award],
            "contracts": [object],
            "relatedProcesses": related,
        ]
        return release(ocid: ocid(addendum.id), id: "\(addendum.id)-r\(addendum.revision)", date: latest(addendum.history), blocks: blocks)
    }
}
