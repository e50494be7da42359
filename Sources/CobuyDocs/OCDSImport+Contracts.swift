import CobuyCore
import CobuyJSON
import CobuyStore
import Foundation

/// One compiled release (a process) turned into catalog contracts: each contract it lists,
/// once per contract id, and each award that has no contract.
extension OCDSImport {
    /// What every conversion of one import shares.
    struct Context: Sendable {
        var publisher: String
        /// The source file's name (never its path).
        var file: String
        var now: Timestamp
        /// The officer's rule for contracts whose publisher states nothing.
        var rule: CatalogFile.StatedRule?
    }

    /// What a slice counts besides its contracts.
    struct Tally {
        var skipped: [Skipped] = []
        /// Contract entries folded into another with the same id (a later release, or a repeat).
        var merged = 0
        /// Where each contract made is in the file, in order.
        var paths: [Place] = []
    }

    /// A contract's (or an award's) place in the file: `releases[3].contracts[0]`, written out
    /// only when something names it (a skip), not for each of a large file's contracts.
    public struct Place: Sendable, CustomStringConvertible {
        enum List: String, Sendable {
            case contracts, awards
        }

        /// The JSON path of the release it is in.
        let release: String
        let list: List
        let index: Int

        public var description: String { "\(release).\(list.rawValue)[\(index)]" }
    }

    /// Appends the catalog contracts of one compiled release to `result` (one array for a
    /// whole slice: appending each process's own array copied every contract).
    static func contracts(in release: JSONNode, ocid: String, at path: String, context: Context,
                          parties registry: inout [String: Party], memo: inout Memo, tally: inout Tally,
                          into result: inout [CooperativeContract]) {
        var contractList: [JSONNode] = []
        var listedContracts = 0
        if let list = release["contracts"], list.kind != .null {
            guard let elements = list.elements else {
                tally.skipped.append(Skipped(path: "\(path).contracts", reason: "is not an array"))
                return
            }
            listedContracts = elements.count
            for (index, item) in elements.enumerated() {
                // The path is written only for a contract that is skipped (most are not).
                let here = Place(release: path, list: .contracts, index: index)
                guard item.isObject else {
                    tally.skipped.append(Skipped(path: "\(here)", reason: "is not an object"))
                    continue
                }
                guard string(item["id"]) != nil else {
                    tally.skipped.append(Skipped(path: "\(here).id", reason: "missing"))
                    continue
                }
                contractList.append(item)
            }
            if repeatsAnID(contractList) {
                let count = contractList.count
                contractList = mergeByID(contractList)
                tally.merged += count - contractList.count
            }
        }
        var awards = objectList(release["awards"])
        if repeatsAnID(awards) { awards = mergeByID(awards) }
        if contractList.isEmpty, awards.isEmpty {
            if listedContracts == 0 {
                tally.skipped.append(Skipped(path: path, reason: "no contract or award in it (a planning or tender stage)"))
            }
            return
        }

        let partyList = release["parties"]?.objects ?? []
        let tender = release["tender"].flatMap { $0.isObject ? $0 : nil }
        let buyer = release["buyer"].flatMap { $0.isObject ? $0 : nil } ?? tender?["procuringEntity"].flatMap { $0.isObject ? $0 : nil }
            ?? partyList.first { ($0["roles"]?.strings ?? []).contains("buyer") }
        // A call-off under another process's framework: kept, linked to its framework, never offered to join.
        let callOff = release["relatedProcesses"]?.objects.first { ($0["relationship"]?.strings ?? []).contains("framework") }
            .map { string($0["identifier"]) ?? string($0["title"]) ?? "another process" }
        let tenderCurrency = currency(tender?["value"]) ?? currency(release["planning"]?["budget"]?["amount"])

        var converter = ProcessConverter(ocid: ocid, path: path, context: context, partyList: partyList, tender: tender, buyer: buyer,
                                         callOff: callOff, tenderCurrency: tenderCurrency, awards: awards)
        var awardsWithContracts = Set<String>()
        for (index, contract) in contractList.enumerated() {
            let here = Place(release: path, list: .contracts, index: index)
            let awardID = identifier(contract["awardID"])
            let award = awards.first { identifier($0["id"]) == awardID } ?? (awards.count == 1 ? awards[0] : nil)
            if let award { awardsWithContracts.insert(identifier(award["id"])) }
            if let ownBuyer = contract["buyer"], ownBuyer.isObject, string(ownBuyer["id"]) != string(buyer?["id"]) {
                tally.skipped.append(Skipped(path: "\(here)", reason: "a participating addendum of \(string(ownBuyer["name"]) ?? "another buyer"), not a cooperative contract"))
                continue
            }
            if let made = converter.make(contract: contract, award: award, at: here, registry: &registry, memo: &memo, tally: &tally) {
                result.append(made)
                tally.paths.append(here)
            }
        }
        // Awards no contract stands for: a framework or an award published without its contract.
        for (index, award) in awards.enumerated() where !awardsWithContracts.contains(identifier(award["id"])) {
            let here = Place(release: path, list: .awards, index: index)
            switch award["status"]?.string {
            case "unsuccessful"?:
                tally.skipped.append(Skipped(path: "\(here)", reason: "an unsuccessful award: no contract was made"))
                continue
            case "cancelled"?:
                tally.skipped.append(Skipped(path: "\(here)", reason: "a cancelled award: no contract was made"))
                continue
            default:
                break
            }
            guard string(award["id"]) != nil || awards.count == 1 else {
                tally.skipped.append(Skipped(path: "\(here).id", reason: "missing"))
                continue
            }
            if let made = converter.make(contract: nil, award: award, at: here, registry: &registry, memo: &memo, tally: &tally) {
                result.append(made)
                tally.paths.append(here)
            }
        }
    }

