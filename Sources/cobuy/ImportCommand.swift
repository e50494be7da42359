import ArgumentParser
import CobuyCore
import CobuyDocs
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
        abstract: "Import OCDS release packages, record packages, releases or JSON Lines of releases.",
        discussion: """
        Each file is all or nothing: it becomes one catalog in STORE/catalog, and importing the same \
        file again replaces it. Releases and contracts that OCDS does not allow are skipped and \
        listed with their JSON path; a file that is not OCDS is refused and nothing is written.
        """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: ArgumentHelp("The files.", valueName: "FILE"), completion: .file()) var files: [String]
    @Option(help: ArgumentHelp("The publisher's name, when the file does not say.", valueName: "NAME")) var publisher: String?

    func run() throws {
        try reportingErrors {
            let session = try CommandSession(storeOptions)
            var failures = 0
            for file in files {
                let path = Importing.absolute(file)
                do {
                    var clock = PhaseClock(enabled: session.environment.variables["COBUY_IMPORT_TIMINGS"] == "1")
                    let data = try Importing.read(path)
                    clock.lap("read")
                    let interactive = isatty(STDERR_FILENO) == 1
                    let imported = try OCDSImport.read(file: path, data: data, publisher: publisher, now: session.now) { done, total in
                        if interactive, total > 5000 { Importing.progress("\(file): read \(done) of \(total) releases") }
                    }
                    clock.lap("parse and convert")
                    if interactive, imported.catalog.contracts.count > 5000 {
                        Importing.progress("\(file): writing and indexing \(imported.catalog.contracts.count) contracts")
                    }
                    try session.store.writeCatalog(imported.catalog)
                    clock.lap("write and index")
                    Importing.report(file, imported.catalog, skipped: imported.skipped.map(\.description))
                } catch let failure as OCDSImport.Failure {
                    failures += 1
                    printError("\(file) \(failure.description); nothing was imported from it.")
                } catch {
                    failures += 1
                    printError("\(file): \(error); nothing was imported from it.")
                }
            }
            if failures > 0 { throw ExitCode(1) }
        }
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
        semicolon-separated, or all; default: every public body in the lead's country), lead region, \
        vendor region (such as US-OR), lead kind. Rows with errors are skipped and listed with their \
        line numbers; a header error refuses the file.
        """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: ArgumentHelp("The CSV file.", valueName: "FILE"), completion: .file()) var file: String
    @Option(help: ArgumentHelp("The cooperative that publishes it.", valueName: "NAME")) var publisher: String?

    func run() throws {
        try reportingErrors {
            let session = try CommandSession(storeOptions)
            let path = Importing.absolute(file)
            do {
                let imported = try CSVImport.read(file: path, data: try Importing.read(path), publisher: publisher, now: session.now)
                try session.store.writeCatalog(imported.catalog)
                Importing.report(file, imported.catalog, skipped: imported.skipped.map(\.description))
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

    static func read(_ path: String) throws -> Data {
        do {
            return try DurableFile.read(path)
        } catch {
            throw CLIError.failed("\(path): \(error)")
        }
    }

    static func progress(_ text: String) {
        FileHandle.standardError.write(Data("\r\(text)\u{1B}[K".utf8))
    }

    static func report(_ file: String, _ catalog: CatalogFile, skipped: [String]) {
        print(Printable.line("\(file): \(catalog.contracts.count) contract(s) from \(catalog.source.publisher) imported into the catalog"
                             + (skipped.isEmpty ? "" : "; \(skipped.count) skipped:")))
        for line in skipped.prefix(50) { print(Printable.line("  skipped \(line)")) }
        if skipped.count > 50 { print("  ... and \(skipped.count - 50) more") }
    }
}

/// `COBUY_IMPORT_TIMINGS=1`: how long each phase of an import took, on stderr (for the
/// catalog benchmark).
struct PhaseClock {
    let enabled: Bool
    var last = DispatchTime.now().uptimeNanoseconds

    mutating func lap(_ phase: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        printError("timing \(phase): \(String(format: "%.3f", Double(now - last) / 1e9)) s")
        last = now
    }
}
