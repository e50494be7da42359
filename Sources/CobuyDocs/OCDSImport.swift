import CobuyCore
import CobuyJSON
import CobuyStore
import Foundation

/// Reads OCDS data as publishers really publish it — release packages, record packages,
/// single releases, JSON Lines of releases — into cooperative contracts for the catalog.
/// What OCDS allows is accepted; what it does not is skipped and reported with its JSON path.
/// A file that is not OCDS at all is refused whole.
public enum OCDSImport {
    /// Files larger than this are refused before reading (a guard against runaway input).
    public static let maximumFileSize = 1_500_000_000

    public static func refuseIfTooLarge(_ size: Int) throws(Failure) {
        guard size <= maximumFileSize else { throw .unreadable("larger than \(maximumFileSize / 1_000_000) MB") }
    }

    public struct Skipped: Sendable, Hashable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
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

    /// Where one release is in the file, and the JSON path to name it by.
    struct ReleaseLocation: Sendable {
        var path: String
        var range: Range<Int>
        /// A record's ocid, for a compiled release that does not repeat it; or the release's own,
        /// when locating it read it.
        var ocid: String?
        var date: String?
        /// Whether locating the release already read its ocid and date (where it had them).
        var captured = false
    }

    /// A file cut into its processes (the releases of each ocid), nothing converted yet.
    public struct Reading: Sendable {
        let bytes: JSONBytes
        let releases: [ReleaseLocation]
        /// Release numbers of each process, processes in the order the file first names them.
        let processes: [[Int]]
        public let source: CatalogFile.Source
        /// Releases skipped before conversion (no ocid).
        public let skipped: [Skipped]
        public var releaseCount: Int { releases.count }
    }

    /// What converting one slice remembers between processes: the same buyers, suppliers and
    /// eligibility wordings come back thousands of times in a large file.
    struct Memo {
        var clauses: [String: CooperativeClause?] = [:]
        var validIDs: [String: Bool] = [:]

        mutating func clause(_ text: String) -> CooperativeClause? {
            if let known = clauses[text] { return known }
            let parsed = OCDSImport.parseSummary(text)
            clauses[text] = parsed
            return parsed
        }

        mutating func isValidID(_ id: String) -> Bool {
            if let known = validIDs[id] { return known }
            let valid = Party.isValidID(id)
            validIDs[id] = valid
            return valid
        }
    }

    /// Which slice (the earliest so far) describes each party, shared by the converting threads.
    final class PartyClaims: @unchecked Sendable {
        private let lock = NSLock()
        private var earliest: [String: Int] = [:]

        /// Whether `slice` should send party `id` on: no slice before it has claimed it.
        /// A later slice that claimed it first still sends its copy; the writer keeps the
        /// first it receives, which is the earliest in the file.
        func claim(_ id: String, slice: Int) -> Bool {
            lock.withLock {
                if let known = earliest[id], known <= slice { return known == slice }
                earliest[id] = slice
                return true
            }
        }
    }

    /// What one slice of the processes turned into.
    public struct Slice: Sendable {
        /// The contracts themselves, when asked for (`keepingContracts`): the import writes the
        /// chunk alone, and freeing 100,000 contracts would cost its writing thread.
        public var contracts: [CooperativeContract]
        public var chunk: CatalogChunk
        public var skipped: [Skipped]
        /// Releases this slice read.
        public var releases: Int
    }

    /// Reads and converts a whole file in memory (tests, small files). The import command
    /// streams the slices into the store instead: see ``slices(of:now:)``.
    public static func read(file path: String, data: Data, publisher fallbackPublisher: String?, now: Timestamp) throws(Failure) -> Imported {
        let reading = try read(file: path, bytes: JSONBytes(data), publisher: fallbackPublisher, now: now)
        let pipeline = slices(of: reading, now: now, keepingContracts: true)
        defer { pipeline.stop() }
        var contracts: [CooperativeContract] = []
        var parties: [String: Party] = [:]
        var skipped = reading.skipped
        while let slice = pipeline.next() {
            contracts += slice.contracts
            skipped += slice.skipped
            for party in slice.chunk.parties where parties[party.id] == nil { parties[party.id] = party }
        }
        guard !contracts.isEmpty else { throw reading.releases.isEmpty ? .notOCDS("no releases found") : .nothingToImport }
        return Imported(catalog: CatalogFile(source: reading.source, contracts: contracts, parties: parties.values.sorted { $0.id < $1.id }),
                        skipped: skipped)
    }