    /// Turns the contracts and awards of one process into catalog contracts.
    struct ProcessConverter {
        let ocid: String
        let path: String
        let context: Context
        let partyList: [JSONNode]
        let tender: JSONNode?
        let buyer: JSONNode?
        let callOff: String?
        let tenderCurrency: String?
        let awards: [JSONNode]

        func partyObject(_ id: String?) -> JSONNode? {
            guard let id else { return nil }
            return partyList.first { string($0["id"]) == id }
        }

        /// The party a reference names, described by this process's own `parties` (a party id
        /// means something only within its process). Its id: the publisher's when it is Cobuy's
        /// own (an export of Cobuy: a valid id with a Cobuy kind), else one made from its name,
        /// so the same id reused by another process for another body stays another party.
        func register(_ reference: JSONNode?, supplier: Bool, registry: inout [String: Party], memo: inout Memo) -> (id: String, name: String)? {
            guard let reference, reference.isObject else { return nil }
            let object = partyObject(string(reference["id"])) ?? reference
            guard let name = organizationName(object) ?? organizationName(reference) ?? string(reference["id"]) else { return nil }
            let own = object["details"]?["kind"]?.string.flatMap(PartyKind.init(rawValue:)) != nil
            let id = (own ? string(reference["id"]).flatMap { memo.isValidID($0) ? $0 : nil } : nil) ?? memo.slug(name)
            // A party an earlier slice of the file has described already is not described again:
            // the earliest description is the one kept.
            if registry[id] == nil, !memo.describedEarlier(id) {
                var party = Party(id: id, name: name, kind: kind(details: object["details"], name: name, isSupplier: supplier),
                                  region: memo.region(object))
                if let point = object["contactPoint"], point.isObject, let contact = string(point["name"]) {
                    party.contacts = [Contact(name: contact, email: string(point["email"]), phone: string(point["telephone"]))]
                }
                party.revision = 1
                party.history = [HistoryEntry(sequence: 1, at: context.now, actor: "import", party: "", action: "import", from: nil,
                                              to: "recorded", details: ["ocid": ocid, "publisher": context.publisher])]
                registry[id] = party
            }
            return (id, name)
        }

