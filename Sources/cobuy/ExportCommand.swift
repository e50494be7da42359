import ArgumentParser
import CobuyCore
import CobuyDocs
import CobuyResources
import CobuyStore
import Foundation

/// `cobuy export addendum|ocds`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export an addendum draft or the store as OCDS.",
        subcommands: [ExportAddendum.self, ExportOCDS.self])
}

struct ExportAddendum: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "addendum",
        abstract: "Write a participating-addendum draft for legal and the vendor.",
        discussion: """
        The wording comes from the template addendum.md.mustache: your own copy in \
        $XDG_CONFIG_HOME/cobuy/templates overrides the bundled one. Without -o the file is named \
        after the addendum and its participant in the current folder; -o may start with ~ (the \
        home folder), and --create-folders makes its missing folders; -o - writes md or txt to \
        standard output. A PDF is the Word document converted by LibreOffice headless (soffice, \
        or $COBUY_SOFFICE), stopped after $COBUY_PDF_TIMEOUT seconds (default 120).
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, docx, txt, pdf
    }

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: ArgumentHelp("The addendum.", valueName: "ID"), transform: RecordIDs.argument) var id: String
    @Option(help: "md, docx, txt or pdf.") var format: Format = .md
    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write it.", valueName: "PATH")) var output: String?
    @Flag(help: "Replace an existing file.") var force = false
    @Flag(name: .customLong("create-folders"), help: "Create the folders of -o PATH that do not exist yet.") var createFolders = false

    func run() throws {
        try reportingErrors {
            let session = try CommandSession(storeOptions)
            if output == "-", format == .docx || format == .pdf {
                throw CLIError.usage("A \(format == .pdf ? "PDF" : "Word document") cannot go to standard output; give -o PATH.")
            }
            guard case .addendum(let addendum) = try session.store.load(id) else {
                throw CLIError.usage("\(id) is not a participating addendum (PA-...).")
            }
            var exporter = try DraftExport.exporter(environment: session.environment)
            exporter.pdfConverter = LibreOfficeConverter(environment: session.environment.variables)
            let draft = AddendumDraft(addendum: addendum, lookup: StoreLookup(store: session.store), today: session.today)
            let path = output ?? draft.fileName(extension: format.rawValue)
            // Checked before the (slow) PDF conversion, and again when writing.
            if output != "-" { try DraftExport.checkTarget(path, force: force, createFolders: createFolders) }
            let data: Data
            do {
                data = try exporter.render(draft, as: AddendumExporter.Format(format))
            } catch let error as AddendumExporter.ExportError {
                throw CLIError.failed(error.description)
            }
            if output == "-" {
                StandardOutput.write(data)
                return
            }
            print(try DraftExport.write(data, to: path, force: force, createFolders: createFolders))
        }
    }
}

extension AddendumExporter.Format {
    init(_ format: ExportAddendum.Format) {
        switch format {
        case .md: self = .md
        case .docx: self = .docx
        case .txt: self = .txt
        case .pdf: self = .pdf
        }
    }
}

/// The command line's side of an export: its templates and its wording of a refused path.
enum DraftExport {
    static func exporter(environment: CobuyEnvironment) throws -> AddendumExporter {
        do {
            return try AddendumExporter(userTemplates: environment.templatesFolder, bundledTemplates: CobuyResources.templates?.path)
        } catch let error as AddendumExporter.ExportError {
            throw CLIError.failed(error.description)
        }
    }

    /// Refuses a path `ExportFile` would not write, in the command line's words.
    static func checkTarget(_ path: String, force: Bool, createFolders: Bool) throws {
        do throws(ExportFile.Refusal) {
            try ExportFile.check(path, replacing: force, creatingFolders: createFolders)
        } catch {
            throw CLIError.failed(message(error, force: force))
        }
    }

    /// Writes atomically through the one export writer; returns the path written as the
    /// officer gave it (with `~` expanded, so it can be pasted).
    static func write(_ data: Data, to path: String, force: Bool, createFolders: Bool) throws -> String {
        do {
            try ExportFile.write(data, to: path, replacing: force, creatingFolders: createFolders)
        } catch let refusal as ExportFile.Refusal {
            throw CLIError.failed(message(refusal, force: force))
        }
        return path.hasPrefix("~") ? ExportFile.absolute(path) : path
    }

    static func message(_ refusal: ExportFile.Refusal, force: Bool) -> String {
        switch refusal {
        case .exists:
            return "\(refusal) Choose another -o PATH or add --force."
        case .symbolicLink(let path):
            return force
                ? "\(refusal) Give the path it points to, or remove the link."
                : "\(path) already exists (a symbolic link); nothing was written. Choose another -o PATH."
        case let .notAFile(path, what):
            return "\(path) is \(what), not a regular file; nothing was written, with or without --force. Choose another -o PATH."
        case .noFolder:
            return "\(refusal) Add --create-folders to create it, or choose another -o PATH."
        case .unreadable, .fileInTheWay:
            return refusal.description
        }
    }
}

/// `cobuy export ocds`: the store as an OCDS 1.1.5 release package.
struct ExportOCDS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocds", abstract: "Write the store as an OCDS 1.1.5 release package.",
        discussion: """
        The ocid prefix comes from --ocid-prefix, else $COBUY_OCID_PREFIX, else the store's setting \
        (cobuy init --ocid-prefix, or cobuy config ocid-prefix PREFIX), else the placeholder \
        ocds-cobuy0 with a warning: register your own with the Open Contracting Partnership.
        """)

    @OptionGroup var storeOptions: StoreOptions
    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write it (- for standard output).", valueName: "PATH")) var output: String = "-"
    @Option(name: .customLong("ocid-prefix"), help: ArgumentHelp("The publisher's registered ocid prefix.", valueName: "PREFIX"))
    var ocidPrefix: String?
    @Option(help: ArgumentHelp("The publisher's name.", valueName: "NAME")) var publisher: String?
    @Flag(help: "Replace an existing file.") var force = false
    @Flag(name: .customLong("create-folders"), help: "Create the folders of -o PATH that do not exist yet.") var createFolders = false

    func run() throws {
        try reportingErrors {
            let session = try CommandSession(storeOptions)
            let prefix = try resolvedPrefix(session)
            if prefix == StoreSettings.placeholderOCIDPrefix {
                printError("""
                    warning: the ocids use the placeholder prefix \(prefix), which is registered to nobody. Register your own with \
                    the Open Contracting Partnership and set it once for the store: cobuy config ocid-prefix ocds-xxxxxx.
                    """)
            }
            if output != "-" { try DraftExport.checkTarget(output, force: force, createFolders: createFolders) }
            var directory = RecordDirectory()
            for record in session.loadWorkingSet() { directory.insert(record) }
            let export = OCDSExport(ocidPrefix: prefix, publisher: publisher ?? "Cobuy", now: session.now)
            let data: Data
            do throws(OCDSExport.Failure) {
                data = try export.package(directory)
            } catch {
                throw CLIError.failed(error.description)
            }
            if output == "-" {
                StandardOutput.write(data)
            } else {
                print(try DraftExport.write(data, to: output, force: force, createFolders: createFolders))
            }
        }
    }

    /// The flag, the environment, the store's setting, or the placeholder, in that order.
    func resolvedPrefix(_ session: CommandSession) throws -> String {
        if let given = ocidPrefix ?? session.environment.variables["COBUY_OCID_PREFIX"].flatMap({ $0.isEmpty ? nil : $0 }) {
            guard StoreSettings.isValidOCIDPrefix(given) else {
                throw CLIError.usage("--ocid-prefix (or COBUY_OCID_PREFIX) \"\(Printable.line(given))\" is not usable: \(StoreSettings.ocidPrefixRule).")
            }
            return given
        }
        return try session.store.settings().ocidPrefix ?? StoreSettings.placeholderOCIDPrefix
    }
}