    /// Cuts a file into its releases and groups them by process, without converting anything:
    /// fails at once for a file that is not JSON or not OCDS.
    public static func read(file path: String, bytes: JSONBytes, publisher fallbackPublisher: String?, now: Timestamp) throws(Failure) -> Reading {
        var clock = PhaseTimer()
        let (releases, format, packagePublisher) = try locateReleases(bytes)
        clock.lap("  locate releases")
        // The ocid (and date, for ordering releases of one process) of every release: found
        // while locating them, or read now on every core without parsing the rest.
        let keys: [(ocid: String?, date: String?)] = ParallelMap.map(releases, chunk: 1024) { release in
            if release.captured { return (release.ocid, release.date) }
            let found = JSONScanner.strings(["ocid", "date"], inObjectAt: release.range, of: bytes.buffer)
            return (found[0] ?? release.ocid, found[1])
        }
        clock.lap("  ocids")
        if format == "json-lines", keys.contains(where: { $0.ocid == nil }) {
            throw .notOCDS("JSON Lines whose objects are not releases (no ocid)")
        }
        var skipped: [Skipped] = []
        var byOCID: [String: Int] = [:]
        var processes: [[Int]] = []
        for (index, key) in keys.enumerated() {
            guard let ocid = key.ocid, !ocid.isEmpty else {
                skipped.append(Skipped(path: releases[index].path, reason: "no ocid"))
                continue
            }
            if let process = byOCID[ocid] {
                processes[process].append(index)
            } else {
                byOCID[ocid] = processes.count
                processes.append([index])
            }
        }
        // Later releases (by date) override earlier fields.
        for (number, process) in processes.enumerated() where process.count > 1 {
            processes[number] = process.sorted { (keys[$0].date ?? "", $0) < (keys[$1].date ?? "", $1) }
        }
        let publisher = packagePublisher ?? fallbackPublisher ?? (path as NSString).lastPathComponent
        let source = CatalogFile.Source(file: path, publisher: publisher, importedAt: now, format: format, releasesRead: releases.count)
        return Reading(bytes: bytes, releases: releases, processes: processes, source: source, skipped: skipped)
    }

    /// Converts the processes in slices on every core; the slices come out in file order (the
    /// first description of a party wins, as it would one by one). Call `stop()` when done.
    public static func slices(of reading: Reading, now: Timestamp, processesPerSlice: Int = 1000,
                              keepingContracts: Bool = false) -> OrderedPipeline<Slice> {
        let size = max(1, processesPerSlice)
        let count = (reading.processes.count + size - 1) / size
        let claims = PartyClaims()
        return OrderedPipeline(count: count) { number in
            var registry: [String: Party] = [:]
            var memo = Memo()
            var contracts: [CooperativeContract] = []
            var skipped: [Skipped] = []
            var releasesRead = 0
            for process in reading.processes[number * size..<min(reading.processes.count, (number + 1) * size)] {
                releasesRead += process.count
                var nodes: [JSONNode] = []
                for index in process {
                    let location = reading.releases[index]
                    do throws(JSONFailure) {
                        nodes.append(try JSONTape(reading.bytes, range: location.range).root)
                    } catch {
                        skipped.append(Skipped(path: location.path, reason: "is not valid JSON (byte \(error.offset): \(error.message))"))
                    }
                }
                guard let first = process.first, !nodes.isEmpty else { continue }
                let release = nodes.count == 1 ? nodes[0] : compile(nodes)
                let location = reading.releases[first]
                let ocid = release["ocid"]?.string ?? location.ocid ?? ""
                contracts += self.contracts(in: release, ocid: ocid, at: location.path, publisher: reading.source.publisher,
                                            file: reading.source.file, now: now, parties: &registry, memo: &memo, skipped: &skipped)
            }
            // Each slice meets the same leads and vendors again; only the slice earliest in the file
            // sends a party on (the others' copies are dropped here, not on the writing thread).
            let parties = registry.values.filter { claims.claim($0.id, slice: number) }.sorted { $0.id < $1.id }
            return Slice(contracts: keepingContracts ? contracts : [], chunk: CatalogChunk(contracts: contracts, parties: parties),
                         skipped: skipped, releases: releasesRead)
        }
    }

