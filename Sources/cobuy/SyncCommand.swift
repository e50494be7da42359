import ArgumentParser
import CobuyCore
import CobuyStore
import CobuySync
import Foundation

/// `cobuy sync`: commit, fetch, merge, check, push. Exit 0 synced; 1 synced but records need
/// a decision (each named), or not synced; 64 usage.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Send your work to the other members and receive theirs.",
        discussion: """
        Commits what you did (the message lists the actions), fetches, merges record by record, \
        checks what arrived, and pushes; tries again when another member pushed first. \
        Exit status: 0 synced; 1 synced but records need a decision (each is named; see cobuy list \
        conflicts and the resolve action), or nothing kept because what arrived failed its checks; 64 usage.
        """)

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reportingErrors {
            let session = try CommandSession(storeOptions)
            let interactive = isatty(STDERR_FILENO) == 1
            let report: Sync.Report
            do {
                report = try Sync(shared: SharedStore(store: session.store)).run { step in
                    if interactive { Importing.progress("sync: \(step.description)…") }
                }
            } catch {
                if interactive { Importing.progress("") }
                throw CLIError.failed("sync: \(error)")
            }
            if interactive { Importing.progress("") }
            for line in report.sent { print("sent \(Printable.line(line))") }
            for finding in report.rejected { printError(finding.description) }
            for record in report.conflicts {
                print("needs a decision: \(record.id) \(Printable.line(record.record.conflict?.summary ?? ""))")
            }
            print(Printable.line(report.summary))
            if !report.rejected.isEmpty || !report.conflicts.isEmpty { throw ExitCode(ExitStatus.refused) }
        }
    }
}
