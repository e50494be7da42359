import ArgumentParser
import CobuyCore
import CobuyStore
import CobuySync
import Foundation

/// `cobuy share init|clone|register`: a store shared by a consortium through git.
struct ShareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "share",
        abstract: "Share a store with other members through git.",
        discussion: """
        Every member works in a clone of one git repository (a bare repository on a shared drive, \
        ssh, a forge). Records are merged event by event by Cobuy's merge driver; cobuy sync \
        commits, fetches, merges and pushes.
        """,
        subcommands: [ShareInitCommand.self, ShareCloneCommand.self, ShareRegisterCommand.self]
    )
}

/// The cobuy binary's own path, for the merge driver git will run.
func cobuyExecutablePath() -> String {
    if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
    let first = CommandLine.arguments.first ?? "cobuy"
    if first.hasPrefix("/") { return first }
    if first.contains("/") { return FileManager.default.currentDirectoryPath + "/" + first }
    return first
}

struct ShareInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make this store a git repository, register the merge driver and push it to REMOTE.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var officerOptions: OfficerOptions
    @Option(help: ArgumentHelp("Where members fetch and push: an empty bare repository's path or URL.", valueName: "URL"))
    var remote: String
    @Option(help: ArgumentHelp("Your member code, 2-6 capitals, numbering the records you create (default from your party).", valueName: "CODE"))
    var member: String?

    func run() throws {
        try reportingErrors {
            let session = try CommandSession(storeOptions)
            let officer = try officerOptions.officer(session.environment)
            let shared = SharedStore(store: session.store)
            do {
                let joined = try shared.initialize(remote: remote, party: officer.party, code: member, executable: cobuyExecutablePath())
                print("Shared \(session.store.root) with \(remote) as member \(joined.code) for \(joined.party).")
            } catch {
                throw CLIError.failed("\(error)")
            }
        }
    }
}

struct ShareCloneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clone",
        abstract: "Make your own copy of a shared store, with the merge driver registered.")

    @Argument(help: ArgumentHelp("The shared repository.", valueName: "URL")) var url: String
    @Option(help: ArgumentHelp("Where your copy goes (must not exist yet).", valueName: "DIR"), completion: .directory)
    var store: String
    @OptionGroup var officerOptions: OfficerOptions
    @Option(help: ArgumentHelp("Your member code, 2-6 capitals, numbering the records you create (default from your party).", valueName: "CODE"))
    var member: String?

    func run() throws {
        try reportingErrors {
            let environment = CobuyEnvironment()
            let officer = try officerOptions.officer(environment)
            if DurableFile.exists(store) { throw CLIError.usage("\(store) already exists; choose a new folder for your copy.") }
            do {
                let (_, joined) = try SharedStore.clone(url: url, into: store, party: officer.party, code: member,
                                                        executable: cobuyExecutablePath())
                print("Cloned \(url) into \(store) as member \(joined.code) for \(joined.party). Run cobuy sync to share your work.")
            } catch {
                throw CLIError.failed("\(error)")
            }
        }
    }
}

struct ShareRegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Register the record merge driver in a clone made with plain git clone.")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reportingErrors {
            let session = try CommandSession(storeOptions)
            do {
                try SharedStore(store: session.store).registerDriver(executable: cobuyExecutablePath())
            } catch {
                throw CLIError.failed("\(error)")
            }
            print("Registered the record merge driver in \(session.store.root).")
        }
    }
}

/// `cobuy merge-driver %O %A %B %P`: what git runs for a record file both sides changed.
struct MergeDriverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "merge-driver", abstract: "Merge one record file (run by git).",
                                                    shouldDisplay: false)

    @Argument var base: String
    @Argument var ours: String
    @Argument var theirs: String
    @Argument var pathname: String

    func run() throws {
        // git runs drivers at the top of the work tree: that is the store.
        let report = MergeDriver.run(base: base, ours: ours, theirs: theirs, pathname: pathname,
                                     storeRoot: FileManager.default.currentDirectoryPath)
        if let message = report.message { printError(message) }
        if report.status != 0 { throw ExitCode(report.status) }
    }
}