    /// The releases a file holds, each with its JSON path, and the file's shape. Only the
    /// package's outline is read here; a JSON error anywhere refuses the file.
    static func locateReleases(_ bytes: JSONBytes) throws(Failure) -> ([ReleaseLocation], String, String?) {
        try refuseIfTooLarge(bytes.count)
        let buffer = bytes.buffer
        guard let outline = try? JSONScanner.outline(of: buffer, capturing: ["ocid", "date"]) else { return try jsonLines(bytes) }
        let whole = outline.range
        func objects(_ elements: [JSONScanner.Element], path: String) -> [ReleaseLocation] {
            elements.enumerated().compactMap { index, element in
                element.isObject ? ReleaseLocation(path: "\(path)[\(index)]", range: element.range, ocid: element.captured.first ?? nil,
                                                   date: element.captured.last ?? nil, captured: true) : nil
            }
        }
        if outline.isArray { return (objects(outline.elements ?? [], path: ""), "release-array", nil) }
        guard outline.isObject else { throw .notOCDS("the top level is neither an object nor an array") }
        let members = outline.members
        func member(_ key: String) -> (value: Range<Int>, elements: [JSONScanner.Element]?)? {
            members.last { $0.key == key }.map { ($0.value, $0.elements) }
        }
        let publisher = member("publisher").flatMap { try? JSONTape(bytes, range: $0.value).root["name"]?.string }
        if let releases = member("releases") {
            guard let elements = releases.elements else { throw .notOCDS("releases is not an array") }
            return (objects(elements, path: "releases"), "release-package", publisher)
        }
        if let records = member("records") {
            guard let elements = records.elements else { throw .notOCDS("records is not an array") }
            var releases: [ReleaseLocation] = []
            for (index, range) in elements.map(\.range).enumerated() {
                guard let record = try? JSONTape(bytes, range: range).root, record.isObject else { continue }
                if let compiled = record["compiledRelease"], compiled.isObject, let place = compiled.byteRange {
                    releases.append(ReleaseLocation(path: "records[\(index)].compiledRelease", range: place, ocid: record["ocid"]?.string))
                } else if let list = record["releases"]?.elements {
                    // Linked releases (only url and date) carry no data to import.
                    for (number, release) in list.enumerated() where release.isObject && release["ocid"] != nil {
                        guard let place = release.byteRange else { continue }
                        releases.append(ReleaseLocation(path: "records[\(index)].releases[\(number)]", range: place))
                    }
                }
            }
            return (releases, "record-package", publisher)
        }
        if member("ocid") != nil { return ([ReleaseLocation(path: "release", range: whole)], "release", publisher) }
        throw .notOCDS("a JSON object without releases, records or ocid")
    }

    /// JSON Lines: one release per line; any line that is not a JSON object refuses the file.
    static func jsonLines(_ bytes: JSONBytes) throws(Failure) -> ([ReleaseLocation], String, String?) {
        let buffer = bytes.buffer
        var releases: [ReleaseLocation] = []
        var lineStart = 0, number = 0
        while lineStart < buffer.count {
            var lineEnd = lineStart
            while lineEnd < buffer.count, buffer[lineEnd] != 0x0A { lineEnd += 1 }
            number += 1
            let line = lineStart..<lineEnd
            if !line.allSatisfy({ [0x20, 0x0D, 0x09].contains(buffer[$0]) }) {
                guard let value = try? JSONScanner.value(in: buffer, range: line), buffer[value.lowerBound] == UInt8(ascii: "{") else {
                    if number == 1 || releases.isEmpty, let syntax = JSONSyntax.firstError(in: bytes[0..<bytes.count]) {
                        throw .notJSON("line \(syntax.line), column \(syntax.column): \(syntax.message)")
                    }
                    throw .notJSON("line \(number) is not a JSON object")
                }
                releases.append(ReleaseLocation(path: "line \(number)", range: value))
            }
            lineStart = lineEnd + 1
        }
        guard !releases.isEmpty else { throw .notJSON("the file is empty") }
        return (releases, "json-lines", nil)
    }

