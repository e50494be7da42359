import CobuyCore
import CobuyStore
import Foundation

/// Reads OCDS data as publishers really publish it — release packages, record packages,
/// single releases, JSON Lines of releases — into cooperative contracts for the catalog.
/// What OCDS allows is accepted; what it does not is skipped and reported with its JSON path.
/// A file that is not OCDS at all is refused whole.
public enum OCDSImport {
    /// Files larger than this are refused before reading (a guard against runaway input).
    public static let maximumFileSize = 1_500_000_000

    public struct Skipped: Sendable, Hashable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Values built once and only read afterwards, handed to parallel work.
    final class ReadOnly<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// What one slice of the processes turned into.
    struct Converted {
        var contracts: [CooperativeContract] = []
        var parties: [String: Party] = [:]
        var skipped: [Skipped] = []
    }

    public struct Imported: Sendable {
        public var catalog: CatalogFile
        public var skipped: [Skipped]
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case unreadable(String)
        case notJSON(String)
        case notOCDS(String)
        case nothingToImport

        public var description: String {
            switch self {
            case .unreadable(let message): return "cannot be read: \(message)"
            case .notJSON(let message): return "is not JSON or JSON Lines: \(message)"
            case .notOCDS(let message): return "is not OCDS: \(message)"
            case .nothingToImport: return "holds no contract that could be imported"
            }
        }
    }

