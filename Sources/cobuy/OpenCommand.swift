import ArgumentParser
import CobuyResources
import CobuyCore
import CobuyStore
import CobuyTerminal
import CobuyUI
import Foundation

/// `cobuy [--store DIR]`: open the store (the terminal UI).
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open the store in the terminal UI (the default).")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var officerOptions: OfficerOptions
    @Flag(name: .customLong("no-color"), help: "Draw without colour.") var noColor = false

    func run() throws {
        try reportingErrors {
            let session = try CommandSession(storeOptions)
            try Launcher.open(session: session, officer: officerOptions, noColor: noColor)
        }
    }
}

/// `cobuy demo`: the UI on a scratch copy of the bundled sample store, kept between runs.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Open a scratch copy of the sample store (kept between runs).")

    @OptionGroup var officerOptions: OfficerOptions
    @Flag(help: "Start again from a fresh copy of the sample store.") var reset = false
    @Flag(name: .customLong("no-color"), help: "Draw without colour.") var noColor = false

    func run() throws {
        try reportingErrors {
            let environment = CobuyEnvironment()
            let path = environment.demoStorePath
            if reset || !DurableFile.exists("\(path)/cobuy.json") {
                if DurableFile.exists(path) { try FileManager.default.removeItem(atPath: path) }
                try SampleStore.copy(to: path)
            } else if try Store(root: path).fixedClock() == nil {
                // A demo store made before the clock was a store setting: give it the clock its
                // sample data is written for, which the UI alone used to get.
                try SampleStore.fixClock(of: Store(root: path))
            }
            var options = StoreOptions()
            options.store = path
            let session = try CommandSession(options, environment: environment)
            try Launcher.open(session: session, officer: officerOptions, noColor: noColor)
        }
    }
}

/// Starts the UI on a session.
enum Launcher {
    static func open(session: CommandSession, officer: OfficerOptions, noColor: Bool) throws {
        let resolved = session.environment.officer(name: officer.actor, party: officer.party)
        let acting = resolved.party.map { Officer(name: resolved.name ?? "", party: $0) }
        let theme = Theme.choose(environment: session.environment.variables, noColorFlag: noColor)
        // Not a terminal (a pipe, a script): print the dashboard as text instead.
        guard let terminal = NcursesTerminal(useColor: theme.usesColor) else {
            DashboardText.print(session: session, party: acting?.party)
            return
        }
        let app = App(store: session.store, environment: session.environment, terminal: terminal, theme: theme,
                      officer: acting.flatMap { $0.name.isEmpty ? nil : $0 }, now: session.now,
                      bundledTemplates: CobuyResources.templates?.path)
        let status = app.run()
        if status != 0 { throw ExitCode(status) }
    }
}

/// The dashboard as text: what needs attention soon.
enum DashboardText {
    static func print(session: CommandSession, party: String? = nil) {
        let lookup = StoreLookup(store: session.store)
        let records = session.loadWorkingSet()
        let solicitations = records.compactMap { if case .solicitation(let value) = $0 { value } else { nil } }
        let contracts = records.compactMap { if case .contract(let value) = $0 { value } else { nil } }
        let addenda = records.compactMap { if case .addendum(let value) = $0 { value } else { nil } }
        let dashboard = Dashboard(solicitations: solicitations, contracts: contracts, addenda: addenda, today: session.today, lookup: lookup)
        Swift.print("Cobuy — \(session.store.root) — today \(session.today)")
        // What waits for the acting party first, as in the UI (the same core function).
        if let party, lookup.party(party) != nil {
            let items = PartyWork.items(for: party, solicitations: solicitations, contracts: contracts, addenda: addenda, now: session.now, lookup: lookup)
            Swift.print("\nMy work (\(party)):")
            if items.isEmpty { Swift.print("  nothing waits for \(party) now") }
            for item in items { Swift.print(Printable.line("  \(item.recordID)  \(item.action ?? "-")  \(item.title) — \(item.detail)")) }
        }
        for (title, entries) in [("Solicitations closing", dashboard.closingSolicitations),
                                 ("Contracts expiring within \(Dashboard.expiryWindow) days", dashboard.expiringContracts),
                                 ("Addenda awaiting approval or signature", dashboard.addendaAwaiting)] {
            Swift.print("\n\(title):")
            if entries.isEmpty { Swift.print("  none") }
            for entry in entries { Swift.print(Printable.line("  \(entry.id)  \(entry.title) — \(entry.detail)")) }
        }
    }
}