    /// Merges releases of one process: fields of later releases replace earlier ones; arrays of
    /// objects with ids (parties, awards, contracts) merge by id.
    static func compile(_ releases: [JSONNode]) -> JSONNode {
        var result: [String: JSONNode] = [:]
        for release in releases {
            for (key, value) in release.members ?? [] {
                if let list = value.objectArray, let existing = result[key]?.objectArray, list.allSatisfy({ $0["id"] != nil }) {
                    var merged = existing
                    for item in list {
                        let id = identifier(item["id"])
                        if let position = merged.firstIndex(where: { identifier($0["id"]) == id }) {
                            var fields = Dictionary((merged[position].members ?? []).map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
                            for (field, newValue) in item.members ?? [] { fields[field] = newValue }
                            merged[position] = .object(fields)
                        } else {
                            merged.append(item)
                        }
                    }
                    result[key] = .array(merged)
                } else {
                    result[key] = value
                }
            }
        }
        return .object(result)
    }

    static func identifier(_ value: JSONNode?) -> String {
        value?.string ?? value?.numberText ?? ""
    }

    /// A string, or a number as written (publishers put ids either way); nil when empty.
    static func string(_ value: JSONNode?) -> String? {
        if let text = value?.string { return text.isEmpty ? nil : text }
        return value?.numberText
    }

    static func money(_ value: JSONNode?) -> Money? {
        guard let object = value, object.isObject else { return nil }
        let currency = object["currency"]?.string.flatMap { $0.count == 3 ? $0.uppercased() : nil } ?? "USD"
        if let number = object["amount"]?.numberText {
            // Whole amounts (most) without Decimal's parser.
            if let whole = Int(number), whole.magnitude < 90_000_000_000_000 { return Money(amount: whole * 100, currency: currency) }
            guard let amount = Decimal(string: number) else { return nil }
            let cents = (amount * 100 as NSDecimalNumber).rounding(accordingToBehavior: nil)
            guard cents.doubleValue.magnitude < 9e15 else { return nil }
            return Money(amount: cents.intValue, currency: currency)
        }
        if let text = object["amount"]?.string { return Money(parsing: text, defaultCurrency: currency) }
        return nil
    }

    static func date(_ value: JSONNode?) -> CalendarDate? {
        guard let text = value?.string else { return nil }
        return Timestamp(iso8601: text)?.date ?? CalendarDate(String(text.utf8.prefix(10)) ?? "")
    }

    static func period(_ value: JSONNode?) -> ContractPeriod? {
        guard let object = value, let start = date(object["startDate"]), let end = date(object["endDate"]),
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

    /// Kind from what the data says (our own exports carry it), else from whole words of the
    /// name: "National Purchasing Cooperative" is no tribal nation, "Electricity Board" no city.
    /// A public body the name does not place is taken as a special district (a council, a
    /// cooperative, an authority), the kind that implies no territory of its own.
    static func kind(details: JSONNode?, name: String, isSupplier: Bool) -> PartyKind {
        if isSupplier { return .vendor }
        if let text = details?["kind"]?.string, let kind = PartyKind(rawValue: text) { return kind }
        return kind(named: name)
    }

    static func kind(named name: String) -> PartyKind {
        let lower = name.lowercased()
        let words = Set(lower.split { !$0.isLetter }.map(String.init))
        func has(_ candidates: String...) -> Bool { candidates.contains(where: words.contains) }
        if has("university", "college", "polytechnic") { return .higherEd }
        if has("school", "schools", "unified", "isd", "usd", "academy") { return .schoolDistrict }
        if has("county", "parish") { return .county }
        if has("city", "town", "township", "village", "municipal", "municipality") { return .city }
        if has("tribe", "tribal", "nation", "pueblo", "rancheria") { return .tribal }
        if has("federal") || lower.contains("u.s.") || lower.contains("united states") { return .federal }
        if has("district", "authority", "agency", "commission", "council", "cooperative", "consortium", "board", "port", "transit") {
            return .specialDistrict
        }
        if has("state", "commonwealth", "department", "office") { return .state }
        return .specialDistrict
    }

    static func region(_ party: JSONNode?) -> RegionCode {
        let address = party?["address"]
        if let text = address?["region"]?.string, let code = RegionCode(text) { return code }
        if let text = address?["countryName"]?.string, let code = RegionCode(text) { return code }
        return .unknown
    }

    /// Eligibility from the techniques extension: our own `buyerCategories` wording is read back
    /// exactly; any other open framework is open to public bodies in the buyer's country.
    /// Any other wording is kept, as `published`, for the contract to show: the clause read
    /// from it is only Cobuy's assumption, and an officer must be able to check it.
    static func clause(_ tender: JSONNode?, buyerRegion: RegionCode, memo: inout Memo) -> (clause: CooperativeClause, published: String?) {
        let techniques = tender?["techniques"]
        let framework = techniques?["frameworkAgreement"]
        if let has = techniques?["hasFrameworkAgreement"]?.bool, !has { return (.closed, nil) }
        let wording = framework?["buyerCategories"]?.string
        if let wording, let parsed = memo.clause(wording) { return (parsed, nil) }
        let country = RegionCode(buyerRegion.country) ?? buyerRegion
        return (CooperativeClause(open: true, kinds: nil, regions: country.code == "ZZ" ? nil : [country]),
                wording.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 })
    }

    /// The most telling category: the publisher's own (additional categories), else the first
    /// item's classification (`Office furniture`), else OCDS's goods, works or services.
    static func category(contract: JSONNode, tender: JSONNode?) -> String {
        if let own = tender?["additionalProcurementCategories"]?.strings?.first, !own.isEmpty { return own }
        for items in [contract["items"], tender?["items"]] {
            if let described = items?.objects.first?["classification"]?["description"].flatMap(string) { return described }
        }
        return string(tender?["mainProcurementCategory"]) ?? ""
    }

    /// Reads `county, city in US-OR, US-WA` / `any public body in any region` back into a clause.
    static func parseSummary(_ text: String) -> CooperativeClause? {
        let parts = pieces(of: text, separatedBy: " in ")
        guard parts.count == 2 else { return nil }
        var kinds: [PartyKind]? = []
        if parts[0] == "any public body" { kinds = nil } else {
            for label in pieces(of: parts[0], separatedBy: ", ") {
                guard let kind = kindsByLabel[label] else { return nil }
                kinds?.append(kind)
            }
        }
        var regions: [RegionCode]? = []
        if parts[1] == "any region" { regions = nil } else {
            for code in pieces(of: parts[1], separatedBy: ", ") {
                guard let region = RegionCode(code) else { return nil }
                regions?.append(region)
            }
        }
        return CooperativeClause(open: true, kinds: kinds, regions: regions)
    }

    /// `text` cut at every `separator`, empty pieces kept (as `components(separatedBy:)`),
    /// on bytes: this runs for every contract, where Foundation's splitting costs tens of
    /// microseconds a call.
    static func pieces(of text: String, separatedBy separator: StaticString) -> [String] {
        let bytes = Array(text.utf8)
        let mark = UnsafeBufferPointer(start: separator.utf8Start, count: separator.utf8CodeUnitCount)
        var pieces: [String] = []
        var start = 0, index = 0
        while index + mark.count <= bytes.count {
            if bytes[index..<index + mark.count].elementsEqual(mark) {
                pieces.append(String(decoding: bytes[start..<index], as: UTF8.self))
                index += mark.count
                start = index
            } else {
                index += 1
            }
        }
        pieces.append(String(decoding: bytes[start...], as: UTF8.self))
        return pieces
    }

    static let kindsByLabel = Dictionary(PartyKind.allCases.map { ($0.label, $0) }, uniquingKeysWith: { first, _ in first })

    static func contracts(in release: JSONNode, ocid: String, at path: String, publisher: String, file: String, now: Timestamp,
                          parties registry: inout [String: Party], memo: inout Memo, skipped: inout [Skipped]) -> [CooperativeContract] {
        guard let list = release["contracts"] else { return [] }
        guard let contracts = list.elements else {
            skipped.append(Skipped(path: "\(path).contracts", reason: "is not an array"))
            return []
        }
        let partyList = release["parties"]?.objects ?? []
        func partyObject(_ id: String?) -> JSONNode? { partyList.first { string($0["id"]) == id } }
        let awards = release["awards"]?.objects ?? []
        let tender = release["tender"].flatMap { $0.isObject ? $0 : nil }
        let buyer = release["buyer"].flatMap { $0.isObject ? $0 : nil } ?? tender?["procuringEntity"].flatMap { $0.isObject ? $0 : nil }
            ?? partyList.first { ($0["roles"]?.strings ?? []).contains("buyer") }

        func register(_ reference: JSONNode?, supplier: Bool) -> (id: String, name: String)? {
            guard let reference, reference.isObject else { return nil }
            let object = partyObject(string(reference["id"])) ?? reference
            guard let name = string(object["name"]) ?? string(reference["name"]) ?? string(reference["id"]) else { return nil }
            // Keep the publisher's party id when it is already a usable slug (Cobuy's own exports).
            let id = string(reference["id"]).flatMap { memo.isValidID($0) ? $0 : nil } ?? slug(name)
            if registry[id] == nil {
                var party = Party(id: id, name: name, kind: kind(details: object["details"], name: name, isSupplier: supplier),
                                  region: region(object))
                if let point = object["contactPoint"], point.isObject, let contact = string(point["name"]) {
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
        if let related = release["relatedProcesses"]?.objectArray,
           let framework = related.first(where: { ($0["relationship"]?.strings ?? []).contains("framework") }) {
            skipped.append(Skipped(path: "\(path).relatedProcesses", reason: "a call-off under the framework \(string(framework["identifier"]) ?? "?"), not a cooperative contract"))
            return []
        }
        var result: [CooperativeContract] = []
        for (index, item) in contracts.enumerated() {
            let here = "\(path).contracts[\(index)]"
            guard item.isObject else {
                skipped.append(Skipped(path: here, reason: "is not an object"))
                continue
            }
            let contract = item
            guard let contractID = string(contract["id"]) else {
                skipped.append(Skipped(path: "\(here).id", reason: "missing"))
                continue
            }
            if let ownBuyer = contract["buyer"], ownBuyer.isObject, string(ownBuyer["id"]) != string(buyer?["id"]) {
                skipped.append(Skipped(path: here, reason: "a participating addendum of \(string(ownBuyer["name"]) ?? "another buyer"), not a cooperative contract"))
                continue
            }
            let award = awards.first { string($0["id"]) == string(contract["awardID"]) } ?? (awards.count == 1 ? awards[0] : nil)
            let supplierReference = award?["suppliers"]?.elements?.first.flatMap { $0.isObject ? $0 : nil }
                ?? partyList.first { ($0["roles"]?.strings ?? []).contains("supplier") }
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
            let eligibility = clause(tender, buyerRegion: registry[lead.id]?.region ?? region(nil), memo: &memo)
            var description = string(contract["description"]) ?? string(tender?["description"]) ?? ""
            if let published = eligibility.published {
                description += (description.isEmpty ? "" : "\n\n") + "Who may use it, as the publisher words it: \(published)"
            }
            var record = CooperativeContract(
                id: String(id), title: title, description: description, category: category(contract: contract, tender: tender),
                source: ContractSource(kind: .imported, publisher: publisher, ocid: ocid, file: file),
                leadParty: lead.id, vendor: vendor.id, cooperativeClause: eligibility.clause)
            record.leadName = lead.name
            record.vendorName = vendor.name
            record.awardedValue = money(contract["value"]) ?? money(award?["value"])
            record.period = contractPeriod
            OCDSCobuyFields.read(contract, into: &record, at: here, skipped: &skipped) { register($0, supplier: false)?.id }
            record.status = status == .active && contractPeriod == nil ? .pending : status
            record.revision = 1
            record.history = [HistoryEntry(sequence: 1, at: now, actor: "import", party: "", action: "import", from: nil,
                                           to: record.status.rawValue, details: ["ocid": ocid, "contract": contractID, "publisher": publisher])]
            result.append(record)
        }
        return result
    }
}
