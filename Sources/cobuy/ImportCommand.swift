import ArgumentParser
import CobuyCore
import CobuyDocs
import CobuyJSON
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
                    var clock = PhaseTimer()
                    // Refused before reading: a runaway file would otherwise be read into memory
                    // whole, and a FIFO or a device (/dev/zero) has no size to check.
                    do throws(StoreError) { try DurableFile.checkReadable(path, limit: Int.max) } catch {
                        throw OCDSImport.Failure.unreadable(Importing.reason(error, path: path))
                    }
                    if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int {
                        try OCDSImport.refuseIfTooLarge(size)
                    }
                    let bytes: JSONBytes
                    do throws(JSONFailure) { bytes = try JSONBytes(contentsOf: path) } catch { throw CLIError.failed("\(path): \(error.message)") }
                    clock.lap("read")
                    let reading = try OCDSImport.read(file: path, bytes: bytes, publisher: publisher, now: session.now)
                    clock.lap("find releases")
                    let large = reading.releaseCount > CatalogIndex.bulkSize
                    let interactive = isatty(STDERR_FILENO) == 1 && large
                    // Releases are converted on every core while the catalog file and its index
                    // take the slices already done.
                    let slices = OCDSImport.slices(of: reading, now: session.now)
                    defer { slices.stop() }
                    var skipped = reading.skipped
                    var releasesDone = 0
                    let written = try session.store.writeCatalog(source: reading.source, large: large) {
                        guard let slice = slices.next() else {
                            if interactive { Importing.progress("") }
                            return nil
                        }
                        skipped += slice.skipped
                        releasesDone += slice.releases
                        if interactive { Importing.progress("\(file): \(releasesDone) of \(reading.releaseCount) releases imported") }
                        return slice.chunk
                    } validate: { count in
                        // All or nothing: a file with nothing to import leaves the catalog as it was.
                        if count == 0 { throw reading.releaseCount == 0 ? OCDSImport.Failure.notOCDS("no releases found") : .nothingToImport }
                    }
                    clock.lap("convert, write and index")
                    Importing.report(file, count: written, publisher: reading.source.publisher, skipped: skipped.map(\.description))
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
                let imported = try CSVImport.read(file: path, data: try Importing.read(path, limit: CSVImport.maximumFileSize),
                                                  publisher: publisher, now: session.now)
                try session.store.writeCatalog(imported.catalog)
                Importing.report(file, count: imported.catalog.contracts.count, publisher: imported.catalog.source.publisher,
                                 skipped: imported.skipped.map(\.description))
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

    /// Reads a whole file to import: only a regular file, refused before reading when larger
    /// than `limit`.
    static func read(_ path: String, limit: Int) throws -> Data {
        do throws(StoreError) {
            return try DurableFile.read(path, limit: limit)
        } catch {
            throw CLIError.failed("\(path): \(reason(error, path: path)); nothing was imported from it.")
        }
    }

    /// What is wrong with the file, without repeating its path.
    static func reason(_ error: StoreError, path: String) -> String {
        if case let .io(errorPath, message) = error, errorPath == path { return message }
        return error.description
    }

    /// One line on a terminal's standard error, rewritten in place; "" clears it.
    static func progress(_ text: String) {
        StandardOutput.writeError("\r\(Printable.line(text))\u{1B}[K")
    }

    static func report(_ file: String, count: Int, publisher: String, skipped: [String]) {
        print(Printable.line("\(file): \(count) contract(s) from \(publisher) imported into the catalog"
                             + (skipped.isEmpty ? "" : "; \(skipped.count) skipped:")))
        for line in skipped.prefix(50) { print(Printable.line("  skipped \(line)")) }
        if skipped.count > 50 { print("  ... and \(skipped.count - 50) more") }
    }
}
