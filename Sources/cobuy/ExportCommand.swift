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
        after the addendum and its participant in the current folder; -o - writes md or txt to \
        standard output.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, docx, txt
    }

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: ArgumentHelp("The addendum.", valueName: "ID")) var id: String
    @Option(help: "md, docx or txt.") var format: Format = .md
    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write it.", valueName: "PATH")) var output: String?
    @Flag(help: "Replace an existing file.") var force = false

    func run() throws {
        try reportingErrors {
            let session = try CommandSession(storeOptions)
            guard case .addendum(let addendum) = try session.store.load(id) else {
                throw CLIError.usage("\(id) is not a participating addendum (PA-...).")
            }
            let exporter = try DraftExport.exporter(environment: session.environment)
            let draft = AddendumDraft(addendum: addendum, lookup: StoreLookup(store: session.store), today: session.today)
            let data = try exporter.render(draft, as: AddendumExporter.Format(rawValue: format.rawValue) ?? .md)
            if output == "-" {
                guard format != .docx else { throw CLIError.usage("A Word document cannot go to standard output; give -o PATH.") }
                StandardOutput.write(data)
                return
            }
            let path = output ?? draft.fileName(extension: format.rawValue)
            try DraftExport.write(data, to: path, force: force)
            print(path)
        }
    }
}

/// Shared by the command line and the UI's export.
enum DraftExport {
    static func exporter(environment: CobuyEnvironment) throws -> AddendumExporter {
        do {
            return try AddendumExporter(userTemplates: environment.templatesFolder, bundledTemplates: CobuyResources.templates?.path)
        } catch let error as AddendumExporter.ExportError {
            throw CLIError.failed(error.description)
        }
    }

    /// Writes atomically; an existing file is kept unless `force`.
    static func write(_ data: Data, to path: String, force: Bool) throws {
        if FileManager.default.fileExists(atPath: path), !force {
            throw CLIError.failed("\(path) already exists; nothing was written. Choose another -o PATH or add --force.")
        }
        var isFolder: ObjCBool = false
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !(FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue) {
            throw CLIError.failed("The folder \(folder) does not exist; nothing was written.")
        }
        try DurableFile.write(data, to: path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path)
    }
}

/// `cobuy export ocds`: the store as an OCDS 1.1.5 release package.
struct ExportOCDS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocds", abstract: "Write the store as an OCDS 1.1.5 release package.",
        discussion: "The ocid prefix comes from --ocid-prefix, else $COBUY_OCID_PREFIX, else ocds-cobuy0 (register your own with OCDS).")

    @OptionGroup var storeOptions: StoreOptions
    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write it (- for standard output).", valueName: "PATH")) var output: String = "-"
    @Option(name: .customLong("ocid-prefix"), help: ArgumentHelp("The publisher's registered ocid prefix.", valueName: "PREFIX"))
    var ocidPrefix: String?
    @Option(help: ArgumentHelp("The publisher's name.", valueName: "NAME")) var publisher: String?
    @Flag(help: "Replace an existing file.") var force = false

    func run() throws {
        try reportingErrors {
            let session = try CommandSession(storeOptions)
            var directory = RecordDirectory()
            for record in session.loadWorkingSet() { directory.insert(record) }
            let prefix = ocidPrefix ?? session.environment.variables["COBUY_OCID_PREFIX"] ?? "ocds-cobuy0"
            guard prefix.hasPrefix("ocds-"), prefix.count == 11 else {
                throw CLIError.usage("--ocid-prefix must be ocds- followed by 6 characters, such as ocds-abc123; got \"\(prefix)\".")
            }
            let export = OCDSExport(ocidPrefix: prefix, publisher: publisher ?? "Cobuy", now: session.now)
            let data = try export.package(directory)
            if output == "-" {
                StandardOutput.write(data)
            } else {
                try DraftExport.write(data, to: output, force: force)
                print(output)
            }
        }
    }
}