        mutating func make(contract: JSONNode?, award: JSONNode?, at here: Place, registry: inout [String: Party],
                           memo: inout Memo, tally: inout Tally) -> CooperativeContract? {
            var warnings: [String] = []
            let lead: (id: String, name: String)
            if let named = register(buyer, supplier: false, registry: &registry, memo: &memo) {
                lead = named
            } else {
                // Kept, and said: an officer can still find the contract and ask its publisher.
                lead = register(unnamedBuyer, supplier: false, registry: &registry, memo: &memo) ?? ("org-unnamed", "")
                warnings.append("the publisher names no buyer or procuring entity: the lead is not stated")
            }
            // The contract's own suppliers first, else its award's (one, or all of a multi-supplier
            // award), else the suppliers the process lists.
            let own = objectList(contract?["suppliers"])
            var awardSuppliers = objectList(award?["suppliers"])
            // The process's only award, naming one supplier, chosen above: the framework's
            // suppliers below would be that one again.
            let onlySupplierChosen = own.isEmpty && awardSuppliers.count == 1 && awards.count == 1 && award != nil
            // Layouts before OCDS 1.0 name suppliers per awarded item.
            if awardSuppliers.isEmpty { awardSuppliers = (award?["items"]?.objects ?? []).flatMap { objectList($0["suppliers"]) } }
            var chosen = !own.isEmpty ? own : awardSuppliers
            if chosen.isEmpty, award == nil { chosen = partyList.filter { ($0["roles"]?.strings ?? []).contains("supplier") } }
            var suppliers: [(id: String, name: String)] = []
            for reference in chosen {
                guard let supplier = register(reference, supplier: true, registry: &registry, memo: &memo),
                      !suppliers.contains(where: { $0.id == supplier.id }) else { continue }
                suppliers.append(supplier)
            }
            if suppliers.isEmpty, let unnamed = register(unnamedSupplier, supplier: true, registry: &registry, memo: &memo) {
                suppliers = [unnamed]
                warnings.append("the publisher names no supplier for it: the vendor is not stated")
            }
            guard let vendor = suppliers.first else { return nil }
            let framework = isFramework(tender, award: award)
            // A framework shows every supplier of the process's awards.
            var allSuppliers = suppliers.map(\.name)
            if framework, !onlySupplierChosen {
                for other in awards {
                    for reference in objectList(other["suppliers"]) {
                        guard let supplier = register(reference, supplier: true, registry: &registry, memo: &memo),
                              !allSuppliers.contains(supplier.name) else { continue }
                        allSuppliers.append(supplier.name)
                    }
                }
            }

            let statusText = contract.map { string($0["status"]) } ?? string(award?["status"])
            var status = CooperativeContract.Status.pending
            if let text = statusText {
                if let known = contract == nil ? awardStatuses[text] : CooperativeContract.Status(rawValue: text) {
                    status = known
                } else {
                    status = nearestStatus(text)
                    warnings.append("status \"\(text)\" is not in the OCDS codelist: read as \(status.rawValue)")
                }
            }

            let ownTerm = term(contract?["period"])
            let chosenTerm: PublishedTerm
            if case .none = ownTerm { chosenTerm = term(award?["contractPeriod"]) } else { chosenTerm = ownTerm }
            var period: ContractPeriod?
            var termEnd: CalendarDate?
            switch chosenTerm {
            case .none: break
            case .period(let value): period = value
            case .endOnly(let end): termEnd = end
            case .unusable(let why): warnings.append(why)
            case .invalid(let field, let text):
                let place: String
                if contract == nil {
                    place = "\(here).contractPeriod.\(field)"
                } else if case .none = ownTerm {
                    place = "\(here) (its award's contractPeriod.\(field))"
                } else {
                    place = "\(here).period.\(field)"
                }
                tally.skipped.append(Skipped(path: place, reason: "\"\(text)\" is not a calendar date"))
                return nil
            }

            let awardCurrency = currency(award?["value"])
            var value = money(contract?["value"], fallbackCurrency: awardCurrency ?? tenderCurrency)
            if value.money == nil, value.warning == nil, contract?["value"]?["amount"] == nil {
                value = money(award?["value"], fallbackCurrency: tenderCurrency)
            }
            if let warning = value.warning { warnings.append(warning) }

            let contractID = contract.flatMap { string($0["id"]) }
            let awardID = string(award?["id"]) ?? ""
            // Cobuy's own contract ids survive a round trip; others are made from the ocid.
            let id: String
            if let contractID {
                id = contractID.hasPrefix("CON-") && Store.isSafeID(contractID) && contractID.count <= 40
                    ? contractID : "CON-" + String(FileNames.safe("\(ocid)-\(contractID)").prefix(110))
            } else {
                id = "CON-" + String(FileNames.safe("\(ocid)-award-\(awardID)").prefix(110))
            }
            let title = string(contract?["title"]) ?? string(award?["title"]) ?? string(tender?["title"]) ?? ocid
            var eligibility = OCDSImport.clause(tender, award: award, memo: &memo)
            if let callOff {
                eligibility = (CooperativeClause.closed.stated(by: "the publisher: a call-off under the framework \(callOff)"), nil)
            } else if !eligibility.clause.isStated, let rule = context.rule {
                eligibility.clause = rule.clause
            }
            var description = string(contract?["description"]) ?? string(award?["description"]) ?? string(tender?["description"]) ?? ""
            if let published = eligibility.published {
                description += (description.isEmpty ? "" : "\n\n") + "Who may use it, as the publisher words it: \(published)"
            }
            var source = ContractSource(kind: .imported, publisher: context.publisher, ocid: ocid, file: context.file)
            if contract == nil { source.award = awardID }
            if framework { source.framework = true }
            source.callOffOf = callOff
            if allSuppliers.count > 1 { source.suppliers = allSuppliers }
            if !warnings.isEmpty { source.warnings = warnings }
            var record = CooperativeContract(
                id: id, title: title, description: description, category: category(contract: contract ?? award, tender: tender),
                source: source, leadParty: lead.id, vendor: vendor.id, cooperativeClause: eligibility.clause,
                singleAward: awardSuppliers.count <= 1 && suppliers.count <= 1 && !(framework && allSuppliers.count > 1))
            record.leadName = lead.name
            record.vendorName = vendor.name
            record.awardedValue = value.money
            record.period = period
            record.termEnd = termEnd
            if let contract {
                // Cobuy's own extension: renewal options, named participants, closing reason.
                OCDSCobuyFields.read(contract, into: &record, at: here, skipped: &tally.skipped) {
                    register($0, supplier: false, registry: &registry, memo: &memo)?.id
                }
            }
            record.status = status
            record.revision = 1
            var details = ["ocid": ocid, "publisher": context.publisher]
            if let contractID { details["contract"] = contractID } else { details["award"] = awardID }
            record.history = [HistoryEntry(sequence: 1, at: context.now, actor: "import", party: "", action: "import", from: nil,
                                           to: record.status.rawValue, details: details)]
            return record
        }
    }