    /// Parses one file. `progress` is called with the releases read so far and the total.
    public static func read(file path: String, data: Data, publisher fallbackPublisher: String?, now: Timestamp,
                            progress: (Int, Int) -> Void = { _, _ in }) throws(Failure) -> Imported {
        let (releases, format, packagePublisher) = try releasesIn(data)
        var skipped: [Skipped] = []
        // Compile releases per process: later releases (by date) override earlier fields.
        var byOCID: [String: [(index: Int, release: [String: Any])]] = [:]
        var order: [String] = []
        for (index, release) in releases.enumerated() {
            guard let ocid = release.value["ocid"] as? String, !ocid.isEmpty else {
                skipped.append(Skipped(path: release.path, reason: "no ocid"))
                continue
            }
            if byOCID[ocid] == nil { order.append(ocid) }
            byOCID[ocid, default: []].append((index, release.value))
            if index % 2000 == 0 { progress(index, releases.count) }
        }
        progress(releases.count, releases.count)
        let publisher = packagePublisher ?? fallbackPublisher ?? (path as NSString).lastPathComponent
        // Processes are independent: convert them in slices on every core, then merge in file
        // order (the first description of a party wins, as it would one by one).
        let slices = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 4, order.count / 2000))
        let sliceSize = (order.count + slices - 1) / max(1, slices)
        // Parsed JSON is never mutated from here on: shared read-only across the slices.
        let shared = ReadOnly((groups: byOCID, releases: releases, order: order))
        let converted = ParallelMap.map(Array(0..<slices), chunk: 1) { slice -> Converted in
            let (groups, releaseList, order) = shared.value
            var result = Converted()
            for ocid in order[min(order.count, slice * sliceSize)..<min(order.count, (slice + 1) * sliceSize)] {
                let group = groups[ocid] ?? []
                guard let first = group.first else { continue }
                let compiled = group.count == 1 ? first.release : compile(group.sorted {
                    (($0.release["date"] as? String) ?? "", $0.index) < (($1.release["date"] as? String) ?? "", $1.index)
                }.map(\.release))
                result.contracts += self.contracts(in: compiled, ocid: ocid, at: releaseList[first.index].path, publisher: publisher,
                                                   file: path, now: now, parties: &result.parties, skipped: &result.skipped)
            }
            return result
        }
        var contracts: [CooperativeContract] = []
        var parties: [String: Party] = [:]
        for slice in converted {
            contracts += slice.contracts
            skipped += slice.skipped
            parties.merge(slice.parties) { first, _ in first }
        }
        guard !contracts.isEmpty else {
            if releases.isEmpty { throw .notOCDS("no releases found") }
            throw .nothingToImport
        }
        let source = CatalogFile.Source(file: path, publisher: publisher, importedAt: now, format: format, releasesRead: releases.count)
        return Imported(catalog: CatalogFile(source: source, contracts: contracts, parties: parties.values.sorted { $0.id < $1.id }),
                      skipped: skipped)
    }

    /// The releases a file holds, each with its JSON path, and the file's shape.
    static func releasesIn(_ data: Data) throws(Failure) -> ([(path: String, value: [String: Any])], String, String?) {
        guard data.count <= maximumFileSize else { throw .unreadable("larger than \(maximumFileSize / 1_000_000) MB") }
        if let package = parallelReleasePackage(data) { return package }
        var top: Any?
        do {
            top = try FastJSON.parse(data)
        } catch {
            // JSON Lines: one release per line.
            let lines = data.split(separator: 0x0A, omittingEmptySubsequences: true)
            var releases: [(String, [String: Any])] = []
            for (number, line) in lines.enumerated() {
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
                guard let object = (try? FastJSON.parse(Data(line))) as? [String: Any] else {
                    let syntax = JSONSyntax.firstError(in: data)
                    let place = syntax.map { "line \($0.line), column \($0.column): \($0.message)" } ?? "line \(number + 1)"
                    throw .notJSON(lines.count > 1 && number > 0 ? "line \(number + 1) is not a JSON object" : place)
                }
                releases.append(("line \(number + 1)", object))
            }
            guard !releases.isEmpty else { throw .notJSON("the file is empty") }
            guard releases.allSatisfy({ $0.1["ocid"] != nil }) else { throw .notOCDS("JSON Lines whose objects are not releases (no ocid)") }
            return (releases, "json-lines", nil)
        }
        if let object = top as? [String: Any] {
            let publisher = (object["publisher"] as? [String: Any])?["name"] as? String
            if let releases = object["releases"] {
                guard let list = releases as? [Any] else { throw .notOCDS("releases is not an array") }
                return (objects(list, path: "releases"), "release-package", publisher)
            }
            if let records = object["records"] {
                guard let list = records as? [Any] else { throw .notOCDS("records is not an array") }
                var releases: [(String, [String: Any])] = []
                for (index, item) in list.enumerated() {
                    guard let record = item as? [String: Any] else { continue }
                    if var compiled = record["compiledRelease"] as? [String: Any] {
                        if compiled["ocid"] == nil { compiled["ocid"] = record["ocid"] }
                        releases.append(("records[\(index)].compiledRelease", compiled))
                    } else if let list = record["releases"] as? [Any] {
                        // Linked releases (only url and date) carry no data to import.
                        releases += objects(list, path: "records[\(index)].releases").filter { $0.1["ocid"] != nil }
                    }
                }
                return (releases, "record-package", publisher)
            }
            if object["ocid"] != nil { return ([("release", object)], "release", publisher) }
            throw .notOCDS("a JSON object without releases, records or ocid")
        }
        if let list = top as? [Any] {
            return (objects(list, path: ""), "release-array", nil)
        }
        throw .notOCDS("the top level is neither an object nor an array")
    }

    /// A release package read on every core: the releases array is split into its elements
    /// by a scan that builds nothing, then the elements are parsed in parallel. Nil when the
    /// file is anything else, or not valid: the sequential reader then says what is wrong.
    static func parallelReleasePackage(_ data: Data) -> ([(path: String, value: [String: Any])], String, String?)? {
        guard data.count > 1_000_000, let members = try? FastJSON.members(of: data),
              let releases = members.first(where: { $0.key == "releases" }),
              let ranges = try? FastJSON.elements(of: data, in: releases.range) else { return nil }
        let publisher = members.first { $0.key == "publisher" }
            .flatMap { (try? FastJSON.parse(data, range: $0.range)) as? [String: Any] }?["name"] as? String
        let parsed: [Any?] = ParallelMap.map(Array(ranges.enumerated()), chunk: 512) { element in
            try? FastJSON.parse(data, range: element.element)
        }
        guard parsed.allSatisfy({ $0 != nil }) else { return nil }
        return (objects(parsed.compactMap { $0 }, path: "releases"), "release-package", publisher)
    }

    static func objects(_ list: [Any], path: String) -> [(path: String, value: [String: Any])] {
        list.enumerated().compactMap { index, item in
            (item as? [String: Any]).map { ("\(path)[\(index)]", $0) }
        }
    }

    /// Merges releases of one process: fields of later releases replace earlier ones; arrays of
    /// objects with ids (parties, awards, contracts) merge by id.
    static func compile(_ releases: [[String: Any]]) -> [String: Any] {
        var result: [String: Any] = [:]
        for release in releases {
            for (key, value) in release {
                if let list = value as? [[String: Any]], let existing = result[key] as? [[String: Any]],
                   list.allSatisfy({ $0["id"] != nil }) {
                    var merged = existing
                    for item in list {
                        if let position = merged.firstIndex(where: { "\($0["id"] ?? "")" == "\(item["id"] ?? "")" }) {
                            merged[position] = merged[position].merging(item) { _, new in new }
                        } else {
                            merged.append(item)
                        }
                    }
                    result[key] = merged
                } else {
                    result[key] = value
                }
            }
        }
        return result
    }

    static func string(_ value: Any?) -> String? {
        switch value {
        case let text as String: return text.isEmpty ? nil : text
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }

    static func money(_ value: Any?) -> Money? {
        guard let object = value as? [String: Any] else { return nil }
        let currency = (object["currency"] as? String).flatMap { $0.count == 3 ? $0.uppercased() : nil } ?? "USD"
        switch object["amount"] {
        case let number as NSNumber:
            let cents = (number.decimalValue * 100 as NSDecimalNumber).rounding(accordingToBehavior: nil)
            guard cents.doubleValue.magnitude < 9e15 else { return nil }
            return Money(amount: cents.intValue, currency: currency)
        case let text as String: return Money(parsing: text, defaultCurrency: currency)
        default: return nil
        }
    }

    static func date(_ value: Any?) -> CalendarDate? {
        guard let text = value as? String else { return nil }
        return Timestamp(iso8601: text)?.date ?? CalendarDate(String(text.prefix(10)))
    }

    static func period(_ value: Any?) -> ContractPeriod? {
        guard let object = value as? [String: Any], let start = date(object["startDate"]), let end = date(object["endDate"]),
              end >= start else { return nil }
        return ContractPeriod(start: start, end: end)
    }

    /// A party slug from an organization's name (its OCDS id when there is no name).
    static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var result = ""
        for scalar in folded.unicodeScalars {
            let keep = (48...57).contains(scalar.value) || (97...122).contains(scalar.value)
            if keep { result.unicodeScalars.append(scalar) } else if result.last != "-" { result.append("-") }
        }
        result = String(result.trimmingCharacters(in: CharacterSet(charactersIn: "-")).prefix(60))
        while result.hasSuffix("-") { result.removeLast() }
        if result.count < 2 || !Party.isValidID(result) { result = "org-" + String(result.prefix(50)).replacingAll("--", with: "-") }
        return Party.isValidID(result) ? result : "org-unnamed"
    }

    /// Kind from what the data says (our own exports carry it), else from the name.
    static func kind(details: [String: Any]?, name: String, isSupplier: Bool) -> PartyKind {
        if isSupplier { return .vendor }
        if let text = details?["kind"] as? String, let kind = PartyKind(rawValue: text) { return kind }
        let lower = name.lowercased()
        if lower.contains("school") || lower.contains("unified") || lower.contains(" isd") { return .schoolDistrict }
        if lower.contains("university") || lower.contains("college") { return .higherEd }
        if lower.contains("county") || lower.contains("parish") { return .county }
        if lower.contains("city") || lower.contains("town") || lower.contains("village") || lower.contains("municipal") { return .city }
        if lower.contains("tribe") || lower.contains("nation") { return .tribal }
        if lower.contains("federal") || lower.contains("u.s.") { return .federal }
        if lower.contains("district") || lower.contains("authority") || lower.contains("agency") { return .specialDistrict }
        return .state
    }

    static func region(_ party: [String: Any]?) -> RegionCode {
        let address = party?["address"] as? [String: Any]
        if let text = address?["region"] as? String, let code = RegionCode(text) { return code }
        if let text = address?["countryName"] as? String, let code = RegionCode(text) { return code }
        return .unknown
    }

    /// Eligibility from the techniques extension: our own `buyerCategories` wording is read back
    /// exactly; any other open framework is open to public bodies in the buyer's country.
    static func clause(_ tender: [String: Any]?, buyerRegion: RegionCode) -> CooperativeClause {
        let techniques = tender?["techniques"] as? [String: Any]
        let framework = techniques?["frameworkAgreement"] as? [String: Any]
        if let has = techniques?["hasFrameworkAgreement"] as? Bool, !has { return .closed }
        if let categories = framework?["buyerCategories"] as? String, let parsed = parseSummary(categories) { return parsed }
        let country = RegionCode(buyerRegion.country) ?? buyerRegion
        return CooperativeClause(open: true, kinds: nil, regions: country.code == "ZZ" ? nil : [country])
    }

    /// Reads `county, city in US-OR, US-WA` / `any public body in any region` back into a clause.
    static func parseSummary(_ text: String) -> CooperativeClause? {
        let parts = text.components(separatedBy: " in ")
        guard parts.count == 2 else { return nil }
        var kinds: [PartyKind]? = []
        if parts[0] == "any public body" { kinds = nil } else {
            for label in parts[0].components(separatedBy: ", ") {
                guard let kind = PartyKind.allCases.first(where: { $0.label == label }) else { return nil }
                kinds?.append(kind)
            }
        }
        var regions: [RegionCode]? = []
        if parts[1] == "any region" { regions = nil } else {
            for code in parts[1].components(separatedBy: ", ") {
                guard let region = RegionCode(code) else { return nil }
                regions?.append(region)
            }
        }
        return CooperativeClause(open: true, kinds: kinds, regions: regions)
    }

    static func contracts(in release: [String: Any], ocid: String, at path: String, publisher: String, file: String, now: Timestamp,
                          parties registry: inout [String: Party], skipped: inout [Skipped]) -> [CooperativeContract] {
        guard let list = release["contracts"] else { return [] }
        guard let contracts = list as? [Any] else {
            skipped.append(Skipped(path: "\(path).contracts", reason: "is not an array"))
            return []
        }
        let partyList = (release["parties"] as? [Any])?.compactMap { $0 as? [String: Any] } ?? []
        func partyObject(_ id: String?) -> [String: Any]? { partyList.first { string($0["id"]) == id } }
        let awards = (release["awards"] as? [Any])?.compactMap { $0 as? [String: Any] } ?? []
        let tender = release["tender"] as? [String: Any]
        let buyer = (release["buyer"] as? [String: Any]) ?? (tender?["procuringEntity"] as? [String: Any])
            ?? partyList.first { (($0["roles"] as? [String]) ?? []).contains("buyer") }

        func register(_ reference: [String: Any]?, supplier: Bool) -> (id: String, name: String)? {
            guard let reference else { return nil }
            let object = partyObject(string(reference["id"])) ?? reference
            guard let name = string(object["name"]) ?? string(reference["name"]) ?? string(reference["id"]) else { return nil }
            // Keep the publisher's party id when it is already a usable slug (Cobuy's own exports).
            let id = string(reference["id"]).flatMap { Party.isValidID($0) ? $0 : nil } ?? slug(name)
            if registry[id] == nil {
                var party = Party(id: id, name: name, kind: kind(details: object["details"] as? [String: Any], name: name, isSupplier: supplier),
                                  region: region(object))
                if let point = object["contactPoint"] as? [String: Any], let contact = string(point["name"]) {
                    party.contacts = [Contact(name: contact, email: string(point["email"]), phone: string(point["telephone"]))]
                }
                party.revision = 1
                party.history = [HistoryEntry(sequence: 1, at: now, actor: "import", party: "", action: "import", from: nil, to: "recorded",
                                              details: ["ocid": ocid, "publisher": publisher])]
                registry[id] = party
            }
            return (id, name)
        }

        // A call-off under another process's framework is an addendum, not a cooperative contract.
        if let related = release["relatedProcesses"] as? [[String: Any]],
           let framework = related.first(where: { (($0["relationship"] as? [String]) ?? []).contains("framework") }) {
            skipped.append(Skipped(path: "\(path).relatedProcesses", reason: "a call-off under the framework \(string(framework["identifier"]) ?? "?"), not a cooperative contract"))
            return []
        }
        var result: [CooperativeContract] = []
        for (index, item) in contracts.enumerated() {
            let here = "\(path).contracts[\(index)]"
            guard let contract = item as? [String: Any] else {
                skipped.append(Skipped(path: here, reason: "is not an object"))
                continue
            }
            guard let contractID = string(contract["id"]) else {
                skipped.append(Skipped(path: "\(here).id", reason: "missing"))
                continue
            }
            if let ownBuyer = contract["buyer"] as? [String: Any], string(ownBuyer["id"]) != string(buyer?["id"]) {
                skipped.append(Skipped(path: here, reason: "a participating addendum of \(string(ownBuyer["name"]) ?? "another buyer"), not a cooperative contract"))
                continue
            }
            let award = awards.first { string($0["id"]) == string(contract["awardID"]) } ?? (awards.count == 1 ? awards[0] : nil)
            let supplierReference = (award?["suppliers"] as? [Any])?.first as? [String: Any]
                ?? partyList.first { (($0["roles"] as? [String]) ?? []).contains("supplier") }
            guard let lead = register(buyer, supplier: false) else {
                skipped.append(Skipped(path: "\(path).buyer", reason: "no buyer or procuring entity named, so no lead to administer the contract"))
                continue
            }
            guard let vendor = register(supplierReference, supplier: true) else {
                skipped.append(Skipped(path: "\(here).awardID", reason: "no supplier found for this contract"))
                continue
            }
            let status: CooperativeContract.Status
            switch string(contract["status"]) {
            case "active"?: status = .active
            case "pending"?, nil: status = .pending
            case "terminated"?: status = .terminated
            case "cancelled"?: status = .cancelled
            case let other?:
                skipped.append(Skipped(path: "\(here).status", reason: "\"\(other)\" is not a contract status in the OCDS codelist"))
                continue
            }
            if contract["value"] != nil, money(contract["value"]) == nil {
                skipped.append(Skipped(path: "\(here).value", reason: "amount is not a number"))
                continue
            }
            let contractPeriod = period(contract["period"]) ?? period(award?["contractPeriod"])
            // Cobuy's own contract ids survive a round trip; others are made from the ocid.
            let id = contractID.hasPrefix("CON-") && Store.isSafeID(contractID) && contractID.count <= 40
                ? contractID : "CON-" + FileNames.safe("\(ocid)-\(contractID)").prefix(110)
            let title = string(contract["title"]) ?? string(award?["title"]) ?? string(tender?["title"]) ?? ocid
            var record = CooperativeContract(
                id: String(id), title: title, description: string(contract["description"]) ?? string(tender?["description"]) ?? "",
                category: (tender?["additionalProcurementCategories"] as? [String])?.first ?? string(tender?["mainProcurementCategory"]) ?? "",
                source: ContractSource(kind: .imported, publisher: publisher, ocid: ocid, file: file),
                leadParty: lead.id, vendor: vendor.id, cooperativeClause: clause(tender, buyerRegion: registry[lead.id]?.region ?? region(nil)))
            record.leadName = lead.name
            record.vendorName = vendor.name
            record.awardedValue = money(contract["value"]) ?? money(award?["value"])
            record.period = contractPeriod
            record.status = status == .active && contractPeriod == nil ? .pending : status
            record.revision = 1
            record.history = [HistoryEntry(sequence: 1, at: now, actor: "import", party: "", action: "import", from: nil,
                                           to: record.status.rawValue, details: ["ocid": ocid, "contract": contractID, "publisher": publisher])]
            result.append(record)
        }
        return result
    }
}
