import CSV
import CobuyCore
import CobuyStore
import Foundation

/// Contract lists that cooperatives publish as spreadsheets, read into a catalog.
///
/// Columns (header names are matched without regard to case, spaces or underscores):
/// required `title`, `lead`, `vendor`, `start`, `end` (dates as YYYY-MM-DD); optional
/// `contract number`, `category`, `description`, `value`, `currency`, `status` (active, pending,
/// terminated, cancelled; default active), `eligible kinds` and `eligible regions` (comma- or
/// semicolon-separated, or `all`; a row that fills neither states nothing about cooperative
/// use, so its contract is not joinable unless the officer states a rule for the catalog),
/// `lead region` and `vendor region` (ISO 3166 such as US-OR), `lead kind`.
public enum CSVImport {
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    public struct Imported: Sendable {
        public var catalog: CatalogFile
        /// Rows that were skipped, each with its line number.
        public var skipped: [Problem]
        /// The line of each contract, in the catalog's order.
        public var lines: [Int]
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case unreadable(String)
        case header(String)
        case noRows([Problem])

        public var description: String {
            switch self {
            case .unreadable(let message): return "cannot be read as CSV: \(message)"
            case .header(let message): return "has a header problem: \(message)"
            case .noRows(let problems):
                return "holds no importable row" + (problems.isEmpty ? "" : " (\(problems.prefix(3).map(\.description).joined(separator: "; ")))")
            }
        }
    }

    static let required = ["title", "lead", "vendor", "start", "end"]
    static let known = required + ["contractnumber", "category", "description", "value", "currency", "status", "eligiblekinds",
                                   "eligibleregions", "leadregion", "vendorregion", "leadkind"]

    static func normalize(_ header: String) -> String {
        header.lowercased().filter { $0.isLetter || $0.isNumber }
    }

    /// The largest CSV file imported: a list of 100,000 contracts is about 50 MB; the reader
    /// holds the text several times over, so a runaway file is refused before it is read.
    public static let maximumFileSize = 256 << 20