    /// The lead of a contract whose publisher names no buyer.
    static let unnamedBuyer: JSONNode? = try? JSONTape(JSONBytes(Data(#"{"name": "Buyer not stated by the publisher"}"#.utf8))).root

    static let unnamedSupplier: JSONNode? = try? JSONTape(JSONBytes(Data(#"{"name": "Supplier not stated by the publisher"}"#.utf8))).root

    /// An organization's name as publishers write it: `name`, or the bilingual and legal
    /// names some use instead (Canada's `name_en`, Taiwan's `identifier.legalName`).
    static func organizationName(_ object: JSONNode) -> String? {
        string(object["name"]) ?? string(object["name_en"]) ?? string(object["name_fr"])
            ?? string(object["identifier"]?["legalName"]) ?? string(object["identifier"]?["legalName_en"])
    }

    /// An award's status, as the contract it stands for reads it.
    static let awardStatuses: [String: CooperativeContract.Status] = ["active": .active, "pending": .pending]

    /// A status outside the codelist read by its meaning, in the languages publishers use
    /// (Moldova's "Înregistrat(ă)" is a registered, so active, contract); what cannot be placed
    /// is pending, which offers nothing to join.
    static func nearestStatus(_ text: String) -> CooperativeContract.Status {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        func has(_ stems: String...) -> Bool { stems.contains { folded.contains($0) } }
        if has("cancel", "annul", "anulad", "void", "withdraw", "rescind", "desiert", "revoc", "скасов") { return .cancelled }
        if has("termin", "complet", "finish", "finaliz", "closed", "expir", "liquid", "ended", "conclu", "cerrad", "заверш") {
            return .terminated
        }
        if has("activ", "sign", "regist", "execut", "in force", "vigent", "firmad", "suscrit", "ejecuc", "дійсн", "підпис") { return .active }
        return .pending
    }
}
