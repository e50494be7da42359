import ArgumentParser
import CSV
import CobuyCore
import CobuyStore
import Foundation

/// `cobuy list KIND`: records of one kind as a table, JSON or CSV.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List records of one kind.")

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case solicitations, contracts, addenda, parties
        /// Records a sync left in conflict: each needs a decision (the resolve action).
        case conflicts
        /// What waits for the acting party (`--for`): steps to take and deadlines within 30 days.
        case work
        var recordKind: RecordKind { RecordKind(folder: rawValue) ?? .party }
    }

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "solicitations, contracts, addenda, parties, conflicts (records that need a decision after a sync), or work (what waits for --for PARTY).") var kind: Kind
    @Option(help: ArgumentHelp("Only records in this state (contracts also take expired).", valueName: "S")) var status: String?
    @Option(help: ArgumentHelp("Only records whose fields contain every word (case and accents ignored). For contracts, "
                               + "words of three letters or more match word beginnings, shorter ones whole words.", valueName: "Q"))
    var query: String?
    @Option(help: ArgumentHelp("At most this many.", valueName: "N")) var limit: Int?
    @Option(help: "table, json or csv.") var format: OutputFormat = .table
    @OptionGroup(title: "Contracts") var catalog: CatalogOptions
    @OptionGroup(title: "Work (list work)") var officerOptions: OfficerOptions

    func validate() throws {
        if let limit, let message = limitProblem(limit, Limits.count, flag: "--limit") { throw ValidationError(message) }
        if status != nil, Self.statuses(of: kind) == nil {
            // Listing nothing would read as "none in that state", which is not true either.
            throw ValidationError("--status: \(kind.rawValue) have no states; --status applies to solicitations, contracts and addenda.")
        }
        if let status, let valid = Self.statuses(of: kind), !valid.contains(status.lowercased()) {
            // A typo would otherwise list nothing and look like an empty store.
            throw ValidationError("--status \(status) is not a state of \(kind.rawValue); use one of: \(valid.joined(separator: ", ")).")
        }
        if kind != .work, officerOptions.actor != nil || officerOptions.party != nil {
            throw ValidationError("--as and --for apply to list work only.")
        }
        if kind != .contracts, catalog.isUsed {
            throw ValidationError("--offset, --sort, --expiring, --region, --eligible-kind, --category, --lead and --joinable-by apply to contracts only.")
        }
    }

    /// The states `--status` takes for a kind (nil: the kind has none).
    static func statuses(of kind: Kind) -> [String]? {
        switch kind {
        case .solicitations: return JointSolicitation.Status.allCases.map(\.rawValue)
        case .contracts: return CooperativeContract.Status.allCases.map(\.rawValue) + ["expired"]
        case .addenda: return ParticipatingAddendum.Status.allCases.map(\.rawValue)
        case .parties, .conflicts, .work: return nil
        }
    }

    func run() throws {
        try reportingErrors {
            let session = try CommandSession(storeOptions)
            if kind == .conflicts {
                try listConflicts(session)
                return
            }
            if kind == .work {
                try listWork(session)
                return
            }
            if kind == .contracts {
                try listContracts(session)
                return
            }
            let lookup = StoreLookup(store: session.store)
            var rows = session.loadAll(kind.recordKind).map { RecordSummary($0, today: session.today, lookup: lookup) }
            if let status { rows = rows.filter { $0.status == status.lowercased() } }
            if let query, !query.trimmingSpaces.isEmpty { rows = rows.filter { $0.matches(query) } }
            if let limit { rows = Array(rows.prefix(limit)) }
            switch format {
            case .json: try printJSON(rows.map(jsonObject))
            case .csv: try printCSV(rows)
            case .table: printTable(rows)
            }
        }
    }

    /// Contracts come from the catalog index: one search, whatever the size of the catalogs.
    func listContracts(_ session: CommandSession) throws {
        guard let index = session.refreshedIndex() else {
            throw StoreError.io(path: session.store.root, message: "the catalog index cannot be opened")
        }
        session.reportUnreadableFolders()
        for problem in index.problems() { session.reportSkipped(problem) }
        var query = try catalog.query(session)
        query.text = self.query ?? ""
        query.status = status?.lowercased()
        let page = try index.search(query, today: session.today, offset: catalog.offset ?? 0, limit: limit)
        let lookup = StoreLookup(store: session.store, index: index)
        let rows = page.contracts.map { RecordSummary(.contract($0), today: session.today, lookup: lookup) }
        switch format {
        case .json: try printJSON(rows.map(jsonObject))
        case .csv: try printCSV(rows)
        case .table:
            printTable(rows)
            if page.total > rows.count, !rows.isEmpty {
                print("\(page.offset + 1)–\(page.offset + rows.count) of \(page.total) contracts.")
            }
        }
    }

    func jsonObject(_ row: RecordSummary) -> [String: Any] {
        var object: [String: Any] = [:]
        for column in row.columns { object[column.name] = column.value }
        object["id"] = row.id
        if kind != .parties {
            object["status"] = row.status
            object["title"] = row.title
        }
        return object
    }

    func printCSV(_ rows: [RecordSummary]) throws {
        try printCSV(header: rows.first?.columns.map(\.name) ?? defaultColumns, rows: rows.map { $0.columns.map(\.value) })
    }

    /// One CSV writer for every list (records, conflicts, work): quoted by the library, each
    /// cell made safe for a spreadsheet.
    func printCSV(header: [String], rows: [[String]]) throws {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: header.map(Printable.spreadsheetCell))
        for row in rows { try writer.write(row: row.map(Printable.spreadsheetCell)) }
        writer.stream.close()
        if let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data {
            StandardOutput.write(data)
            StandardOutput.write(Data("\n".utf8))
        }
    }

    var defaultColumns: [String] {
        switch kind {
        case .parties: return ["id", "name", "kind", "region", "population"]
        case .solicitations: return ["id", "status", "title", "lead", "category", "partners", "closing"]
        case .contracts: return ["id", "status", "title", "lead", "vendor", "category", "end", "eligible"]
        case .addenda: return ["id", "status", "title", "contract", "party", "spend", "end"]
        case .conflicts: return ["id", "kind", "field", "versions", "provisional"]
        case .work: return ["id", "action", "title", "detail", "days"]
        }
    }

    func printTable(_ rows: [RecordSummary]) {
        guard !rows.isEmpty else {
            // Over a folder that could not be read, "none match" would be a false all-clear.
            if !StandardOutput.missedUnreadable { print("No \(kind.rawValue) match.") }
            return
        }
        let names = rows[0].columns.map(\.name)
        let caps = names.map { $0 == "title" || $0 == "name" || $0 == "eligible" ? 44 : 28 }
        let widths = names.indices.map { column in
            min(caps[column], max(Printable.width(names[column]), rows.map { Printable.width(Printable.line($0.columns[column].value)) }.max() ?? 0))
        }
        func render(_ cells: [String]) -> String {
            zip(cells, widths).map { Printable.fit($0, $1) }.joined(separator: "  ").trimmingSpaces
        }
        print(render(names.map { $0.uppercased() }))
        for row in rows { print(render(row.columns.map(\.value))) }
    }
}