    public static func read(file path: String, data: Data, publisher: String?, now: Timestamp,
                            rule: CatalogFile.StatedRule? = nil) throws(Failure) -> Imported {
        guard data.count <= maximumFileSize else { throw .unreadable("larger than the limit of \(maximumFileSize >> 20) MB for a CSV file") }
        guard let text = String(data: data, encoding: .utf8) else { throw .unreadable("not UTF-8 text") }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            throw .unreadable("\(error)")
        }
        let headers = (reader.headerRow ?? []).map(normalize)
        let missing = required.filter { !headers.contains($0) }
        guard missing.isEmpty else {
            throw .header("line 1 lacks the \(missing.count == 1 ? "column" : "columns") \(missing.joined(separator: ", ")); found \((reader.headerRow ?? []).joined(separator: ", "))")
        }
        if let unknown = headers.first(where: { !known.contains($0) && !$0.isEmpty }) {
            throw .header("line 1 has a column \"\(unknown)\" that Cobuy does not know; see the column list in cobuy import csv --help")
        }
        let source = publisher ?? (path as NSString).lastPathComponent
        var contracts: [CooperativeContract] = []
        var parties: [String: Party] = [:]
        var problems: [Problem] = []
        var lines: [Int] = []
        let fileName = (path as NSString).lastPathComponent
        var line = 1
        var seen = Set<String>()
        while let row = reader.next() {
            line += 1
            if row.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
            var values: [String: String] = [:]
            for (index, header) in headers.enumerated() where index < row.count { values[header] = row[index].trimmingSpaces }
            if row.count != headers.count {
                problems.append(Problem(line: line, message: "has \(row.count.counted("field")), the header has \(headers.count)"))
                continue
            }
            switch contract(from: values, line: line, source: source, file: fileName, now: now, rule: rule, parties: &parties) {
            case .failure(let problem): problems.append(problem)
            case .success(let contract):
                guard seen.insert(contract.id).inserted else {
                    problems.append(Problem(line: line, message: "repeats contract \(values["contractnumber"] ?? contract.title)"))
                    continue
                }
                contracts.append(contract)
                lines.append(line)
            }
        }
        guard !contracts.isEmpty else { throw .noRows(problems) }
        var catalogSource = CatalogFile.Source(file: fileName, publisher: source, importedAt: now, format: "csv", releasesRead: line - 1)
        catalogSource.rule = rule
        return Imported(catalog: CatalogFile(source: catalogSource, contracts: contracts, parties: parties.values.sorted { $0.id < $1.id }),
                        skipped: problems, lines: lines)
    }

    static func contract(from values: [String: String], line: Int, source: String, file: String, now: Timestamp,
                         rule: CatalogFile.StatedRule? = nil, parties: inout [String: Party]) -> Result<CooperativeContract, Problem> {
        func fail(_ message: String) -> Result<CooperativeContract, Problem> { .failure(Problem(line: line, message: message)) }
        for column in required where (values[column] ?? "").isEmpty { return fail("\(column) is empty") }
        guard let start = CalendarDate(values["start"] ?? "") else { return fail("start \"\(values["start"] ?? "")\" is not a date as YYYY-MM-DD") }
        guard let end = CalendarDate(values["end"] ?? "") else { return fail("end \"\(values["end"] ?? "")\" is not a date as YYYY-MM-DD") }
        guard end > start else { return fail("end \(end) is not after start \(start)") }
        let leadRegion = RegionCode(values["leadregion"] ?? "") ?? .unitedStates
        if let text = values["leadregion"], !text.isEmpty, RegionCode(text) == nil { return fail("lead region \"\(text)\" is not a code such as US-OR") }
        // Who may use it only from the columns: one filled and the other empty means "all" for
        // the empty one (the publisher stated a limit on one side only); both empty states nothing.
        let kindsText = values["eligiblekinds"] ?? "", regionsText = values["eligibleregions"] ?? ""
        var clause: CooperativeClause
        if kindsText.isEmpty, regionsText.isEmpty {
            clause = rule?.clause ?? .notStated()
        } else {
            func list(_ text: String) -> [String] { text.isEmpty ? ["all"] : text.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingSpaces } }
            switch SolicitationMachine.parseClause(kinds: list(kindsText), regions: list(regionsText)) {
            case .success(let value): clause = value.stated(by: "the publisher (eligible kinds and regions columns)")
            case .failure(let refusal): return fail(refusal.reason)
            }
        }
        var value: Money?
        if let text = values["value"], !text.isEmpty {
            switch Money.parse(text, defaultCurrency: (values["currency"] ?? "").isEmpty ? "USD" : (values["currency"] ?? "USD").uppercased()) {
            case .success(let money): value = money
            case .failure(let problem): return fail("value \"\(text)\" is not an amount: \(problem)")
            }
        }
        let status: CooperativeContract.Status
        switch (values["status"] ?? "").lowercased() {
        case "", "active": status = .active
        case "pending": status = .pending
        case "terminated": status = .terminated
        case "cancelled", "canceled": status = .cancelled
        case let other: return fail("status \"\(other)\" is not active, pending, terminated or cancelled")
        }
        func register(_ name: String, kind: PartyKind, region: RegionCode) -> String {
            let id = OCDSImport.slug(name)
            if parties[id] == nil {
                var party = Party(id: id, name: name, kind: kind, region: region)
                party.revision = 1
                party.history = [HistoryEntry(sequence: 1, at: now, actor: "import", party: "", action: "import", from: nil, to: "recorded",
                                              details: ["source": source])]
                parties[id] = party
            }
            return id
        }
        let leadName = values["lead"] ?? ""
        let leadKind = PartyKind(typed: values["leadkind"] ?? "").flatMap { $0.isPublicBody ? $0 : nil }
            ?? OCDSImport.kind(details: nil, name: leadName, isSupplier: false)
        let lead = register(leadName, kind: leadKind, region: leadRegion)
        let vendorName = values["vendor"] ?? ""
        let vendor = register(vendorName, kind: .vendor, region: RegionCode(values["vendorregion"] ?? "") ?? .unknown)
        let number = values["contractnumber"].flatMap { $0.isEmpty ? nil : $0 } ?? "\(leadName)-\(values["title"] ?? "")"
        var contract = CooperativeContract(
            id: "CON-" + String(FileNames.safe("\(source)-\(number)").prefix(110)), title: values["title"] ?? "",
            description: values["description"] ?? "", category: values["category"] ?? "",
            source: ContractSource(kind: .imported, publisher: source, ocid: nil, file: file),
            leadParty: lead, vendor: vendor, cooperativeClause: clause)
        contract.leadName = leadName
        contract.vendorName = vendorName
        contract.awardedValue = value
        contract.period = ContractPeriod(start: start, end: end)
        contract.status = status
        contract.revision = 1
        contract.history = [HistoryEntry(sequence: 1, at: now, actor: "import", party: "", action: "import", from: nil, to: status.rawValue,
                                         details: ["source": source, "line": String(line)])]
        return .success(contract)
    }
}
