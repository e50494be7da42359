import ArgumentParser
import CobuyCore
import CobuyDocs
import CobuyJSON
import CobuyProcess
import CobuyStore
import Foundation

/// `cobuy import ocds|csv`: bring other cooperatives' contracts into the catalog.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import cooperative contracts (OCDS or CSV) into the catalog.",
        subcommands: [ImportOCDS.self, ImportCSV.self])
}

struct ImportOCDS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocds",
        abstract: "Import OCDS release packages, record packages, releases, or JSON Lines of releases or packages.",
        discussion: """
        Each file is all or nothing: it becomes one catalog in STORE/catalog, and importing a file of \
        the same name again replaces it. Every contract and every award published without a \
        contract is imported once; every release or contract not imported is listed with its JSON \
        path and reason; a file that is not OCDS is refused and nothing is written. Who may use a \
        contract comes only from what its publisher states (the techniques extension's framework \
        agreement in Cobuy's wording): where the publisher says nothing, the contract is not \
        joinable, unless --open-to and --regions state a rule for the whole catalog (kept with \
        who stated it and when; the publisher's own statements still win).
        """)

    @Argument(help: ArgumentHelp("The files.", valueName: "FILE"), completion: .file()) var files: [String]
    @OptionGroup var importing: CatalogImportOptions

    func run() throws {
        try reportingErrors {
            let (session, options) = try importing.session()
            var failures = 0
            for file in files {
                let interactive = isatty(STDERR_FILENO) == 1
                do {
                    let report = try CatalogImport.ocds(Importing.absolute(file), into: session.store, options: options) { done, total in
                        guard interactive, total > CatalogIndex.bulkSize else { return }
                        Importing.progress(done < total ? "\(file): \(done) of \(total.counted("release")) imported" : "")
                    }
                    Importing.report(file, report)
                } catch let failure as OCDSImport.Failure {
                    failures += 1
                    printError("\(file) \(failure.description); nothing was imported from it.")
                    if case .nothingToImport(let skipped) = failure { Importing.list(skipped, to: printError) }
                } catch {
                    failures += 1
                    printError("\(file): \(error); nothing was imported from it.")
                }
            }
            if failures > 0 { throw ExitCode(1) }
        }
    }
}

/// What both imports take: the store, the officer, the publisher's name, and `--open-to KINDS
/// --regions REGIONS` — who may use a catalog's contracts whose publisher states nothing, as the
/// officer states it (a cooperative's charter, say).
struct CatalogImportOptions: ParsableArguments {
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var officerOptions: OfficerOptions
    @Option(help: ArgumentHelp("The publisher's name, when the file does not say.", valueName: "NAME")) var publisher: String?
    @Option(help: ArgumentHelp("Kinds of public body that may use the contracts whose publisher states nothing (city,county,... or all); needs --regions and --as/--for.",
                               valueName: "KINDS"))
    var openTo: String?
    @Option(help: ArgumentHelp("Regions those bodies may be in (US, US-OR,... or all), with --open-to.", valueName: "REGIONS"))
    var regions: String?

    func validate() throws {
        if (openTo == nil) != (regions == nil) { throw ValidationError("--open-to and --regions go together: give both or neither.") }
        if let openTo, let regions, case .failure(let refusal) = SolicitationMachine.parseClause(kinds: Self.list(openTo), regions: Self.list(regions)) {
            throw ValidationError("\(refusal.reason) \(refusal.remedy)".trimmingCharacters(in: .whitespaces))
        }
    }

    static func list(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The store's session and the import's options, with the officer's rule when one is given.
    func session() throws -> (CommandSession, CatalogImport.Options) {
        let session = try CommandSession(storeOptions)
        return (session, CatalogImport.Options(publisher: publisher, rule: try rule(session), now: session.now))
    }

    /// The rule with who states it and when; nil when none is given.
    func rule(_ session: CommandSession) throws -> CatalogFile.StatedRule? {
        guard let openTo, let regions, case .success(let clause) = SolicitationMachine.parseClause(kinds: Self.list(openTo), regions: Self.list(regions)) else {
            return nil
        }
        let officer = try officerOptions.officer(session.environment)
        return CatalogFile.StatedRule(kinds: clause.kinds, regions: clause.regions, officer: officer.name, party: officer.party, at: session.now)
    }
}

struct ImportCSV: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "Import a cooperative's contract list from a CSV spreadsheet.",
        discussion: """
        Columns (case, spaces and underscores ignored): required title, lead, vendor, start, end \
        (YYYY-MM-DD); optional contract number, category, description, value, currency, status \
        (active, pending, terminated, cancelled), eligible kinds and eligible regions (comma- or \
        semicolon-separated, or all; a row with neither states nothing about cooperative use, so \
        its contract is not joinable unless --open-to and --regions state a rule), lead region, \
        vendor region (such as US-OR), lead kind. Rows with errors are skipped and listed with their \
        line numbers; a header error refuses the file.
        """)

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "FILE"), completion: .file()) var file: String
    @OptionGroup var importing: CatalogImportOptions

    func run() throws {
        try reportingErrors {
            let (session, options) = try importing.session()
            do {
                let report = try CatalogImport.csv(Importing.absolute(file), into: session.store, options: options)
                Importing.report(file, report)
            } catch let failure as CSVImport.Failure {
                throw CLIError.failed("\(file) \(failure.description); nothing was imported from it.")
            }
        }
    }
}

enum Importing {
    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// One line on a terminal's standard error, rewritten in place; "" clears it.
    static func progress(_ text: String) {
        StandardOutput.writeError("\r\(Printable.line(text))\u{1B}[K")
    }

    /// `FILE: 12 releases read, 9 contracts imported, 2 merged, 1 skipped (from PUBLISHER)`,
    /// then every skip with its JSON path and reason.
    static func report(_ file: String, _ report: CatalogImport.Report) {
        print(Printable.line("\(file): \(report.summary) (from \(report.publisher))" + (report.skipped.isEmpty ? "" : ":")))
        list(report.skipped) { print($0) }
        if report.removedTemporaries > 0 {
            print("  removed \(report.removedTemporaries.counted("temporary file")) left in catalog/ by interrupted imports")
        }
    }

    static func list(_ skipped: [OCDSImport.Skipped], to write: (String) -> Void) {
        // Every one: a skip not named is a contract lost without a word.
        for item in skipped { write(Printable.line("  skipped \(item.description)")) }
    }
}
