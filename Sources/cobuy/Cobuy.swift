import ArgumentParser
import Foundation

/// `cobuy`: cooperative public purchasing from the terminal.
@main
struct Cobuy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cobuy",
        abstract: "Buy together: joint solicitations, cooperative contracts and participating addenda.",
        discussion: """
        Records live as JSON files in a store folder: --store DIR, else $COBUY_STORE, else \
        $XDG_DATA_HOME/cobuy/store. The acting officer comes from --as NAME --for PARTY, else \
        $COBUY_ACTOR and $COBUY_PARTY, else $XDG_CONFIG_HOME/cobuy/config.json. $COBUY_NOW \
        (ISO 8601) sets the clock for rehearsals and tests.
        Exit status: 0 done, 1 refused by a guard or a conflict, 64 usage error.
        """,
        subcommands: [
            OpenCommand.self, DemoCommand.self, InitCommand.self, NewCommand.self, DoCommand.self,
            ActionsCommand.self, ShowCommand.self, ListCommand.self, ValidateCommand.self, ExportCommand.self, ImportCommand.self,
            ConfigCommand.self,
            ShareCommand.self, SyncCommand.self, MergeDriverCommand.self,
        ],
        defaultSubcommand: OpenCommand.self
    )

    /// The argument parser's `main`, with output checked at exit and a command that met an
    /// unreadable file or folder ending with status 1 (StandardOutput.swift).
    static func main() {
        StandardOutput.checkAtExit()
        do {
            let arguments = LeadingOptions.reordered(Array(CommandLine.arguments.dropFirst()),
                                                     commands: configuration.subcommands)
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            exit(withError: error)
        }
        Foundation.exit(StandardOutput.missedUnreadable ? 1 : 0)
    }
}
